/**
 * RunInstances and CreateInstance. Both validate the same way (request, then
 * placement against the store and catalog), then write in the request's
 * transaction: the instance rows, their security groups, a system disk and
 * the data disks (In_use), tags on the instance and its disks, and private
 * IPs from the vSwitch. RunInstances starts the instances (Pending → Starting
 * → Running by a durable job); CreateInstance leaves its one instance Stopped.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { newId } from '../../../domain/ids.js';
import { withClientToken } from '../idempotency.js';
import { resolveResourceGroupId } from '../resource-manager/resource-groups.js';
import { setTags } from '../tags/tag-store.js';
import { scheduleInstanceTransition } from '../../jobs/instance-transition.js';
import { readLaunchRequest, type LaunchRequest } from './instance-request.js';
import { requireKeyPair } from '../keypairs/key-pair-lookup.js';
import { placeInstances, type Placement, type PlannedDisk } from './instance-placement.js';
import { allocateIps, checkRequestedIp, takenIps } from './private-ip.js';
import { DATA_DEVICES, SYSTEM_DEVICE, insertDisk } from './disk-store.js';
import { checkHostName } from './text-rules.js';

interface LaunchMode {
  /** CreateInstance: one instance, left Stopped. */
  readonly single: boolean;
}

/**
 * The `[begin,bits]` sequence syntax of InstanceName / HostName: `node-[1,3]`
 * names the instances node-001, node-002, …; `UniqueSuffix` appends a
 * three-digit sequence number to a name without one when several are created.
 */
export function sequenceName(template: string, index: number, amount: number, uniqueSuffix: boolean): string {
  const pattern = /\[(\d+),(\d+)\]/;
  const match = pattern.exec(template);
  if (match !== null) {
    const number = String(Number(match[1]) + index).padStart(Number(match[2]), '0');
    return template.replace(pattern, number);
  }
  if (uniqueSuffix && amount > 1) return `${template}${String(index + 1).padStart(3, '0')}`;
  return template;
}

/** ECS's default host name, `iZ<instance id tail>Z`. */
function defaultHostName(instanceId: string, osType: string): string {
  const tail = instanceId.slice(2);
  return osType === 'windows' ? `iZ${tail.slice(0, 12)}Z` : `iZ${tail}Z`;
}

async function privateIps(ctx: ActionContext, request: LaunchRequest, placement: Placement): Promise<string[]> {
  const taken = await takenIps(ctx.db, placement.vSwitch.id);
  if (request.privateIpAddress !== undefined) {
    return [checkRequestedIp(placement.vSwitch.cidr_block, request.privateIpAddress, taken)];
  }
  return allocateIps(placement.vSwitch.cidr_block, taken, request.amount);
}

interface NewInstance {
  readonly id: string;
  readonly name: string;
  readonly hostName: string;
  readonly privateIp: string;
}

function nameInstances(request: LaunchRequest, placement: Placement, ips: readonly string[]): NewInstance[] {
  return ips.map((privateIp, index) => {
    const id = newId('instance', placement.vSwitch.region_id);
    const name = request.instanceName === undefined ? id : sequenceName(request.instanceName, index, request.amount, request.uniqueSuffix);
    const hostName =
      request.hostName === undefined
        ? defaultHostName(id, placement.image.os_type)
        : sequenceName(request.hostName, index, request.amount, request.uniqueSuffix);
    return { id, name, hostName, privateIp };
  });
}

async function writeDisk(
  ctx: ActionContext,
  instance: NewInstance,
  placement: Placement,
  disk: PlannedDisk,
  attachment: { readonly type: 'system' | 'data'; readonly device: string; readonly resourceGroupId: string; readonly chargeType: string },
): Promise<string> {
  return insertDisk(ctx.db, {
    accountId: ctx.account.id,
    regionId: ctx.regionId,
    zoneId: placement.zoneId,
    name: disk.name,
    description: disk.description,
    category: disk.category,
    performanceLevel: disk.performanceLevel,
    size: disk.size,
    type: attachment.type,
    imageId: attachment.type === 'system' ? placement.image.id : '',
    sourceSnapshotId: disk.snapshotId,
    deleteWithInstance: disk.deleteWithInstance,
    encrypted: disk.encrypted,
    resourceGroupId: attachment.resourceGroupId,
    now: ctx.now(),
    chargeType: attachment.chargeType,
    attachment: { instanceId: instance.id, device: attachment.device },
  });
}

async function writeInstance(
  ctx: ActionContext,
  request: LaunchRequest,
  placement: Placement,
  instance: NewInstance,
  resourceGroupId: string,
  mode: LaunchMode,
): Promise<void> {
  const now = ctx.now();
  const status = mode.single ? 'Stopped' : 'Pending';
  await ctx.db
    .insertInto('instances')
    .values({
      id: instance.id,
      account_id: ctx.account.id,
      region_id: ctx.regionId,
      zone_id: placement.zoneId,
      instance_name: instance.name,
      description: request.description,
      host_name: instance.hostName,
      user_data: request.userData,
      ram_role_name: request.ramRoleName,
      instance_type: placement.instanceType.instanceTypeId,
      cpu: placement.instanceType.cpuCoreCount,
      memory: Math.round(placement.instanceType.memorySize * 1024),
      image_id: placement.image.id,
      os_type: placement.image.os_type,
      os_name: placement.image.os_name,
      vpc_id: placement.vSwitch.vpc_id,
      vswitch_id: placement.vSwitch.id,
      private_ip: instance.privateIp,
      status,
      internet_max_bandwidth_out: request.internetMaxBandwidthOut,
      internet_charge_type: request.internetChargeType,
      instance_charge_type: request.instanceChargeType,
      key_pair_name: request.keyPairName,
      deletion_protection: request.deletionProtection ? 1 : 0,
      resource_group_id: resourceGroupId,
      creation_time: now,
      status_changed_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('instance_security_groups')
    .values(placement.securityGroupIds.map((groupId) => ({ instance_id: instance.id, security_group_id: groupId })))
    .execute();
  const diskIds = [
    await writeDisk(ctx, instance, placement, placement.systemDisk, { type: 'system', device: SYSTEM_DEVICE, resourceGroupId, chargeType: request.instanceChargeType }),
  ];
  for (const [index, disk] of placement.dataDisks.entries()) {
    const device = DATA_DEVICES[index] ?? '';
    diskIds.push(await writeDisk(ctx, instance, placement, disk, { type: 'data', device, resourceGroupId, chargeType: request.instanceChargeType }));
  }
  // RunInstances' Tag.N go on the instance and on the disks created with it.
  await setTags(ctx.db, { accountId: ctx.account.id, resourceType: 'instance', resourceId: instance.id, tags: request.tags });
  for (const diskId of diskIds) {
    await setTags(ctx.db, { accountId: ctx.account.id, resourceType: 'disk', resourceId: diskId, tags: request.tags });
  }
  if (!mode.single) {
    await scheduleInstanceTransition(ctx.db, {
      accountId: ctx.account.id,
      instanceId: instance.id,
      from: status,
      now,
      settings: ctx.settings,
    });
  }
}

async function launch(ctx: ActionContext, mode: LaunchMode): Promise<string[]> {
  const request = readLaunchRequest(ctx.params, mode.single);
  const placement = await placeInstances(ctx, request);
  if (request.hostName !== undefined) checkHostName(request.hostName.replace(/\[\d+,\d+\]/, '1'), placement.image.os_type);
  if (request.keyPairName !== '') await requireKeyPair(ctx, request.keyPairName);
  const resourceGroupId = await resolveResourceGroupId(ctx, request.resourceGroupId);
  const ips = await privateIps(ctx, request, placement);
  if (request.dryRun) throw new EcsError('DryRunOperation');
  const instances = nameInstances(request, placement, ips);
  for (const instance of instances) await writeInstance(ctx, request, placement, instance, resourceGroupId, mode);
  return instances.map((instance) => instance.id);
}

export async function runInstances(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'RunInstances', async () => {
    const ids = await launch(ctx, { single: false });
    return { InstanceIdSets: { InstanceIdSet: ids } };
  });
}

export async function createInstance(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'CreateInstance', async () => {
    const [id] = await launch(ctx, { single: true });
    return { InstanceId: id ?? '' };
  });
}
