/**
 * CreateImage and CopyImage are asynchronous. The image is `Creating`
 * (Usable=false) until its `available_at`; `Progress` in between is derived
 * from the clock (`api/images/image-progress.ts`), so only the final step is a
 * durable job: it makes the image `Available` and usable and accomplishes the
 * snapshots made for it, or marks it `CreateFailed` with the reason when a
 * source snapshot has vanished. The job row and the image change commit in
 * one transaction, and every update is guarded by the current status, so a
 * restart mid-way finishes the image exactly once.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { enqueueJob } from './enqueue.js';
import type { JobHandler, JobKind } from './types.js';

export const IMAGE_CREATION_JOB = 'image-creation';

export interface ScheduleImage {
  readonly accountId: string;
  readonly imageId: string;
  readonly regionId: string;
  readonly availableAt: number;
  readonly now: number;
}

interface ImageJobPayload {
  readonly regionId: string;
}

export async function scheduleImageCompletion(db: Kysely<Database>, input: ScheduleImage): Promise<void> {
  const payload: ImageJobPayload = { regionId: input.regionId };
  await enqueueJob(
    db,
    { kind: IMAGE_CREATION_JOB, accountId: input.accountId, resourceId: input.imageId, payload, runAt: input.availableAt },
    input.now,
  );
}

function parsePayload(raw: string): ImageJobPayload {
  const value = JSON.parse(raw) as Partial<ImageJobPayload>;
  if (typeof value.regionId !== 'string') throw new Error(`image job payload without regionId: ${raw}`);
  return { regionId: value.regionId };
}

/** The user-supplied snapshots the image lists that no longer exist. */
async function missingSourceSnapshots(db: Kysely<Database>, imageId: string): Promise<string[]> {
  const disks = await db
    .selectFrom('image_disks')
    .leftJoin('snapshots', 'snapshots.id', 'image_disks.snapshot_id')
    .select(['image_disks.snapshot_id as wanted', 'snapshots.id as found'])
    .where('image_disks.image_id', '=', imageId)
    .where('image_disks.snapshot_id', '!=', '')
    .execute();
  return disks.filter((disk) => disk.found === null).map((disk) => disk.wanted);
}

const finishImage: JobHandler = async (job, ctx) => {
  const { regionId } = parsePayload(job.payload);
  const imageId = job.resource_id;
  const image = await ctx.db
    .selectFrom('images')
    .select(['status', 'available_at'])
    .where('id', '=', imageId)
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  const now = ctx.now();
  if (image !== undefined && image.status === 'Creating') {
    const availableAt = Number(image.available_at ?? 0);
    if (availableAt > now) return { retryAt: availableAt };
    const missing = await missingSourceSnapshots(ctx.db, imageId);
    const failed = missing.length > 0;
    await ctx.db
      .updateTable('images')
      .set(
        failed
          ? {
              status: 'CreateFailed',
              usable: 0,
              failure_code: 'InvalidSnapshotId.NotFound',
              failure_message: `The snapshots ${missing.join(', ')} were deleted while the image was being created.`,
            }
          : { status: 'Available', usable: 1, progress: 100, available_at: now },
      )
      .where('id', '=', imageId)
      .where('region_id', '=', regionId)
      .where('status', '=', 'Creating')
      .execute();
    if (!failed) {
      await ctx.db.updateTable('image_disks').set({ progress: '100%', remain_time: 0 }).where('image_id', '=', imageId).execute();
    }
  }
  // Snapshots made for the image outlive it (ECS keeps them until the user deletes them).
  await ctx.db
    .updateTable('snapshots')
    .set({ status: 'accomplished', progress: 100 })
    .where('created_for_image_id', '=', imageId)
    .where('status', '=', 'progressing')
    .execute();
  return { done: true };
};

export const imageCreationJob: JobKind = { kind: IMAGE_CREATION_JOB, handler: finishImage };
