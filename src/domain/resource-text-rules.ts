/**
 * The documented length and prefix rules of the free-text attributes of instances, disks,
 * snapshots, security groups, VPCs and vSwitches (RunInstances, CreateDisk, CreateSnapshot,
 * CreateSecurityGroup, CreateVpc, CreateVSwitch in ecs-api.md), once for the cloud's checks
 * and the providers' plan-time validators. The products differ: ECS names are 2–128
 * characters starting with a letter and descriptions 2–256, while the VPC product allows
 * 1–128 and 1–256 with any first character. Images have their own rules
 * (`image-text-rules.ts`). No value may start with `http://` or `https://`.
 */

export interface TextRule {
  /** Characters (code points), inclusive. */
  readonly min: number;
  readonly max: number;
  /** The first character must be a letter (any script, so Chinese characters count). */
  readonly startsWithLetter?: boolean;
}

/** Instance, disk, snapshot and security group names (ECS). */
export const ECS_NAME: TextRule = { min: 2, max: 128, startsWithLetter: true };
/** Instance, disk, snapshot and security group descriptions (ECS). */
export const ECS_DESCRIPTION: TextRule = { min: 2, max: 256 };
/** VPC and vSwitch names (VPC product). */
export const VPC_NAME: TextRule = { min: 1, max: 128 };
/** VPC and vSwitch descriptions (VPC product). */
export const VPC_DESCRIPTION: TextRule = { min: 1, max: 256 };

export const URL_PREFIX = /^https?:\/\//i;
const STARTS_WITH_LETTER = /^\p{L}/u;

export function followsTextRule(value: string, rule: TextRule): boolean {
  const length = [...value].length;
  if (length < rule.min || length > rule.max) return false;
  if (URL_PREFIX.test(value)) return false;
  return rule.startsWithLetter !== true || STARTS_WITH_LETTER.test(value);
}
