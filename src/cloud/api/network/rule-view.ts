/**
 * A stored rule as DescribeSecurityGroupAttribute lists it
 * (`Permissions.Permission[]`): every key present, unused peer fields `""`,
 * the policy capitalised and the priority a JSON number, which aliyungo's
 * strict decoder needs and Go SDK v1's fuzzy one accepts (ecs-api-more.md §1.0).
 */
import type { Selectable } from 'kysely';
import type { ActionContext } from '../action.js';
import type { SecurityGroupRuleTable } from '../../store/schema.js';
import { echoedPolicy } from '../../../domain/security-group-rule.js';
import { isoSeconds } from './wire-format.js';

export type RuleRow = Selectable<SecurityGroupRuleTable>;

/** The names of the groups the rules point at, for `SourceGroupName` / `DestGroupName`. */
export async function peerGroupNames(ctx: ActionContext, rules: readonly RuleRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rules.flatMap((rule) => [rule.source_group_id, rule.dest_group_id]).filter((id) => id !== ''))];
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('security_groups').select(['id', 'security_group_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.security_group_name]));
}

export function permissionView(rule: RuleRow, groupNames: ReadonlyMap<string, string>): Record<string, unknown> {
  return {
    SecurityGroupRuleId: rule.id,
    Direction: rule.direction,
    IpProtocol: rule.ip_protocol,
    PortRange: rule.port_range,
    SourcePortRange: rule.source_port_range,
    NicType: rule.nic_type,
    Policy: echoedPolicy(rule.policy),
    Priority: Number(rule.priority),
    SourceCidrIp: rule.source_cidr_ip,
    Ipv6SourceCidrIp: rule.ipv6_source_cidr_ip,
    SourceGroupId: rule.source_group_id,
    SourceGroupName: groupNames.get(rule.source_group_id) ?? '',
    SourceGroupOwnerAccount: rule.source_group_owner_account,
    SourcePrefixListId: rule.source_prefix_list_id,
    SourcePrefixListName: '',
    DestCidrIp: rule.dest_cidr_ip,
    Ipv6DestCidrIp: rule.ipv6_dest_cidr_ip,
    DestGroupId: rule.dest_group_id,
    DestGroupName: groupNames.get(rule.dest_group_id) ?? '',
    DestGroupOwnerAccount: rule.dest_group_owner_account,
    DestPrefixListId: rule.dest_prefix_list_id,
    DestPrefixListName: '',
    PortRangeListId: '',
    PortRangeListName: '',
    Description: rule.description,
    CreateTime: isoSeconds(Number(rule.creation_time)),
  };
}
