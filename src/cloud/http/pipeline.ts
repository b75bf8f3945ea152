/**
 * The life of one RPC request, as an ordered list of steps (each in its own
 * file). Every failure, expected or not, becomes an ECS error envelope.
 */
import type { Logger } from 'pino';
import type { CloudSettings } from '../api/action.js';
import type { ActionRegistry } from '../api/registry.js';
import type { FaultInjector } from '../admin/fault-injector.js';
import type { Store } from '../store/store.js';
import type { AccessKeyDirectory } from './access-keys.js';
import type { AccountWriteQueue } from './account-queue.js';
import { applyApsaraScope } from './apsara-scope.js';
import { handleAscm, isAscmRequest } from './ascm-route.js';
import { checkRegion } from './check-region.js';
import { dispatch } from './dispatch.js';
import { EcsError } from '../api/errors.js';
import { parseRequest } from './parse-request.js';
import type { RawRequest, RpcResponse } from './raw-request.js';
import { newRequestId, renderError, renderErrorAnswer, renderSuccess } from './render.js';
import type { ReplayGuard } from './replay-guard.js';
import { routeAction } from './route-action.js';
import { verifySignature } from './verify-signature.js';

export interface PipelineDeps {
  readonly registry: ActionRegistry;
  readonly store: Store;
  readonly accessKeys: AccessKeyDirectory;
  readonly replayGuard: ReplayGuard;
  readonly settings: CloudSettings;
  readonly now: () => number;
  readonly logger: Logger;
  /** The operator's fault rules (cloud/admin). */
  readonly faults?: FaultInjector;
  /** Where one account's write transactions wait their turn in this process. */
  readonly accountWrites?: AccountWriteQueue;
}

export async function handleRpc(raw: RawRequest, deps: PipelineDeps): Promise<RpcResponse> {
  // Apsara Stack's ASCM tenant lookup is ROA, not RPC: its own route (ascm-route.ts).
  if (isAscmRequest(raw)) return handleAscm(raw, { accessKeys: deps.accessKeys, db: deps.store.db, logger: deps.logger });
  const requestId = newRequestId();
  let product = 'Ecs';
  try {
    const request = parseRequest(raw); //                          1. query + form body
    const routed = routeAction(request, deps.registry); //         2. Version + Action
    product = routed.product;
    const now = deps.now();
    const caller = await verifySignature(request, deps.accessKeys, now); // 3. AccessKey, time, signature → account
    await deps.replayGuard.check(caller, now); //                  4. nonce
    const regionId = checkRegion(request.params, deps.settings.defaultRegionId, routed.definition.regionIdRequired === true); // 5. RegionId
    const fault = await deps.faults?.check({ product, action: routed.action, regionId, accountId: caller.account.id }); // 5a. injected faults
    if (fault !== undefined) return renderErrorAnswer(fault, { requestId, hostId: hostOf(raw), product, logger: deps.logger });
    const scoped = await applyApsaraScope(request, routed.action, { account: caller.account, regionId, db: deps.store.db }); // 5b. Apsara scoping
    const result = await dispatch(routed, deps.store.db, { //      6. handler, in a transaction unless read-only
      requestId,
      action: routed.action,
      account: caller.account,
      regionId,
      params: scoped.params,
      ...(scoped.tenant !== undefined ? { resourceSet: scoped.tenant.resourceGroupId } : {}),
      now: deps.now,
      settings: deps.settings,
    }, deps.accountWrites);
    // Built only when wanted: this runs on every request.
    if (deps.logger.isLevelEnabled('debug')) deps.logger.debug({ requestId, action: routed.action, account: caller.account.id }, 'ok');
    return renderSuccess(requestId, result); //                    7. JSON body
  } catch (error) {
    const response = renderError(error, { requestId, hostId: hostOf(raw), product, logger: deps.logger });
    if (deps.logger.isLevelEnabled('debug')) {
      deps.logger.debug({ requestId, status: response.status, code: error instanceof EcsError ? error.code : undefined }, 'failed');
    }
    return response;
  }
}

function hostOf(raw: RawRequest): string {
  const host = raw.headers.host;
  return typeof host === 'string' && host !== '' ? host : 'ecs.aliyuncs.com';
}
