/**
 * `Filter.N.Key` / `Filter.N.Value` of the compute Describe actions: only
 * `CreationStartTime` and `CreationEndTime`, with `yyyy-MM-ddTHH:mmZ` values
 * (seconds tolerated). Any other key is `InvalidFilterKey.NotFound`.
 */
import type { Params } from '../params.js';
import { EcsError } from '../errors.js';

export interface CreationWindow {
  readonly from?: number;
  readonly to?: number;
}

function parseTime(value: string): number {
  const match = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.exec(value);
  const time = match === null ? Number.NaN : Date.parse(value);
  if (Number.isNaN(time)) throw new EcsError('InvalidFilterValue');
  return time;
}

export function readCreationWindow(params: Params): CreationWindow {
  let from: number | undefined;
  let to: number | undefined;
  for (const entry of params.objectList('Filter')) {
    const key = entry['Key'];
    const value = entry['Value'];
    if (key === undefined || key === '' || value === undefined || value === '') continue;
    if (key === 'CreationStartTime') from = parseTime(value);
    else if (key === 'CreationEndTime') to = parseTime(value);
    else throw new EcsError('InvalidFilterKey.NotFound');
  }
  return { from, to };
}
