/**
 * Name and description rules of the network resources (ecs-api.md
 * CreateSecurityGroup, CreateVpc, CreateVSwitch). An empty value means
 * "not given": the SDKs send `Name=` for unset fields.
 */
import { EcsError, type ErrorCode } from '../errors.js';
import { ECS_DESCRIPTION, ECS_NAME, followsTextRule, VPC_DESCRIPTION, VPC_NAME, type TextRule } from '../../../domain/resource-text-rules.js';

/** The value when given and valid, `""` when absent, otherwise `code`. */
function checked(value: string | undefined, rule: TextRule, code: ErrorCode): string {
  if (value === undefined) return '';
  if (!followsTextRule(value, rule)) throw new EcsError(code);
  return value;
}

/** 2–128 characters, starting with a letter (or CJK character), no http(s):// prefix. */
export function securityGroupName(value: string | undefined): string {
  return checked(value, ECS_NAME, 'InvalidSecurityGroupName.Malformed');
}

/** 2–256 characters, no http(s):// prefix. */
export function securityGroupDescription(value: string | undefined): string {
  return checked(value, ECS_DESCRIPTION, 'InvalidSecurityGroupDiscription.Malformed');
}

/** 1–128 characters, no http(s):// prefix. */
export function vpcName(value: string | undefined): string {
  return checked(value, VPC_NAME, 'InvalidVpcName.Malformed');
}

/** 1–256 characters, no http(s):// prefix (the error code's spelling is the real one). */
export function vpcDescription(value: string | undefined): string {
  return checked(value, VPC_DESCRIPTION, 'InvalidVpcDiscription.Malformed');
}

export function vswitchName(value: string | undefined): string {
  return checked(value, VPC_NAME, 'InvalidVSwitchName.Malformed');
}

export function vswitchDescription(value: string | undefined): string {
  return checked(value, VPC_DESCRIPTION, 'InvalidVSwitchDescription.Malformed');
}
