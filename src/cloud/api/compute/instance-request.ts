/**
 * RunInstances / CreateInstance parameters, read and checked on their own
 * (no store access): names, counts, enums, disk specs, password, tags. What
 * needs the store (vSwitch, groups, image, snapshots) is `instance-placement.ts`.
 */
import { Params } from '../params.js';
import { EcsError, type ErrorCode } from '../errors.js';
import type { Tag } from '../../../domain/tags.js';
import { parseTags } from '../tags/tag-params.js';
import { checkDescription, checkDiskName, checkInstanceName } from './text-rules.js';
import { DATA_DISK_CATEGORIES, SYSTEM_DISK_CATEGORIES } from './disk-rules.js';
import { isPerformanceLevel, MAX_DATA_DISKS } from '../../../domain/disk-limits.js';

export interface SystemDiskRequest {
  readonly category?: string;
  readonly size?: number;
  readonly performanceLevel?: string;
  readonly name: string;
  readonly description: string;
  readonly encrypted: boolean;
}

export interface DataDiskRequest {
  /** `DataDisk.N` index, for error messages. */
  readonly index: number;
  readonly category: string;
  readonly size?: number;
  readonly performanceLevel?: string;
  readonly snapshotId?: string;
  readonly name: string;
  readonly description: string;
  readonly deleteWithInstance: boolean;
  readonly encrypted: boolean;
}

export interface LaunchRequest {
  readonly imageId: string;
  readonly instanceType: string;
  readonly vSwitchId: string;
  readonly zoneId?: string;
  readonly securityGroupIds: readonly string[];
  readonly amount: number;
  readonly minAmount: number;
  readonly instanceName?: string;
  readonly hostName?: string;
  /** Base64 text exactly as sent: DescribeUserData returns it unchanged. */
  readonly userData: string;
  /** The instance RAM role DescribeInstanceRamRole reports. */
  readonly ramRoleName: string;
  readonly uniqueSuffix: boolean;
  readonly description: string;
  readonly internetMaxBandwidthOut: number;
  readonly internetChargeType: string;
  readonly instanceChargeType: string;
  readonly keyPairName: string;
  readonly privateIpAddress?: string;
  readonly deletionProtection: boolean;
  readonly systemDisk: SystemDiskRequest;
  readonly dataDisks: readonly DataDiskRequest[];
  readonly tags: readonly Tag[];
  readonly resourceGroupId?: string;
  readonly dryRun: boolean;
}

const MAX_SECURITY_GROUPS = 5;
export const MAX_USER_DATA_BYTES = 32 * 1024;
const INTERNET_CHARGE_TYPES = ['PayByTraffic', 'PayByBandwidth'];
const INSTANCE_CHARGE_TYPES = ['PostPaid', 'PrePaid'];
const MONTH_PERIODS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60];
const PASSWORD_SPECIALS = "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/";

function optionalName(params: Params, name: string, check: (value: string) => void): string {
  const value = params.string(name);
  if (value !== undefined) check(value);
  return value ?? '';
}

function optionalDescription(params: Params, name: string, code: ErrorCode): string {
  const value = params.string(name);
  if (value !== undefined) checkDescription(value, code);
  return value ?? '';
}

function readSecurityGroupIds(params: Params): string[] {
  const single = params.string('SecurityGroupId');
  const many = params.list('SecurityGroupIds').filter((id) => id !== '');
  if (single !== undefined && many.length > 0) {
    throw new EcsError('InvalidParameter.Conflict', 'SecurityGroupId and SecurityGroupIds cannot be specified at the same time.');
  }
  const ids = single !== undefined ? [single] : [...new Set(many)];
  if (ids.length === 0) throw EcsError.missingParameter('SecurityGroupId');
  if (ids.length > MAX_SECURITY_GROUPS) throw EcsError.invalidParameter('SecurityGroupIds');
  return ids;
}

function readEnum(params: Params, name: string, values: readonly string[], fallback: string, code: ErrorCode): string {
  const value = params.string(name) ?? fallback;
  if (!values.includes(value)) throw new EcsError(code);
  return value;
}

export function checkPeriod(params: Params): void {
  const unit = params.string('PeriodUnit') ?? 'Month';
  if (unit !== 'Month' && unit !== 'Week') throw new EcsError('InvalidPeriodUnit.ValueNotSupported');
  const period = params.integer('Period', { code: 'InvalidPeriod' });
  if (period === undefined) throw EcsError.missingParameter('Period');
  const valid = unit === 'Week' ? period >= 1 && period <= 4 : MONTH_PERIODS.includes(period);
  if (!valid) throw new EcsError('InvalidPeriod');
}

function checkPassword(password: string): void {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((pattern) => pattern.test(password)).length +
    ([...password].some((char) => PASSWORD_SPECIALS.includes(char)) ? 1 : 0);
  const allowed = [...password].every((char) => /[a-zA-Z0-9]/.test(char) || PASSWORD_SPECIALS.includes(char));
  if (password.length < 8 || password.length > 30 || classes < 3 || !allowed) {
    throw new EcsError('InvalidPassword.Malformed');
  }
}

function checkPerformanceLevel(value: string | undefined): void {
  if (value !== undefined && !isPerformanceLevel(value)) throw new EcsError('InvalidPerformanceLevel.Malformed');
}

function readSystemDisk(params: Params): SystemDiskRequest {
  const category = params.string('SystemDisk.Category');
  if (category !== undefined && !(SYSTEM_DISK_CATEGORIES as readonly string[]).includes(category)) {
    throw new EcsError('InvalidSystemDiskCategory.ValueNotSupported');
  }
  const performanceLevel = params.string('SystemDisk.PerformanceLevel');
  checkPerformanceLevel(performanceLevel);
  return {
    category,
    size: params.integer('SystemDisk.Size'),
    performanceLevel,
    name: optionalName(params, 'SystemDisk.DiskName', checkDiskName),
    description: optionalDescription(params, 'SystemDisk.Description', 'InvalidDiskDescription.Malformed'),
    encrypted: params.boolean('SystemDisk.Encrypted') ?? false,
  };
}

function readDataDisks(params: Params): DataDiskRequest[] {
  const entries = params.objectList('DataDisk');
  if (entries.length > MAX_DATA_DISKS) throw new EcsError('InstanceDiskNumber.LimitExceed');
  return entries.map((entry, position): DataDiskRequest => {
    const index = position + 1;
    // Typed getters over this entry alone, under the names the errors should carry.
    const disk = new Params(new Map(Object.entries(entry).map(([key, value]) => [`DataDisk.${index}.${key}`, value])));
    const category = disk.string(`DataDisk.${index}.Category`) ?? 'cloud_efficiency';
    if (!(DATA_DISK_CATEGORIES as readonly string[]).includes(category)) {
      throw new EcsError('InvalidDataDiskCategory.ValueNotSupported');
    }
    const performanceLevel = disk.string(`DataDisk.${index}.PerformanceLevel`);
    checkPerformanceLevel(performanceLevel);
    const size = disk.integer(`DataDisk.${index}.Size`, { min: 1, code: 'InvalidDataDiskSize.ValueNotSupported' });
    const snapshotId = disk.string(`DataDisk.${index}.SnapshotId`);
    if (size === undefined && snapshotId === undefined) throw EcsError.missingParameter(`DataDisk.${index}.Size`);
    return {
      index,
      category,
      size,
      performanceLevel,
      snapshotId,
      name: optionalName(disk, `DataDisk.${index}.DiskName`, checkDiskName),
      description: optionalDescription(disk, `DataDisk.${index}.Description`, 'InvalidDiskDescription.Malformed'),
      deleteWithInstance: disk.boolean(`DataDisk.${index}.DeleteWithInstance`) ?? true,
      encrypted: disk.boolean(`DataDisk.${index}.Encrypted`) ?? false,
    };
  });
}

/**
 * Reads and checks every parameter that needs no store access. `single` is
 * CreateInstance, which takes no `Amount` / `MinAmount`.
 */
export function readLaunchRequest(params: Params, single: boolean): LaunchRequest {
  const imageId = params.requiredString('ImageId');
  const instanceType = params.requiredString('InstanceType');
  const vSwitchId = params.requiredString('VSwitchId');
  const securityGroupIds = readSecurityGroupIds(params);
  const amount = single ? 1 : params.integer('Amount', { min: 1, max: 100 }) ?? 1;
  const minAmount = single ? 1 : params.integer('MinAmount', { min: 1, max: 100 }) ?? amount;
  if (minAmount > amount) throw EcsError.invalidParameter('MinAmount');
  const privateIpAddress = params.string('PrivateIpAddress');
  if (privateIpAddress !== undefined && amount > 1) throw EcsError.invalidParameter('PrivateIpAddress');
  const instanceName = params.string('InstanceName');
  if (instanceName !== undefined) checkInstanceName(instanceName);
  const password = params.string('Password');
  if (password !== undefined) checkPassword(password);
  const userData = params.string('UserData');
  if (userData !== undefined && Buffer.byteLength(userData) > MAX_USER_DATA_BYTES) {
    throw new EcsError('InvalidUserData.SizeExceeded');
  }
  const instanceChargeType = readEnum(params, 'InstanceChargeType', INSTANCE_CHARGE_TYPES, 'PostPaid', 'InvalidInstanceChargeType.NotFound');
  if (instanceChargeType === 'PrePaid') checkPeriod(params);
  return {
    imageId,
    instanceType,
    vSwitchId,
    zoneId: params.string('ZoneId'),
    securityGroupIds,
    amount,
    minAmount,
    instanceName,
    hostName: params.string('HostName'),
    userData: userData ?? '',
    ramRoleName: params.string('RamRoleName') ?? '',
    uniqueSuffix: params.boolean('UniqueSuffix') ?? false,
    description: optionalDescription(params, 'Description', 'InvalidDescription.Malformed'),
    internetMaxBandwidthOut: params.integer('InternetMaxBandwidthOut', { min: 0, max: 100 }) ?? 0,
    internetChargeType: readEnum(params, 'InternetChargeType', INTERNET_CHARGE_TYPES, 'PayByTraffic', 'InvalidInternetChargeType.ValueNotSupported'),
    instanceChargeType,
    keyPairName: params.string('KeyPairName') ?? '',
    privateIpAddress,
    deletionProtection: params.boolean('DeletionProtection') ?? false,
    systemDisk: readSystemDisk(params),
    dataDisks: readDataDisks(params),
    tags: parseTags(params),
    resourceGroupId: params.string('ResourceGroupId'),
    dryRun: params.boolean('DryRun') ?? false,
  };
}
