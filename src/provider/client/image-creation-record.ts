/**
 * What an `*_image` resource remembers about its image's creation, in the resource's private
 * state: the snapshot ids the configuration supplied (`snapshot_id`, disk mapping
 * snapshots). ECS reports neither an image's source nor which of its snapshots CreateImage
 * made, so this record is the only way to tell
 * - on destroy, the snapshots the creation made (deleted) from the user's own (kept);
 * - at plan time, an image this configuration created (a record) from an imported one (none).
 *
 * No SDK here: the plan-time code in `image.ts` reads the record without loading the SDK.
 */

/** The slice of the framework's `PrivateState` the record needs. */
export interface CreationRecordStore {
  get(key: string): unknown;
  set(key: string, value: readonly string[]): void;
}

/** The private-state key (kept from the first release, so existing states keep working). */
const SUPPLIED_SNAPSHOTS = 'supplied_snapshot_ids';

/** Written once CreateImage has answered, before the id is handed to terraform. */
export function recordCreation(store: CreationRecordStore, suppliedSnapshotIds: readonly string[]): void {
  store.set(SUPPLIED_SNAPSHOTS, [...new Set(suppliedSnapshotIds)]);
}

/**
 * The supplied snapshot ids as recorded at creation, or `undefined` when the image was not
 * created by this resource (imported).
 */
export function creationRecord(store: Pick<CreationRecordStore, 'get'>): readonly string[] | undefined {
  const recorded = store.get(SUPPLIED_SNAPSHOTS);
  if (!Array.isArray(recorded)) return undefined;
  return recorded.filter((id): id is string => typeof id === 'string');
}
