/**
 * `alicloud_image` as the upstream provider declares it, with the real terraform (issue 14,
 * provider items 8–10):
 * - several image sources are accepted, as upstream does since v1.227; the plan warns which
 *   one ECS uses (InstanceId > DiskDeviceMapping > SnapshotId) and which it ignores;
 * - plans of an in-place update (after `terraform import`, or of a changed argument) keep the
 *   values an update cannot change instead of "(known after apply)";
 * - `disk_device_mapping` and `features` are nested blocks in `terraform providers schema
 *   -json`, the attribute syntax is refused by terraform itself, and the block syntax works
 *   end to end (filled values in state and outputs, an empty second plan).
 * Requires `npm run build`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnostics, useTerraformScenario, type PlannedChange } from '../support/terraform.js';
import { describeImage, makeSources, mappingBlocks, PROVIDER_HEADER, startImageCloud, type Sources } from './image-support.js';
import { flat, unknownPaths } from './plan-output.js';

const STEP_TIMEOUT = 240_000;



function only(changes: readonly PlannedChange[]): PlannedChange {
  expect(changes).toHaveLength(1);
  return changes[0] as PlannedChange;
}

describe('alicloud_image as upstream declares it', () => {
  let sources: Sources;
  const scenario = useTerraformScenario({ workspaces: 3, start: () => startImageCloud() });

  beforeAll(async () => {
    sources = await makeSources(scenario.cloud);
  });

  it('accepts instance_id, snapshot_id and disk_device_mapping together and warns that ECS uses instance_id', async () => {
    const tf = scenario.tf;
    tf.write(`${PROVIDER_HEADER}
resource "alicloud_image" "all_sources" {
  image_name  = "all-sources"
  instance_id = "${sources.instanceId}"
  snapshot_id = "${sources.systemSnapshotId}"
${mappingBlocks(sources)}
}
`);
    const plan = await tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    const text = flat(diagnostics(plan));
    expect(text).toContain('Warning: several image sources: ECS uses instance_id');
    expect(text).toContain('ECS makes an image from one source, by priority instance_id, then disk_device_mapping, then snapshot_id: it uses instance_id and ignores disk_device_mapping and snapshot_id.');
    expect(only(plan.changes).actions).toEqual(['create']);
  }, STEP_TIMEOUT);

  it('makes the image from the mappings when snapshot_id is set too (warned), as block syntax end to end; outputs see the filled values', async () => {
    const tf = scenario.tf;
    tf.write(`${PROVIDER_HEADER}
resource "alicloud_image" "mapped" {
  image_name  = "mapped-and-snapshot"
  snapshot_id = "${sources.systemSnapshotId}"
${mappingBlocks(sources)}
}

output "devices" {
  value = alicloud_image.mapped.disk_device_mapping[*].device
}
`);
    const plan = await tf.plan();
    expect(plan.code, diagnostics(plan)).toBe(0);
    expect(flat(diagnostics(plan))).toContain('it uses disk_device_mapping and ignores snapshot_id.');

    const applied = await tf.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);
    const state = await tf.state();
    const values = state.resource('alicloud_image.mapped').values;
    const mappings = values['disk_device_mapping'] as Record<string, unknown>[];
    expect(mappings.map((m) => [m['snapshot_id'], m['disk_type']])).toEqual([
      [sources.systemSnapshotId, 'system'],
      [sources.dataSnapshotId, 'data'],
    ]);
    expect(mappings.map((m) => typeof m['size'])).toEqual(['number', 'number']);
    expect(mappings[1]?.['size']).toBe(60);
    expect(mappings.every((m) => typeof m['device'] === 'string' && m['device'] !== '')).toBe(true);
    const outputs = (state.json['values'] as { outputs: Record<string, { value: unknown }> }).outputs;
    expect(outputs['devices']?.value).toEqual(mappings.map((m) => m['device']));
    const image = await describeImage(scenario.cloud, values['id'] as string);
    expect(image?.diskDeviceMappings?.diskDeviceMapping?.map((m) => m.snapshotId)).toEqual([sources.systemSnapshotId, sources.dataSnapshotId]);

    const second = await tf.plan(['-detailed-exitcode']);
    expect(second.code, diagnostics(second)).toBe(0);
    expect(second.changes).toEqual([]);
  }, STEP_TIMEOUT);

  it('serves disk_device_mapping and features as nested blocks in `terraform providers schema -json`', async () => {
    const run = await scenario.tf.run(['providers', 'schema', '-json']);
    expect(run.code, diagnostics(run)).toBe(0);
    const document = JSON.parse(run.stdout) as {
      provider_schemas: Record<string, { resource_schemas: Record<string, { block: SchemaBlockJson }> }>;
    };
    const provider = Object.values(document.provider_schemas)[0];
    const block = provider?.resource_schemas['alicloud_image']?.block;
    expect(block?.attributes?.['disk_device_mapping']).toBeUndefined();
    expect(block?.attributes?.['features']).toBeUndefined();
    // Upstream (SDK v1, Optional+Computed TypeList of Resource): list blocks, flags per field.
    const optionalComputed = { optional: true, computed: true };
    expect(shape(block?.block_types?.['disk_device_mapping'])).toEqual({
      nesting_mode: 'list',
      attributes: {
        device: { type: 'string', ...optionalComputed },
        disk_type: { type: 'string', ...optionalComputed },
        size: { type: 'number', ...optionalComputed },
        snapshot_id: { type: 'string', ...optionalComputed },
        format: { type: 'string', computed: true },
        import_oss_bucket: { type: 'string', computed: true },
        import_oss_object: { type: 'string', computed: true },
        progress: { type: 'string', computed: true },
        remain_time: { type: 'number', computed: true },
      },
    });
    expect(shape(block?.block_types?.['features'])).toEqual({
      nesting_mode: 'list',
      max_items: 1,
      attributes: { nvme_support: { type: 'string', ...optionalComputed } },
    });
  }, STEP_TIMEOUT);

  it('limits the disk mappings to 1 + 16 only when ECS uses them (not next to instance_id)', async () => {
    const tf = scenario.workspaces[1]!;
    const mappings = Array.from({ length: 18 }, (_, i) => `  disk_device_mapping {\n    snapshot_id = "${i === 0 ? sources.systemSnapshotId : sources.dataSnapshotId}"\n  }`).join('\n');
    tf.write(`${PROVIDER_HEADER}
resource "alicloud_image" "many_mappings" {
  image_name  = "many-mappings"
  instance_id = "${sources.instanceId}"
${mappings}
}
`);
    const ignored = await tf.plan();
    expect(ignored.code, diagnostics(ignored)).toBe(0);
    expect(flat(diagnostics(ignored))).toContain('it uses instance_id and ignores disk_device_mapping.');

    tf.write(`${PROVIDER_HEADER}
resource "alicloud_image" "many_mappings" {
  image_name = "many-mappings"
${mappings}
}
`);
    const used = await tf.plan();
    expect(used.code).toBe(1);
    expect(flat(diagnostics(used))).toContain('an image has one system disk and at most 16 data disks, got 18 disk mappings');
  }, STEP_TIMEOUT);

  it('refuses the attribute syntax `disk_device_mapping = [...]` with terraform\'s own error', async () => {
    const tf = scenario.workspaces[1]!;
    tf.write(`${PROVIDER_HEADER}
resource "alicloud_image" "attribute_syntax" {
  image_name          = "attribute-syntax"
  disk_device_mapping = [{ snapshot_id = "${sources.systemSnapshotId}", disk_type = "system" }]
}
`);
    const run = await tf.run(['validate']);
    expect(run.code).toBe(1);
    const text = flat(diagnostics(run));
    expect(text).toContain('Unsupported argument');
    expect(text).toContain('Did you mean to define a block of type "disk_device_mapping"?');
  }, STEP_TIMEOUT);

  it('after import, and on an in-place update, plans only what may change as "(known after apply)"', async () => {
    const tf = scenario.tf;
    const imageId = (await tf.state()).resource('alicloud_image.mapped').values['id'] as string;
    const importing = scenario.workspaces[2]!;
    const importConfig = (over: { name?: string; description?: string }): string => `${PROVIDER_HEADER}
resource "alicloud_image" "imported" {
  image_name  = "${over.name ?? 'mapped-and-snapshot'}"
${over.description === undefined ? '' : `  description = "${over.description}"\n`}${mappingBlocks(sources)}
  tags = { Team = "images" }
}
`;
    importing.write(importConfig({}));
    const imported = await importing.import('alicloud_image.imported', imageId);
    expect(imported.code, diagnostics(imported)).toBe(0);

    // The import leaves `force` null (its default is false) and no tags: an in-place update.
    const afterImport = await importing.plan();
    expect(afterImport.code, diagnostics(afterImport)).toBe(0);
    const change = only(afterImport.changes);
    expect(change.actions).toEqual(['update']);
    expect(unknownPaths(change.afterUnknown)).toEqual([]);
    expect(change.after).toMatchObject({ name: 'mapped-and-snapshot', status: 'Available', usable: true });
    const applied = await importing.apply();
    expect(applied.code, diagnostics(applied)).toBe(0);

    // A description change cannot change anything else.
    importing.write(importConfig({ description: 'a new description' }));
    const describe = await importing.plan();
    expect(describe.code, diagnostics(describe)).toBe(0);
    expect(only(describe.changes).actions).toEqual(['update']);
    expect(unknownPaths(only(describe.changes).afterUnknown)).toEqual([]);

    // A new image_name changes `name` (its deprecated mirror) too: that one is unknown.
    importing.write(importConfig({ name: 'renamed-image' }));
    const rename = await importing.plan();
    expect(rename.code, diagnostics(rename)).toBe(0);
    expect(unknownPaths(only(rename.changes).afterUnknown)).toEqual(['name']);
  }, STEP_TIMEOUT);
});

interface SchemaAttributeJson {
  readonly type: unknown;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly required?: boolean;
}

interface SchemaBlockJson {
  readonly attributes?: Record<string, SchemaAttributeJson>;
  readonly block_types?: Record<string, { nesting_mode: string; max_items?: number; min_items?: number; block: SchemaBlockJson }>;
}

/** The parts of a block type that make its shape (descriptions left out). */
function shape(blockType: { nesting_mode: string; max_items?: number; min_items?: number; block: SchemaBlockJson } | undefined): unknown {
  if (blockType === undefined) return undefined;
  return {
    nesting_mode: blockType.nesting_mode,
    ...(blockType.max_items === undefined ? {} : { max_items: blockType.max_items }),
    ...(blockType.min_items === undefined ? {} : { min_items: blockType.min_items }),
    attributes: Object.fromEntries(
      Object.entries(blockType.block.attributes ?? {}).map(([name, a]) => [
        name,
        { type: a.type, ...(a.optional ? { optional: true } : {}), ...(a.computed ? { computed: true } : {}), ...(a.required ? { required: true } : {}) },
      ]),
    ),
  };
}
