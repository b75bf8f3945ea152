/**
 * `alibabacloudstack_image` under the real terraform against the local cloud, configured as
 * an Apsara Stack tenant (department = the account, resource_group = its `dev` resource set,
 * both from the environment): create from an instance, a snapshot and disk mappings; a clean
 * second plan; update of name, description and tags; replacement; import with a clean plan;
 * import of an instance-made image with `instance_id` in the configuration (adopted into the
 * state in place, never a replacement);
 * destroy refused without `force` while an instance uses the image, then done with it,
 * deleting the snapshots the instance image's creation made but none of the supplied ones.
 * Requires `npm run build` (terraform runs the compiled provider).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestCloud } from '../support/cloud.js';
import { createTerraformWorkspace, diagnostics, ensureProviderBuilt, type TerraformWorkspace } from '../support/terraform.js';
import { insertInstance, insertSnapshot } from '../support/store-rows.js';

const HEADER = `terraform {
  required_providers {
    alibabacloudstack = { source = "aliyun/alibabacloudstack" }
  }
}
`;

interface Sources {
  instanceId: string;
  systemSnapshot: string;
  otherSnapshot: string;
  dataSnapshot: string;
}

interface Over {
  name?: string;
  description?: string;
  tags?: string;
  snapshot?: string;
  force?: boolean;
  /** Replaces the disk mappings of `from_disks` with this source argument. */
  disksSource?: string;
}

function config(s: Sources, over: Over = {}): string {
  return `${HEADER}
resource "alibabacloudstack_image" "from_instance" {
  instance_id = "${s.instanceId}"
  image_name  = "${over.name ?? '镜像-instance'}"
  description = "${over.description ?? 'made from an instance'}"
  tags = ${over.tags ?? '{ FinanceDept = "FinanceDeptJoshua" }'}
  force = ${over.force ?? false}
  timeouts {
    create = "5m"
    delete = "5m"
  }
}

resource "alibabacloudstack_image" "from_snapshot" {
  snapshot_id = "${over.snapshot ?? s.systemSnapshot}"
  image_name  = "from-snapshot"
}

resource "alibabacloudstack_image" "from_disks" {
  image_name = "from-disks"
${
  over.disksSource ??
  `  disk_device_mapping {
    snapshot_id = "${s.systemSnapshot}"
    size        = 40
  }
  disk_device_mapping {
    snapshot_id = "${s.dataSnapshot}"
    size        = 100
  }`
}
}
`;
}

describe('alibabacloudstack_image with the real terraform', { timeout: 240_000 }, () => {
  const tc = useTestCloud();
  let tf: TerraformWorkspace;
  let sources: Sources;
  let devGroup: string;
  let creationSnapshots: string[] = [];

  const cloudImage = (id: string) => tc.cloud.store.db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
  const cloudTags = async (id: string) =>
    Object.fromEntries(
      (await tc.cloud.store.db.selectFrom('tags').select(['tag_key', 'tag_value']).where('resource_id', '=', id).execute()).map((t) => [t.tag_key, t.tag_value]),
    );
  const snapshotIds = async () =>
    (await tc.cloud.store.db.selectFrom('snapshots').select('id').where('account_id', '=', tc.accountId).execute()).map((row) => row.id).sort();
  const idOf = async (address: string): Promise<string> => String((await tf.state()).resource(address).values['id']);

  beforeAll(async () => {
    ensureProviderBuilt('alibabacloudstack');
    devGroup = (
      await tc.cloud.store.db.selectFrom('resource_groups').select('id').where('account_id', '=', tc.accountId).where('name', '=', 'dev').executeTakeFirstOrThrow()
    ).id;
    sources = {
      instanceId: await insertInstance(tc),
      systemSnapshot: await insertSnapshot(tc, { size: 40 }),
      otherSnapshot: await insertSnapshot(tc, { size: 40 }),
      dataSnapshot: await insertSnapshot(tc, { diskType: 'Data', size: 100 }),
    };
    tf = createTerraformWorkspace({
      cloud: tc,
      env: { ALIBABACLOUDSTACK_DEPARTMENT: tc.accountId, ALIBABACLOUDSTACK_RESOURCE_GROUP: devGroup },
    });
  });

  afterAll(async () => {
    tf?.remove();
  });

  it('creates from an instance, a snapshot and disk mappings, in the resource set; the second plan is empty', async () => {
    tf.write(config(sources));
    const applied = await tf.apply();
    expect(diagnostics(applied)).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');

    const state = await tf.state();
    const fromInstance = state.resource('alibabacloudstack_image.from_instance').values;
    expect(fromInstance).toMatchObject({
      instance_id: sources.instanceId,
      image_name: '镜像-instance',
      description: 'made from an instance',
      tags: { FinanceDept: 'FinanceDeptJoshua' },
      force: false,
    });
    expect(fromInstance['id']).toMatch(/^m-/);
    // CreateImage from the instance snapshotted its disk.
    creationSnapshots = (fromInstance['disk_device_mapping'] as Record<string, unknown>[]).map((m) => String(m['snapshot_id']));
    expect(creationSnapshots).toHaveLength(1);
    expect(await snapshotIds()).toEqual([...creationSnapshots, sources.systemSnapshot, sources.otherSnapshot, sources.dataSnapshot].sort());
    expect(state.resource('alibabacloudstack_image.from_snapshot').values).toMatchObject({
      snapshot_id: sources.systemSnapshot,
      disk_device_mapping: [{ snapshot_id: sources.systemSnapshot, size: 40 }],
    });
    expect(state.resource('alibabacloudstack_image.from_disks').values['disk_device_mapping']).toEqual([
      { snapshot_id: sources.systemSnapshot, size: 40 },
      { snapshot_id: sources.dataSnapshot, size: 100 },
    ]);

    for (const resource of state.resources) {
      const image = await cloudImage(String(resource.values['id']));
      expect(image).toMatchObject({ status: 'Available', resource_group_id: devGroup });
    }
    expect(await cloudTags(String(fromInstance['id']))).toEqual({ FinanceDept: 'FinanceDeptJoshua' });

    expect((await tf.plan()).changes).toEqual([]);
  });

  it('a source set where its own image had none (made from disk mappings) still plans a replacement', async () => {
    tf.write(config(sources, { disksSource: `  instance_id = "${sources.instanceId}"` }));
    const plan = await tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    expect(plan.changes.map((c) => [c.address, c.actions])).toEqual([['alibabacloudstack_image.from_disks', ['delete', 'create']]]);
    expect(plan.changes[0]?.replacePaths).toContainEqual(['instance_id']);
    tf.write(config(sources));
  });

  it('updates name, description and tags in place', async () => {
    const id = await idOf('alibabacloudstack_image.from_instance');
    tf.write(config(sources, { name: 'renamed:image_2', description: 'described again', tags: '{ FinanceDept = "Audit", Team = "images" }' }));
    const applied = await tf.apply();
    expect(diagnostics(applied)).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    expect(await cloudImage(id)).toMatchObject({ image_name: 'renamed:image_2', description: 'described again' });
    expect(await cloudTags(id)).toEqual({ FinanceDept: 'Audit', Team: 'images' });
    expect(await idOf('alibabacloudstack_image.from_instance')).toBe(id);
  });

  it('replaces the image when its snapshot changes', async () => {
    const before = await idOf('alibabacloudstack_image.from_snapshot');
    tf.write(config(sources, { name: 'renamed:image_2', description: 'described again', tags: '{ FinanceDept = "Audit", Team = "images" }', snapshot: sources.otherSnapshot }));
    const applied = await tf.apply();
    expect(diagnostics(applied)).toContain('Apply complete! Resources: 1 added, 0 changed, 1 destroyed.');
    const after = await idOf('alibabacloudstack_image.from_snapshot');
    expect(after).not.toBe(before);
    expect(await cloudImage(before)).toBeUndefined();
    expect(await cloudImage(after)).toMatchObject({ resource_group_id: devGroup });
  });

  it('imports an image, after which the plan is clean', async () => {
    const id = await idOf('alibabacloudstack_image.from_disks');
    expect((await tf.run(['state', 'rm', 'alibabacloudstack_image.from_disks'])).code).toBe(0);
    const imported = await tf.import('alibabacloudstack_image.from_disks', id);
    expect(diagnostics(imported)).toContain('Import successful!');
    expect((await tf.state()).resource('alibabacloudstack_image.from_disks').values).toMatchObject({ id, image_name: 'from-disks', force: false });
    expect((await tf.plan()).changes).toEqual([]);
  });

  it('imports an instance-made image with instance_id in the configuration: adopted in place, not replaced', async () => {
    const address = 'alibabacloudstack_image.from_instance';
    const id = await idOf(address);
    const before = await cloudImage(id);
    expect((await tf.run(['state', 'rm', address])).code).toBe(0);
    const imported = await tf.import(address, id);
    expect(diagnostics(imported)).toContain('Import successful!');
    // ECS never reports the source, so the imported state has none.
    expect((await tf.state()).resource(address).values).toMatchObject({ id, instance_id: null });

    const plan = await tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    expect(plan.changes.map((c) => [c.address, c.actions, c.replacePaths])).toEqual([[address, ['update'], []]]);
    const { before: was, after: will } = plan.changes[0]!;
    const changed = Object.keys(will ?? {}).filter((key) => JSON.stringify(was?.[key]) !== JSON.stringify(will?.[key]));
    // The timeouts block is copied from the configuration (the import had none).
    expect(changed).toEqual(['instance_id', 'timeouts']);

    const applied = await tf.apply();
    expect(diagnostics(applied)).toContain('Resources: 0 added, 1 changed, 0 destroyed.');
    expect(await idOf(address)).toBe(id);
    expect((await tf.state()).resource(address).values['instance_id']).toBe(sources.instanceId);
    expect(await cloudImage(id)).toEqual(before);

    const again = await tf.run(['plan', '-detailed-exitcode']);
    expect(again.code, diagnostics(again)).toBe(0);
  });

  it('destroys an image in use only with force', async () => {
    const id = await idOf('alibabacloudstack_image.from_instance');
    await insertInstance(tc, { imageId: id });
    const refused = await tf.destroy(['-target=alibabacloudstack_image.from_instance']);
    expect(refused.code).not.toBe(0);
    expect(diagnostics(refused)).toContain('ImageUsingByInstance');
    expect(await cloudImage(id)).toBeDefined();

    tf.write(config(sources, { name: 'renamed:image_2', description: 'described again', tags: '{ FinanceDept = "Audit", Team = "images" }', snapshot: sources.otherSnapshot, force: true }));
    expect(diagnostics(await tf.apply())).toContain('Resources: 0 added, 1 changed, 0 destroyed.');
    const destroyed = await tf.destroy();
    expect(diagnostics(destroyed)).toContain('Destroy complete!');
    const left = await tc.cloud.store.db.selectFrom('images').select('id').where('account_id', '=', tc.accountId).execute();
    expect(left).toEqual([]);
    // The snapshot the instance image's creation made went with it; the supplied ones stay.
    expect(await snapshotIds()).toEqual([sources.systemSnapshot, sources.otherSnapshot, sources.dataSnapshot].sort());
  });
});
