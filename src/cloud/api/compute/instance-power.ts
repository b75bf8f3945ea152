/**
 * StartInstance (Stopped → Starting → Running) and StopInstance (Running →
 * Stopping → Stopped). Any other starting status is `IncorrectInstanceStatus`;
 * the settling step is a durable job (jobs/instance-transition.ts).
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { scheduleInstanceTransition } from '../../jobs/instance-transition.js';
import { requireOwnInstance, type InstanceRow } from './instance-lookup.js';
import { idScope } from './scope.js';

const STOPPED_MODES = ['StopCharging', 'KeepCharging'];

async function transition(ctx: ActionContext, instance: InstanceRow, to: 'Starting' | 'Stopping'): Promise<void> {
  const now = ctx.now();
  await ctx.db.updateTable('instances').set({ status: to, status_changed_at: now }).where('id', '=', instance.id).execute();
  await scheduleInstanceTransition(ctx.db, {
    accountId: ctx.account.id,
    instanceId: instance.id,
    from: to,
    now,
    settings: ctx.settings,
  });
}

export async function startInstance(ctx: ActionContext): Promise<ActionResult> {
  const instanceId = ctx.params.requiredString('InstanceId');
  ctx.params.boolean('InitLocalDisk');
  const dryRun = ctx.params.boolean('DryRun') ?? false;
  const instance = await requireOwnInstance(ctx.db, idScope(ctx), instanceId);
  if (instance.status !== 'Stopped') throw new EcsError('IncorrectInstanceStatus');
  if (dryRun) throw new EcsError('DryRunOperation');
  await transition(ctx, instance, 'Starting');
  return {};
}

export async function stopInstance(ctx: ActionContext): Promise<ActionResult> {
  const instanceId = ctx.params.requiredString('InstanceId');
  ctx.params.boolean('ForceStop');
  ctx.params.boolean('ConfirmStop');
  ctx.params.boolean('Hibernate');
  const mode = ctx.params.string('StoppedMode');
  if (mode !== undefined && !STOPPED_MODES.includes(mode)) throw EcsError.invalidParameter('StoppedMode');
  const dryRun = ctx.params.boolean('DryRun') ?? false;
  const instance = await requireOwnInstance(ctx.db, idScope(ctx), instanceId);
  if (instance.status !== 'Running') throw new EcsError('IncorrectInstanceStatus');
  if (dryRun) throw new EcsError('DryRunOperation');
  await transition(ctx, instance, 'Stopping');
  return {};
}
