/**
 * Name and description rules of the network resources (ecs-api.md
 * CreateSecurityGroup, CreateVpc, CreateVSwitch). An empty value means
 * "not given": the SDKs send `Name=` for unset fields.
 */
import { EcsError, type ErrorCode } from '../errors.js';

const URL_PREFIX = /^https?:\/\//i;
const STARTS_WITH_LETTER = /^\p{L}/u;

interface TextRule {
  readonly min: number;
  readonly max: number;
  readonly startsWithLetter?: boolean;
}

function follows(value: string, rule: TextRule): boolean {
  const length = [...value].length;
  if (length < rule.min || length > rule.max) return false;
  if (URL_PREFIX.test(value)) return false;
  return rule.startsWithLetter !== true || STARTS_WITH_LETTER.test(value);
}

/** The value when given and valid, `""` when absent, otherwise `code`. */
function checked(value: string | undefined, rule: TextRule, code: ErrorCode): string {
  if (value === undefined) return '';
  if (!follows(value, rule)) throw new EcsError(code);
  return value;
}

/** 2–128 characters, starting with a letter (or CJK character), no http(s):// prefix. */
export function securityGroupName(value: string | undefined): string {
  return checked(value, { min: 2, max: 128, startsWithLetter: true }, 'InvalidSecurityGroupName.Malformed');
}

/** 2–256 characters, no http(s):// prefix. */
export function securityGroupDescription(value: string | undefined): string {
  return checked(value, { min: 2, max: 256 }, 'InvalidSecurityGroupDiscription.Malformed');
}

/** 1–128 characters, no http(s):// prefix. */
export function vpcName(value: string | undefined): string {
  return checked(value, { min: 1, max: 128 }, 'InvalidVpcName.Malformed');
}

/** 1–256 characters, no http(s):// prefix (the error code's spelling is the real one). */
export function vpcDescription(value: string | undefined): string {
  return checked(value, { min: 1, max: 256 }, 'InvalidVpcDiscription.Malformed');
}

export function vswitchName(value: string | undefined): string {
  return checked(value, { min: 1, max: 128 }, 'InvalidVSwitchName.Malformed');
}

export function vswitchDescription(value: string | undefined): string {
  return checked(value, { min: 1, max: 256 }, 'InvalidVSwitchDescription.Malformed');
}
