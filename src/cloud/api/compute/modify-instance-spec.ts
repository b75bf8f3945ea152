/**
 * The instance-type changes terraform's `alicloud_instance` makes in place
 * (ecs-api.md §TF, Update): ModifyInstanceSpec for a pay-as-you-go instance,
 * which must be Stopped to change its type, and ModifyPrepayInstanceSpec for a
 * subscription one (Running or Stopped; it answers the upgrade's `OrderId`).
 * Either way the new type must exist and be sold in the instance's zone; the
 * instance then reports its `InstanceType`, `Cpu` and `Memory`.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { withClientToken } from '../idempotency.js';
import { endDryRun } from '../dry-run.js';
import { findInstanceType, isInstanceTypeAvailableInZone } from '../catalog/catalog.js';
import { requireOwnInstance, type InstanceRow } from './instance-lookup.js';
import { idScope } from './scope.js';
import { newOrderId } from './order-id.js';

const OPERATOR_TYPES = ['upgrade', 'downgrade'];

export function modifyInstanceSpec(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'ModifyInstanceSpec', () => modifyPostPaidSpec(ctx));
}

export function modifyPrepayInstanceSpec(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'ModifyPrepayInstanceSpec', () => modifyPrePaidSpec(ctx));
}

async function modifyPostPaidSpec(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const instance = await requireOwnInstance(ctx.db, idScope(ctx), params.requiredString('InstanceId'));
  const typeId = params.string('InstanceType');
  const bandwidthOut = params.integer('InternetMaxBandwidthOut', { min: 0, max: 100 });
  params.integer('InternetMaxBandwidthIn', { min: 1, max: 200 });
  if (instance.instance_charge_type === 'PrePaid') throw new EcsError('ChargeTypeViolation');
  const type = typeId === undefined ? undefined : newTypeOf(instance, typeId);
  if (type !== undefined && instance.status !== 'Stopped') throw new EcsError('IncorrectInstanceStatus');
  if (instance.status !== 'Running' && instance.status !== 'Stopped') throw new EcsError('IncorrectInstanceStatus');
  endDryRun(params);
  if (type !== undefined) await writeType(ctx, instance, type);
  if (bandwidthOut !== undefined) {
    await ctx.db.updateTable('instances').set({ internet_max_bandwidth_out: bandwidthOut }).where('id', '=', instance.id).execute();
  }
  return {};
}

async function modifyPrePaidSpec(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const instance = await requireOwnInstance(ctx.db, idScope(ctx), params.requiredString('InstanceId'));
  const type = newTypeOf(instance, params.requiredString('InstanceType'));
  const operatorType = params.string('OperatorType');
  if (operatorType !== undefined && !OPERATOR_TYPES.includes(operatorType.toLowerCase())) throw EcsError.invalidParameter('OperatorType');
  params.boolean('AutoPay');
  params.boolean('RebootWhenFinished');
  if (instance.instance_charge_type !== 'PrePaid') throw new EcsError('ChargeTypeViolation');
  if (instance.status !== 'Running' && instance.status !== 'Stopped') throw new EcsError('IncorrectInstanceStatus');
  endDryRun(params);
  await writeType(ctx, instance, type);
  return { OrderId: newOrderId() };
}

interface NewType {
  readonly id: string;
  readonly cpu: number;
  readonly memoryMiB: number;
}

/** The requested type, which must exist and be sold in the instance's zone. */
function newTypeOf(instance: InstanceRow, typeId: string): NewType {
  const type = findInstanceType(typeId);
  if (type === undefined) throw new EcsError('InvalidInstanceType.ValueNotSupported');
  if (!isInstanceTypeAvailableInZone(instance.region_id, instance.zone_id, type.instanceTypeId)) {
    throw new EcsError('InvalidInstanceType.ZoneNotSupported');
  }
  return { id: type.instanceTypeId, cpu: type.cpuCoreCount, memoryMiB: Math.round(type.memorySize * 1024) };
}

async function writeType(ctx: ActionContext, instance: InstanceRow, type: NewType): Promise<void> {
  await ctx.db
    .updateTable('instances')
    .set({ instance_type: type.id, cpu: type.cpu, memory: type.memoryMiB })
    .where('id', '=', instance.id)
    .execute();
}
