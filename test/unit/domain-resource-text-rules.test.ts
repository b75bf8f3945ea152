/**
 * Issue 14 item 6 (text rules): the name and description lengths of instances, disks,
 * snapshots, security groups, VPCs and vSwitches come from `domain/resource-text-rules.ts`
 * for the providers' validators and the cloud's checks alike; probed at the rule's edges.
 */
import { describe, expect, it } from 'vitest';
import { ECS_DESCRIPTION, ECS_NAME, followsTextRule, VPC_DESCRIPTION, VPC_NAME, type TextRule } from '../../src/domain/resource-text-rules.js';
import type { BlockSchema } from '../../src/provider/framework/index.js';
import { diskSchema } from '../../src/provider/alicloud/disk.js';
import { securityGroupSchema } from '../../src/provider/alicloud/security-group.js';
import { vpcSchema } from '../../src/provider/alicloud/vpc.js';
import { vswitchSchema } from '../../src/provider/alicloud/vswitch.js';
import { isValidDescription } from '../../src/cloud/api/compute/text-rules.js';
import { securityGroupName, vpcName } from '../../src/cloud/api/network/text-rules.js';

function providerAccepts(schema: BlockSchema, attribute: string, value: string): boolean {
  return (schema.attributes[attribute]?.validators ?? []).every((validator) => validator(value, { key: attribute }) === undefined);
}

function cloudAccepts(check: (value: string) => unknown, value: string): boolean {
  try {
    check(value);
    return true;
  } catch {
    return false;
  }
}

const text = (length: number): string => 'a'.repeat(length);

describe('resource text rules come from one domain rule', () => {
  it.each([
    ['disk_name', diskSchema, 'disk_name', ECS_NAME],
    ['disk description', diskSchema, 'description', ECS_DESCRIPTION],
    ['security_group_name', securityGroupSchema, 'security_group_name', ECS_NAME],
    ['vpc_name', vpcSchema, 'vpc_name', VPC_NAME],
    ['vswitch description', vswitchSchema, 'description', VPC_DESCRIPTION],
  ] as const)('%s: the provider accepts exactly the rule', (_, schema, attribute, rule: TextRule) => {
    expect(providerAccepts(schema, attribute, text(rule.min))).toBe(true);
    expect(providerAccepts(schema, attribute, text(rule.max))).toBe(true);
    expect(providerAccepts(schema, attribute, text(rule.max + 1))).toBe(false);
    if (rule.min > 1) expect(providerAccepts(schema, attribute, text(rule.min - 1))).toBe(false);
    expect(providerAccepts(schema, attribute, `http://${text(rule.min)}`)).toBe(false);
  });

  it('the cloud checks the same edges', () => {
    expect(isValidDescription(text(ECS_DESCRIPTION.max))).toBe(true);
    expect(isValidDescription(text(ECS_DESCRIPTION.max + 1))).toBe(false);
    expect(cloudAccepts(securityGroupName, text(ECS_NAME.max))).toBe(true);
    expect(cloudAccepts(securityGroupName, text(ECS_NAME.max + 1))).toBe(false);
    expect(cloudAccepts(vpcName, text(VPC_NAME.min))).toBe(true);
    expect(cloudAccepts(vpcName, text(VPC_NAME.max + 1))).toBe(false);
    expect(followsTextRule('1abc', ECS_NAME)).toBe(false);
    expect(followsTextRule('名字', ECS_NAME)).toBe(true);
  });
});
