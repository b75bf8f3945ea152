/**
 * The per-instance reads older tools and terraform's `alicloud_instance`
 * Read make besides DescribeInstances (ecs-api-more.md §3.0–§3.7):
 * DescribeInstanceAttribute (aliyungo's waiter), DescribeUserData (and its
 * legacy spelling DescribeUserdata), DescribeInstanceRamRole,
 * DescribeNetworkInterfaces (each instance's primary ENI),
 * DescribeInstanceMaintenanceAttributes, DescribeInstanceAutoRenewAttribute and
 * DescribeInstanceAttachmentAttributes. All read the instance's real row;
 * what this cloud does not model answers ECS's defaults. Booleans are JSON
 * booleans and objects are objects: the provider type-asserts them.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { readPage, pageFields, NETWORK_TOKENS } from '../paging.js';
import { renderInstances } from './describe-instances.js';
import { requireOwnInstance, type InstanceRow } from './instance-lookup.js';
import { idScope, regionScope } from './scope.js';
import { isoMinutes } from './time-format.js';

/** The fields of DescribeInstanceAttribute's answer, as the SDK model lists them. */
const ATTRIBUTE_FIELDS = [
  'ClusterId', 'Cpu', 'CreationTime', 'CreditSpecification', 'DedicatedHostAttribute', 'Description', 'ExpiredTime',
  'HostName', 'ImageId', 'InnerIpAddress', 'InstanceChargeType', 'InstanceId', 'InstanceName', 'InstanceNetworkType',
  'InstanceType', 'InternetChargeType', 'InternetMaxBandwidthIn', 'InternetMaxBandwidthOut', 'IoOptimized', 'Memory',
  'OperationLocks', 'PublicIpAddress', 'RegionId', 'SecurityGroupIds', 'SecurityOptions', 'SerialNumber', 'Status',
  'StoppedMode', 'VlanId', 'VpcAttributes', 'ZoneId', 'KeyPairName',
];

/** The caller's instances in the region among `ids`, in the order asked; any unknown id → `InvalidInstanceId.NotFound`. */
async function ownInstances(ctx: ActionContext, ids: readonly string[]): Promise<InstanceRow[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('instances')
    .selectAll()
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return [...new Set(ids)].map((id) => {
    const row = byId.get(id);
    if (row === undefined) throw new EcsError('InvalidInstanceId.NotFound');
    return row;
  });
}

async function allInstances(ctx: ActionContext): Promise<InstanceRow[]> {
  const scope = regionScope(ctx);
  return ctx.db
    .selectFrom('instances')
    .selectAll()
    .where('account_id', '=', scope.accountId)
    .where('region_id', '=', scope.regionId)
    .orderBy('creation_time', 'desc')
    .orderBy('id')
    .execute();
}

export async function describeInstanceAttribute(ctx: ActionContext): Promise<ActionResult> {
  const row = await requireOwnInstance(ctx.db, idScope(ctx), ctx.params.requiredString('InstanceId'));
  const [rendered] = await renderInstances(ctx.db, [row]);
  const instance = rendered as Record<string, unknown>;
  const eip = instance['EipAddress'] as Record<string, unknown>;
  return {
    ...Object.fromEntries(ATTRIBUTE_FIELDS.map((field) => [field, instance[field]])),
    EipAddress: { AllocationId: eip['AllocationId'], IpAddress: eip['IpAddress'], Bandwidth: eip['Bandwidth'], InternetChargeType: eip['InternetChargeType'] },
    EnableJumboFrame: false,
    EnableNetworkEncryption: false,
    NetworkOptions: { BandwidthWeighting: '', EnableJumboFrame: false, EnableNetworkEncryption: false },
  };
}

export async function describeUserData(ctx: ActionContext): Promise<ActionResult> {
  const row = await requireOwnInstance(ctx.db, regionScope(ctx), ctx.params.requiredString('InstanceId'));
  return { InstanceId: row.id, RegionId: row.region_id, UserData: row.user_data };
}

/** `InstanceIds` as a JSON array of at most `max` ids; a malformed list gets `code`. */
function jsonIds(ctx: ActionContext, max: number, code: 'InvalidInstanceIds.Malformed' | 'InvalidParameter'): string[] | undefined {
  try {
    const ids = ctx.params.jsonArray('InstanceIds');
    if (ids !== undefined && ids.length > max) throw EcsError.invalidParameter('InstanceIds');
    return ids;
  } catch (error) {
    if (error instanceof EcsError && code === 'InvalidInstanceIds.Malformed') throw new EcsError(code);
    throw error;
  }
}

/** Instances holding a RAM role, of `InstanceIds` and/or named `RamRoleName`; instances without a role are not listed. */
export async function describeInstanceRamRole(ctx: ActionContext): Promise<ActionResult> {
  const page = readPage(ctx.params, { maxPageSize: 50 });
  const ids = jsonIds(ctx, 50, 'InvalidInstanceIds.Malformed');
  const roleName = ctx.params.string('RamRoleName');
  if ((ids === undefined || ids.length === 0) && roleName === undefined) throw new EcsError('InvalidParameter.AllEmpty', 'InstanceIds, RamRoleName');
  const rows = ids !== undefined && ids.length > 0 ? await ownInstances(ctx, ids) : await allInstances(ctx);
  const holders = rows.filter((row) => row.ram_role_name !== '' && (roleName === undefined || row.ram_role_name === roleName));
  return {
    RegionId: ctx.regionId,
    TotalCount: holders.length,
    InstanceRamRoleSets: {
      InstanceRamRoleSet: holders.slice(page.offset, page.offset + page.limit).map((row) => ({ InstanceId: row.id, RamRoleName: row.ram_role_name })),
    },
  };
}

/** The primary ENI every instance has, from its DescribeInstances rendering. */
function primaryEni(instance: Record<string, unknown>, row: InstanceRow): Record<string, unknown> {
  const eni = ((instance['NetworkInterfaces'] as { NetworkInterface: Array<Record<string, unknown>> }).NetworkInterface[0] ?? {}) as Record<string, unknown>;
  return {
    NetworkInterfaceId: eni['NetworkInterfaceId'],
    NetworkInterfaceName: '',
    Description: '',
    Type: 'Primary',
    Status: 'InUse',
    InstanceId: row.id,
    VpcId: row.vpc_id,
    VSwitchId: row.vswitch_id,
    ZoneId: row.zone_id,
    MacAddress: eni['MacAddress'],
    PrivateIpAddress: row.private_ip,
    PrivateIpSets: { PrivateIpSet: [{ PrivateIpAddress: row.private_ip, Primary: true, PrivateDnsName: '', AssociatedPublicIp: { PublicIpAddress: '', AllocationId: '' } }] },
    Ipv6Sets: { Ipv6Set: [] },
    Ipv4PrefixSets: { Ipv4PrefixSet: [] },
    Ipv6PrefixSets: { Ipv6PrefixSet: [] },
    SecurityGroupIds: instance['SecurityGroupIds'],
    Attachment: { InstanceId: row.id, DeviceIndex: 0, NetworkCardIndex: 0, TrunkNetworkInterfaceId: '' },
    AssociatedPublicIp: { PublicIpAddress: '', AllocationId: '' },
    CreationTime: isoMinutes(row.creation_time),
    ResourceGroupId: row.resource_group_id,
    DeleteOnRelease: true,
    ServiceManaged: false,
    SourceDestCheck: false,
    NetworkInterfaceTrafficMode: 'Standard',
    QueueNumber: 0,
    QueuePairNumber: 0,
    Tags: { Tag: [] },
  };
}

/** Filters of DescribeNetworkInterfaces that this cloud's ENIs can match: name → the ENI's value(s). */
function eniMatches(ctx: ActionContext, eni: Record<string, unknown>): boolean {
  const { params } = ctx;
  const eniIds = params.list('NetworkInterfaceId').filter((id) => id !== '');
  if (eniIds.length > 0 && !eniIds.includes(String(eni['NetworkInterfaceId']))) return false;
  const addresses = params.list('PrivateIpAddress').filter((ip) => ip !== '');
  if (addresses.length > 0 && !addresses.includes(String(eni['PrivateIpAddress']))) return false;
  const groups = (eni['SecurityGroupIds'] as { SecurityGroupId: string[] }).SecurityGroupId;
  const groupId = params.string('SecurityGroupId');
  if (groupId !== undefined && !groups.includes(groupId)) return false;
  const equal: ReadonlyArray<readonly [string, string]> = [
    ['InstanceId', 'InstanceId'], ['VpcId', 'VpcId'], ['VSwitchId', 'VSwitchId'], ['Type', 'Type'], ['Status', 'Status'],
    ['PrimaryIpAddress', 'PrivateIpAddress'], ['ResourceGroupId', 'ResourceGroupId'],
  ];
  return equal.every(([param, field]) => {
    const wanted = params.string(param);
    return wanted === undefined || wanted === String(eni[field]);
  });
}

export async function describeNetworkInterfaces(ctx: ActionContext): Promise<ActionResult> {
  const page = readPage(ctx.params, { maxPageSize: 100, byToken: { tokens: NETWORK_TOKENS, minResults: 10, maxResults: 500 } });
  const { params } = ctx;
  for (const name of ['NetworkInterfaceId', 'PrivateIpAddress', 'Ipv6Address']) {
    if (params.list(name).length > 100) throw EcsError.invalidParameter(name);
  }
  const type = params.string('Type');
  if (type !== undefined && type !== 'Primary' && type !== 'Secondary') throw EcsError.invalidParameter('Type');
  const rows = await allInstances(ctx);
  const rendered = await renderInstances(ctx.db, rows);
  // Only primary ENIs exist here, and they hold no IPv6 addresses.
  const enis = params.list('Ipv6Address').length > 0 ? [] : rows.map((row, index) => primaryEni(rendered[index] ?? {}, row)).filter((eni) => eniMatches(ctx, eni));
  return {
    ...pageFields(page, enis.length, NETWORK_TOKENS),
    NetworkInterfaceSets: { NetworkInterfaceSet: enis.slice(page.offset, page.offset + page.limit) },
  };
}

/** ECS's defaults for an instance nobody set maintenance attributes on. */
function maintenanceAttribute(row: InstanceRow): Record<string, unknown> {
  return {
    InstanceId: row.id,
    NotifyOnMaintenance: false,
    ActionOnMaintenance: { Value: 'AutoRecover', DefaultValue: 'AutoRecover', SupportedValues: { SupportedValue: ['Stop', 'AutoRecover', 'AutoRedeploy'] } },
    MaintenanceWindows: { MaintenanceWindow: [] },
  };
}

export async function describeInstanceMaintenanceAttributes(ctx: ActionContext): Promise<ActionResult> {
  const page = readPage(ctx.params, { maxPageSize: 100 });
  const ids = ctx.params.list('InstanceId').filter((id) => id !== '');
  if (ids.length > 100) throw new EcsError('InstanceIdLimitExceeded');
  const rows = ids.length > 0 ? await ownInstances(ctx, ids) : await allInstances(ctx);
  return {
    ...pageFields(page, rows.length),
    MaintenanceAttributes: { MaintenanceAttribute: rows.slice(page.offset, page.offset + page.limit).map(maintenanceAttribute) },
  };
}

/** Subscription instances only; this cloud never renews one automatically. */
export async function describeInstanceAutoRenewAttribute(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const page = readPage(params, { maxPageSize: 100 });
  const text = params.string('InstanceId');
  if (text === undefined) throw new EcsError('MissingParameter.InstanceId');
  const ids = text.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length > 100) throw new EcsError('InvalidParameter.ToManyInstanceIds');
  const renewalStatus = params.string('RenewalStatus');
  if (renewalStatus !== undefined && !['AutoRenewal', 'Normal', 'NotRenewal'].includes(renewalStatus)) throw new EcsError('InvalidParameter.RenewalStatus');
  const rows = await ownInstances(ctx, ids);
  if (rows.some((row) => row.instance_charge_type !== 'PrePaid')) throw new EcsError('ChargeTypeViolation');
  const listed = renewalStatus === undefined || renewalStatus === 'Normal' ? rows : [];
  return {
    ...pageFields(page, listed.length),
    InstanceRenewAttributes: {
      InstanceRenewAttribute: listed.slice(page.offset, page.offset + page.limit).map((row) => ({
        InstanceId: row.id,
        AutoRenewEnabled: false,
        RenewalStatus: 'Normal',
        Duration: 1,
        PeriodUnit: 'Month',
        EnableExpectedRenewDay: false,
      })),
    },
  };
}

/** No private pools here: every instance is listed with empty pool fields (the provider needs the entry). */
export async function describeInstanceAttachmentAttributes(ctx: ActionContext): Promise<ActionResult> {
  const page = readPage(ctx.params, { maxPageSize: 100 });
  const ids = jsonIds(ctx, 100, 'InvalidParameter');
  if (ids === undefined || ids.length === 0) throw EcsError.missingParameter('InstanceIds');
  const rows = (await allInstances(ctx)).filter((row) => ids.includes(row.id));
  return {
    ...pageFields(page, rows.length),
    Instances: {
      Instance: rows.slice(page.offset, page.offset + page.limit).map((row) => ({ InstanceId: row.id, PrivatePoolOptionsId: '', PrivatePoolOptionsMatchCriteria: '' })),
    },
  };
}
