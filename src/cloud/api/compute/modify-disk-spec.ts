/**
 * ModifyDiskSpec: a disk's category among the ones ECS converts between
 * (cloud_efficiency, cloud_essd_entry, cloud_ssd, cloud_auto, cloud_essd, in
 * rising performance) or an ESSD's performance level. The ECS reference's
 * rules: the disk In_use or Available and its instance Running or Stopped; a
 * pay-as-you-go ESSD goes up or down but never down to PL0; a subscription
 * disk only goes up. The disk's size must fit the new category and level
 * (domain/disk-limits.ts), else ResizeDisk first, as the reference advises.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { withClientToken } from '../idempotency.js';
import { endDryRun } from '../dry-run.js';
import { requireOwnDisk, type DiskRow } from './disk-lookup.js';
import { requireOwnInstance } from './instance-lookup.js';
import { idScope } from './scope.js';
import { newOrderId } from './order-id.js';
import {
  DEFAULT_PERFORMANCE_LEVEL,
  PERFORMANCE_LEVELS,
  dataDiskSizeRange,
  isPerformanceLevel,
  systemDiskSizeRange,
} from '../../../domain/disk-limits.js';

/** Categories ModifyDiskSpec converts between, lowest performance first. */
const CONVERTIBLE = ['cloud_efficiency', 'cloud_essd_entry', 'cloud_ssd', 'cloud_auto', 'cloud_essd'];

export function modifyDiskSpec(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'ModifyDiskSpec', () => modifyOnce(ctx));
}

interface Spec {
  readonly category: string;
  readonly performanceLevel: string;
}

async function modifyOnce(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const disk = await requireOwnDisk(ctx.db, idScope(ctx), params.requiredString('DiskId'));
  const target = targetSpec(disk, params.string('DiskCategory'), params.string('PerformanceLevel'));
  params.integer('ProvisionedIops', { min: 0 });
  if (disk.status !== 'Available' && disk.status !== 'In_use') throw new EcsError('IncorrectDiskStatus');
  if (disk.instance_id !== '') {
    const instance = await requireOwnInstance(ctx.db, idScope(ctx), disk.instance_id);
    if (instance.status !== 'Running' && instance.status !== 'Stopped') throw new EcsError('IncorrectInstanceStatus');
  }
  checkDirection(disk, target);
  const range = disk.type === 'system' ? systemDiskSizeRange(target.category, target.performanceLevel) : dataDiskSizeRange(target.category, target.performanceLevel);
  if (range === undefined || disk.size < range.min || disk.size > range.max) throw new EcsError('InvalidDiskSize.NotSupported');
  endDryRun(params);
  await ctx.db
    .updateTable('disks')
    .set({ category: target.category, performance_level: target.performanceLevel })
    .where('id', '=', disk.id)
    .execute();
  return { OrderId: disk.disk_charge_type === 'PrePaid' ? newOrderId() : '', TaskId: '' };
}

/** The category and level asked for; a level only exists for ESSDs, PL1 when an ESSD is made without one. */
function targetSpec(disk: DiskRow, categoryParam: string | undefined, levelParam: string | undefined): Spec {
  const category = categoryParam === undefined || categoryParam === '' ? disk.category : categoryParam;
  if (!CONVERTIBLE.includes(category) || !CONVERTIBLE.includes(disk.category)) throw new EcsError('InvalidDiskCategory.ValueNotSupported');
  if (levelParam !== undefined && !isPerformanceLevel(levelParam)) throw new EcsError('InvalidPerformanceLevel.Malformed');
  if (category !== 'cloud_essd') {
    if (levelParam !== undefined) throw new EcsError('InvalidPerformanceLevel.Malformed');
    return { category, performanceLevel: '' };
  }
  const current = disk.category === 'cloud_essd' && isPerformanceLevel(disk.performance_level) ? disk.performance_level : DEFAULT_PERFORMANCE_LEVEL;
  return { category, performanceLevel: levelParam ?? current };
}

/** Rank of a spec: category first, then ESSD level. */
function rank(spec: Spec): number {
  const level = (PERFORMANCE_LEVELS as readonly string[]).indexOf(spec.performanceLevel);
  return CONVERTIBLE.indexOf(spec.category) * 10 + Math.max(level, 0);
}

function checkDirection(disk: DiskRow, target: Spec): void {
  const downgrade = rank(target) < rank({ category: disk.category, performanceLevel: disk.performance_level });
  if (downgrade && disk.disk_charge_type === 'PrePaid') throw new EcsError('InvalidDiskCategory.ValueNotSupported');
  const toPl0 = target.category === 'cloud_essd' && target.performanceLevel === 'PL0' && disk.performance_level !== 'PL0';
  if (toPl0) throw new EcsError('InvalidPerformanceLevel.Malformed');
}
