/**
 * The set-up of the instance, disk and snapshot tests: a cloud on a clock the
 * test moves (so status transitions are stepped, not slept through), an ECS
 * client and a network on it, and an instance launched to Running.
 */
import type { CloudSettings } from '../../src/cloud/api/action.js';
import { startTestCloud, type ClientOptions, type EcsClient, type TestCloud } from '../support/cloud.js';
import { createTestClock, type TestClock } from '../support/clock.js';
import { runInstances, runRequest, waitForInstanceStatus } from '../support/compute.js';
import { createNetwork, type Network } from '../support/network.js';

/** A test cloud on a `TestClock` (transitions of 20 s unless `settings` say otherwise), jobs polled every 20 ms. */
export interface SteppedCloud extends TestClock {
  readonly tc: TestCloud;
}

export async function startSteppedCloud(settings: Partial<CloudSettings> = {}): Promise<SteppedCloud> {
  const clock = createTestClock();
  const tc = await startTestCloud({
    now: clock.now,
    jobPollIntervalMs: 20,
    settings: { instanceTransitionMs: 20_000, snapshotCreationMs: 20_000, ...settings },
  });
  return { tc, ...clock };
}

/** Moves the clock through both halves of a launch (`transitionMs` in all): Pending → Starting → Running. */
export async function untilRunning(cloud: SteppedCloud, ecs: EcsClient, id: string, transitionMs: number): Promise<void> {
  cloud.advance(transitionMs / 2);
  await waitForInstanceStatus(ecs, cloud.tc.regionId, id, 'Starting');
  cloud.advance(transitionMs / 2);
  await waitForInstanceStatus(ecs, cloud.tc.regionId, id, 'Running');
}

/** What each compute suite starts from: a stepped cloud, an ECS client on it, its region and one network. */
export interface ComputeSetup {
  readonly cloud: SteppedCloud;
  readonly ecs: EcsClient;
  readonly region: string;
  readonly network: Network;
}

export async function startCompute(settings: Partial<CloudSettings> = {}, client?: ClientOptions): Promise<ComputeSetup> {
  const cloud = await startSteppedCloud(settings);
  try {
    const ecs = cloud.tc.ecsClient(client);
    const network = await createNetwork(cloud.tc);
    return { cloud, ecs, region: cloud.tc.regionId, network };
  } catch (error) {
    // The caller never gets the cloud to close in its afterAll.
    await cloud.tc.close();
    throw error;
  }
}

/** Launches one instance on the set-up's network and steps it to Running; its id. */
export async function launchRunning(setup: ComputeSetup, transitionMs: number): Promise<string> {
  const [id] = (await runInstances(setup.ecs, runRequest(setup.cloud.tc, setup.network))) as [string];
  await untilRunning(setup.cloud, setup.ecs, id, transitionMs);
  return id;
}
