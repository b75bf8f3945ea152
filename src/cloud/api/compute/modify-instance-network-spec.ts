/**
 * ModifyInstanceNetworkSpec: the public bandwidth of a pay-as-you-go instance
 * (`InternetMaxBandwidthOut` 0–100 Mbit/s, `NetworkChargeType`). Raising it from
 * 0 gives the instance a public IP, as ECS does; other fields are accepted and ignored.
 */
import type { Updateable } from 'kysely';
import type { InstanceTable } from '../../store/schema.js';
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { withClientToken } from '../idempotency.js';
import { requireOwnInstance } from './instance-lookup.js';
import { idScope } from './scope.js';

const CHARGE_TYPES = ['PayByTraffic', 'PayByBandwidth'];

export function modifyInstanceNetworkSpec(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'ModifyInstanceNetworkSpec', () => modifyOnce(ctx));
}

async function modifyOnce(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const instance = await requireOwnInstance(ctx.db, idScope(ctx), params.requiredString('InstanceId'));
  const bandwidthOut = params.integer('InternetMaxBandwidthOut', { min: 0, max: 100 });
  params.integer('InternetMaxBandwidthIn', { min: 1, max: 200 });
  const chargeType = params.string('NetworkChargeType');
  if (chargeType !== undefined && !CHARGE_TYPES.includes(chargeType)) throw new EcsError('InvalidInternetChargeType.ValueNotSupported');
  if (instance.status !== 'Running' && instance.status !== 'Stopped') throw new EcsError('IncorrectInstanceStatus');
  const update: Updateable<InstanceTable> = {};
  if (bandwidthOut !== undefined) update.internet_max_bandwidth_out = bandwidthOut;
  if (chargeType !== undefined) update.internet_charge_type = chargeType;
  if (Object.keys(update).length > 0) await ctx.db.updateTable('instances').set(update).where('id', '=', instance.id).execute();
  return { OrderId: '' };
}
