/** Request timestamps: UTC `YYYY-MM-DDTHH:MM:SSZ` (milliseconds tolerated), within ±15 minutes. */
import { EcsError } from '../api/errors.js';

export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z$/;

/** Epoch milliseconds of a valid, fresh timestamp; `InvalidTimeStamp.Format` / `.Expired` otherwise. */
export function checkTimestamp(value: string, now: number): number {
  const match = FORMAT.exec(value);
  if (match === null) throw new EcsError('InvalidTimeStamp.Format');
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(time);
  const valid =
    back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  if (!valid) throw new EcsError('InvalidTimeStamp.Format');
  if (Math.abs(now - time) > MAX_CLOCK_SKEW_MS) throw new EcsError('InvalidTimeStamp.Expired');
  return time;
}
