import { describe, expect, it } from 'vitest';
import { CreateImageRequest } from '@alicloud/ecs20140526';
import { useTestCloud } from '../support/cloud.js';
import { createTestClock } from '../support/clock.js';
import { describeImage, waitForImage } from './images-support.js';
import { insertInstance } from '../support/store-rows.js';

const regionId = 'cn-hangzhou';
/** Long beside the real time a restart takes: an image is done when the test moves the clock past it. */
const CREATION_MS = 10_000;

/**
 * The SDK keeps connections alive; the sockets of the stopped server close
 * under it, so the first call after a restart may meet a hang-up that a real
 * client would retry. Let those sockets go before asserting.
 */
async function afterRestart(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 200));
}

describe('image creation survives a restart', () => {
  const clock = createTestClock();
  const tc = useTestCloud({ now: clock.now, settings: { imageCreationMs: CREATION_MS } });

  it('stops in the middle of a creation, starts on the same data: the image finishes once', async () => {
    const instanceId = await insertInstance(tc, { status: 'Running', dataDisks: 1 });
    const created = await tc.ecsClient().createImage(new CreateImageRequest({ regionId, instanceId, imageName: 'survivor' }));
    const imageId = created.body?.imageId ?? '';
    clock.advance(CREATION_MS / 4);
    const before = await describeImage(tc.ecsClient(), imageId);
    expect(before?.status).toBe('Creating');
    expect(before?.usable).toBe(false);

    await tc.restart();
    await afterRestart();

    const during = await describeImage(tc.ecsClient(), imageId);
    expect(during?.status).toBe('Creating');
    expect(Number.parseInt(during?.progress ?? '0', 10)).toBeGreaterThanOrEqual(Number.parseInt(before?.progress ?? '0', 10));
    clock.advance(CREATION_MS);
    const done = await waitForImage(tc.ecsClient({ signature: 'v1' }), imageId, (image) => image.usable === true);
    expect(done).toMatchObject({ status: 'Available', progress: '100%', imageName: 'survivor' });

    const db = tc.cloud.store.db;
    const jobs = await db.selectFrom('jobs').select(['state']).where('resource_id', '=', imageId).execute();
    expect(jobs).toEqual([{ state: 'done' }]);
    const images = await db.selectFrom('images').select('id').where('image_name', '=', 'survivor').execute();
    expect(images).toHaveLength(1);
    const snapshots = await db.selectFrom('snapshots').select('status').where('created_for_image_id', '=', imageId).execute();
    expect(snapshots.map((row) => row.status)).toEqual(['accomplished', 'accomplished']);
  });

  it('a job left leased by a crashed worker is taken over once its lease expires', async () => {
    const leaseMs = 2 * CREATION_MS;
    const instanceId = await insertInstance(tc, { status: 'Stopped' });
    const created = await tc.ecsClient().createImage(new CreateImageRequest({ regionId, instanceId, imageName: 'orphan' }));
    const imageId = created.body?.imageId ?? '';
    const db = tc.cloud.store.db;
    // As a worker that died holding the job would leave it.
    await db
      .updateTable('jobs')
      .set({ lease_owner: 'crashed-host:1:dead', lease_expires_at: clock.now() + leaseMs, run_at: clock.now() })
      .where('resource_id', '=', imageId)
      .execute();
    await tc.restart();
    await afterRestart();
    // Past the image's creation time, not yet past the lease: no runner may take the job.
    clock.advance(leaseMs - CREATION_MS / 2);
    expect(await tc.cloud.jobs.runDueJobs()).toBe(0);
    expect((await describeImage(tc.ecsClient(), imageId))?.status).toBe('Creating');
    clock.advance(CREATION_MS);
    const done = await waitForImage(tc.ecsClient(), imageId, (image) => image.usable === true);
    expect(done.status).toBe('Available');
    const jobs = await tc.cloud.store.db.selectFrom('jobs').select(['state', 'lease_owner']).where('resource_id', '=', imageId).execute();
    expect(jobs).toEqual([{ state: 'done', lease_owner: '' }]);
  });
});
