/**
 * Plan-time help for arguments the cloud never reports (a copy's source, a key pair's
 * `key_file`): after `terraform import` the state has null for them, and their ForceNew would
 * replace the object just imported. Instead, such a change from null is recorded in place.
 * No SDK here: resource definitions call it from `modifyPlan`.
 */
import type { ModifyPlanRequest, ModifyPlanResult, Path, PlanWarning } from '../framework/index.js';

/**
 * Drops from `request.requiresReplace` the top-level `names` whose prior value is null, and
 * adds `warning`; undefined when none is dropped (the framework's plan stands).
 */
export function adoptUnreadArguments(request: Pick<ModifyPlanRequest<unknown>, 'prior' | 'requiresReplace'>, names: readonly string[], warning: PlanWarning): ModifyPlanResult | undefined {
  const { prior } = request;
  if (prior === null) return undefined;
  const unread = (path: Path): boolean => {
    const [name] = path;
    return path.length === 1 && typeof name === 'string' && names.includes(name) && prior[name] === null;
  };
  const kept = request.requiresReplace.filter((path) => !unread(path));
  if (kept.length === request.requiresReplace.length) return undefined;
  return { requiresReplace: kept, warnings: [warning] };
}
