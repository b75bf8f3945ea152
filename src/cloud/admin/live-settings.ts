/**
 * The settings the flags set at start, changeable at run time through
 * `PATCH /_ecs-image/settings`. The cloud hands this object wherever it used
 * to hand the frozen settings; every read goes through a getter, so a change
 * applies to work started afterwards (an image already Creating keeps its
 * planned end). Settings belong to one process: each replica has its own flags.
 */
import type { CloudSettings } from '../api/action.js';
import { AdminError } from './admin-error.js';

/** What the operator API shows and accepts: durations in seconds, as the flags take them. */
export interface SettingsView {
  readonly defaultRegionId: string;
  readonly imageCreationSeconds: number;
  readonly snapshotCreationSeconds: number;
  readonly instanceTransitionSeconds: number;
  readonly imageQuota: number;
}

const MAX_SECONDS = 7 * 24 * 3600;
const MAX_IMAGE_QUOTA = 1_000_000;

const DURATIONS = {
  imageCreationSeconds: 'imageCreationMs',
  snapshotCreationSeconds: 'snapshotCreationMs',
  instanceTransitionSeconds: 'instanceTransitionMs',
} as const satisfies Record<string, keyof CloudSettings>;

export class LiveSettings implements CloudSettings {
  #current: CloudSettings;

  constructor(initial: CloudSettings) {
    this.#current = Object.freeze({ ...initial });
  }

  get defaultRegionId(): string {
    return this.#current.defaultRegionId;
  }

  get imageCreationMs(): number {
    return this.#current.imageCreationMs;
  }

  get snapshotCreationMs(): number {
    return this.#current.snapshotCreationMs;
  }

  get instanceTransitionMs(): number {
    return this.#current.instanceTransitionMs;
  }

  get imageQuota(): number {
    return this.#current.imageQuota;
  }

  view(): SettingsView {
    const current = this.#current;
    return {
      defaultRegionId: current.defaultRegionId,
      imageCreationSeconds: current.imageCreationMs / 1000,
      snapshotCreationSeconds: current.snapshotCreationMs / 1000,
      instanceTransitionSeconds: current.instanceTransitionMs / 1000,
      imageQuota: current.imageQuota,
    };
  }

  /** Applies a PATCH body, all or nothing: a 400 naming the first bad field changes nothing. */
  patch(body: unknown): SettingsView {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw AdminError.invalid('the settings must be a JSON object');
    }
    const next: { -readonly [K in keyof CloudSettings]: CloudSettings[K] } = { ...this.#current };
    for (const [field, value] of Object.entries(body)) {
      if (field === 'imageQuota') {
        if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_IMAGE_QUOTA) {
          throw AdminError.invalid(`imageQuota must be an integer from 0 to ${MAX_IMAGE_QUOTA}`);
        }
        next.imageQuota = value as number;
      } else if (field in DURATIONS) {
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_SECONDS) {
          throw AdminError.invalid(`${field} must be a number of seconds from 0 to ${MAX_SECONDS}`);
        }
        next[DURATIONS[field as keyof typeof DURATIONS]] = Math.round(value * 1000);
      } else {
        throw AdminError.invalid(`${field} is not a setting that can be changed (${[...Object.keys(DURATIONS), 'imageQuota'].join(', ')})`);
      }
    }
    this.#current = Object.freeze(next);
    return this.view();
  }
}
