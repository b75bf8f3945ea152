/** `DryRun`: every check of the request runs, then nothing is done. */
import { EcsError } from './errors.js';
import type { Params } from './params.js';

/** `DryRun=true` and every check passed: ECS answers DryRunOperation instead of acting. */
export function endDryRun(params: Params): void {
  if (params.boolean('DryRun') === true) throw new EcsError('DryRunOperation');
}
