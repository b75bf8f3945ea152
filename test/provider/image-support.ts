/**
 * Shared set-up of the `alicloud_image` terraform tests: a local cloud with short creation
 * times, the sources an image is made from (a running instance, system and data disk
 * snapshots) made with the official SDK, and SDK reads to check what terraform did.
 */
import { CreateSnapshotRequest, DescribeImagesRequest, RunInstancesRequestDataDisk, type DescribeImagesResponseBodyImagesImage } from '@alicloud/ecs20140526';
import { ListResourceGroupsRequest } from '@alicloud/resourcemanager20200331';
import type { CloudSettings } from '../../src/cloud/api/action.js';
import { startTestCloud, type TestCloud } from '../support/cloud.js';
import { createNetwork, type Network } from '../support/network.js';
import { describeDisks, describeSnapshot, eventually, runInstances, runRequest, waitForInstanceStatus } from '../support/compute.js';

/** Fast lifecycles, so a create waits a second or two, not minutes. */
export const FAST_SETTINGS: Partial<CloudSettings> = { instanceTransitionMs: 100, snapshotCreationMs: 100, imageCreationMs: 1200 };

export async function startImageCloud(settings: Partial<CloudSettings> = FAST_SETTINGS): Promise<TestCloud> {
  return startTestCloud({ settings, jobPollIntervalMs: 25 });
}

export interface Sources {
  readonly network: Network;
  readonly instanceId: string;
  readonly systemSnapshotId: string;
  readonly dataSnapshotId: string;
}

/** A running instance with one data disk, and accomplished snapshots of both its disks. */
export async function makeSources(tc: TestCloud, network?: Network): Promise<Sources> {
  const ecs = tc.ecsClient();
  const net = network ?? (await createNetwork(tc));
  const [instanceId = ''] = await runInstances(
    ecs,
    runRequest(tc, net, { dataDisk: [new RunInstancesRequestDataDisk({ category: 'cloud_essd', size: 40 })] }),
  );
  await waitForInstanceStatus(ecs, tc.regionId, instanceId, 'Running');
  const disks = await describeDisks(ecs, { regionId: tc.regionId, instanceId });
  const snapshotOf = async (type: string): Promise<string> => {
    const disk = disks.find((d) => d.type === type);
    const id = (await ecs.createSnapshot(new CreateSnapshotRequest({ diskId: disk?.diskId, snapshotName: `${type}-snap` }))).body?.snapshotId ?? '';
    await eventually(async () => (await describeSnapshot(ecs, tc.regionId, id))?.status, 'accomplished');
    return id;
  };
  return { network: net, instanceId, systemSnapshotId: await snapshotOf('system'), dataSnapshotId: await snapshotOf('data') };
}

/** The image in any status, or undefined. */
export async function describeImage(tc: TestCloud, imageId: string): Promise<DescribeImagesResponseBodyImagesImage | undefined> {
  const response = await tc.ecsClient().describeImages(new DescribeImagesRequest({ regionId: tc.regionId, imageId, status: 'ALL' }));
  return response.body?.images?.image?.find((image) => image.imageId === imageId);
}

export async function snapshotExists(tc: TestCloud, snapshotId: string): Promise<boolean> {
  return (await describeSnapshot(tc.ecsClient(), tc.regionId, snapshotId)) !== undefined;
}

/** Two of the account's resource groups: the default one and another. */
export async function resourceGroups(tc: TestCloud): Promise<{ readonly defaultId: string; readonly otherId: string }> {
  const { body } = await tc.resourceManagerClient().listResourceGroups(new ListResourceGroupsRequest({ pageSize: 50 }));
  const groups = body?.resourceGroups?.resourceGroup ?? [];
  const fallback = groups.find((g) => g.name === 'default') ?? groups[0];
  const other = groups.find((g) => g.id !== fallback?.id);
  if (!fallback?.id || !other?.id) throw new Error('the test cloud should seed at least two resource groups');
  return { defaultId: fallback.id, otherId: other.id };
}

export const PROVIDER_HEADER = `terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}
`;

/** The two `disk_device_mapping` blocks of an image made from the system and data snapshots of `sources`. */
export function mappingBlocks(sources: Sources): string {
  return `  disk_device_mapping {
    snapshot_id = "${sources.systemSnapshotId}"
    disk_type   = "system"
  }
  disk_device_mapping {
    snapshot_id = "${sources.dataSnapshotId}"
    disk_type   = "data"
    size        = 60
  }`;
}
