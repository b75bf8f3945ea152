/**
 * The billing switches terraform's `alicloud_instance` and `alicloud_disk`
 * make in place (ecs-api.md §TF, Update). ModifyInstanceChargeType turns up
 * to 20 Running or Stopped instances PostPaid ↔ PrePaid (PrePaid needs
 * `Period`/`PeriodUnit` as at launch); the system disk follows the instance,
 * data disks follow it to PrePaid only with `IncludeDataDisks`, and all follow
 * it back to PostPaid. ModifyDiskChargeType switches data disks attached to a
 * subscription instance: a pay-as-you-go instance holds only PostPaid disks.
 * An instance or disk already of the requested type is refused, since no
 * order could be made for it. Both answer an `OrderId`; nothing is billed.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { withClientToken } from '../idempotency.js';
import { endDryRun } from '../dry-run.js';
import { requireOwnInstance, type InstanceRow } from './instance-lookup.js';
import { requireOwnDisk, type DiskRow } from './disk-lookup.js';
import { checkPeriod } from './instance-request.js';
import { idScope } from './scope.js';
import { newOrderId } from './order-id.js';

const CHARGE_TYPES = ['PrePaid', 'PostPaid'];
const MAX_INSTANCES = 20;
const MAX_DISKS = 16;

export function modifyInstanceChargeType(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'ModifyInstanceChargeType', () => modifyInstancesOnce(ctx));
}

export function modifyDiskChargeType(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'ModifyDiskChargeType', () => modifyDisksOnce(ctx));
}

/** A JSON list of ids, required and at most `max` long. */
function requiredIds(ctx: ActionContext, name: string, max: number): string[] {
  const ids = ctx.params.jsonArray(name);
  if (ids === undefined || ids.length === 0) throw EcsError.missingParameter(name);
  if (ids.length > max) throw EcsError.invalidParameter(name);
  return [...new Set(ids)];
}

async function modifyInstancesOnce(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const ids = requiredIds(ctx, 'InstanceIds', MAX_INSTANCES);
  const chargeType = params.string('InstanceChargeType') ?? 'PrePaid';
  if (!CHARGE_TYPES.includes(chargeType)) throw new EcsError('InvalidInstanceChargeType.NotFound');
  if (chargeType === 'PrePaid') checkPeriod(params);
  const includeDataDisks = params.boolean('IncludeDataDisks') ?? false;
  params.boolean('AutoPay');
  params.boolean('IsDetailFee');
  const instances: InstanceRow[] = [];
  for (const id of ids) instances.push(await requireOwnInstance(ctx.db, idScope(ctx), id));
  for (const instance of instances) {
    if (instance.status !== 'Running' && instance.status !== 'Stopped') throw new EcsError('IncorrectInstanceStatus');
    if (instance.instance_charge_type === chargeType) throw new EcsError('ChargeTypeViolation');
  }
  endDryRun(params);
  for (const instance of instances) {
    await ctx.db.updateTable('instances').set({ instance_charge_type: chargeType }).where('id', '=', instance.id).execute();
    await ctx.db
      .updateTable('disks')
      .set({ disk_charge_type: chargeType })
      .where('instance_id', '=', instance.id)
      .$if(chargeType === 'PrePaid' && !includeDataDisks, (q) => q.where('type', '=', 'system'))
      .execute();
  }
  return { OrderId: newOrderId(), FeeOfInstances: { FeeOfInstance: [] } };
}

async function modifyDisksOnce(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const instance = await requireOwnInstance(ctx.db, idScope(ctx), params.requiredString('InstanceId'));
  const ids = requiredIds(ctx, 'DiskIds', MAX_DISKS);
  const chargeType = params.string('DiskChargeType') ?? 'PrePaid';
  if (!CHARGE_TYPES.includes(chargeType)) throw EcsError.invalidParameter('DiskChargeType');
  params.boolean('AutoPay');
  const disks: DiskRow[] = [];
  for (const id of ids) disks.push(await requireOwnDisk(ctx.db, idScope(ctx), id));
  if (instance.instance_charge_type !== 'PrePaid') throw new EcsError('ChargeTypeViolation');
  for (const disk of disks) {
    // Only data disks: the system disk's charge type is the instance's (ModifyInstanceChargeType).
    if (disk.instance_id !== instance.id || disk.status !== 'In_use' || disk.type !== 'data') throw EcsError.invalidParameter('DiskIds');
    if (disk.disk_charge_type === chargeType) throw EcsError.invalidParameter('DiskChargeType');
  }
  await ctx.db.updateTable('disks').set({ disk_charge_type: chargeType }).where('id', 'in', disks.map((disk) => disk.id)).execute();
  return { OrderId: newOrderId() };
}
