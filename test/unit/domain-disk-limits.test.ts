/**
 * Issue 14 item 6: each documented disk limit lives once in `domain/disk-limits.ts`; the
 * providers' plan-time checks and the cloud's checks are built from it. Here the providers'
 * validators are probed at the domain's bounds (so a changed rule moves both), and the bounds
 * are those of the per-category rules the cloud applies.
 */
import { describe, expect, it } from 'vitest';
import {
  APSARA_IMAGE_DISK_SIZE,
  DATA_DISK_SIZE_BOUNDS,
  IMAGE_DISK_SIZE_BOUNDS,
  MAX_DATA_DISKS,
  PERFORMANCE_LEVELS,
  SYSTEM_DISK_SIZE_BOUNDS,
  dataDiskSizeRange,
  imageDiskSizeRange,
  systemDiskSizeRange,
} from '../../src/domain/disk-limits.js';
import { DISK_CATEGORIES } from '../../src/domain/image-enums.js';
import type { BlockSchema, Validator } from '../../src/provider/framework/index.js';
import { instanceSchema } from '../../src/provider/alicloud/instance.js';
import { diskSchema } from '../../src/provider/alicloud/disk.js';
import { imageSchema as alicloudImageSchema } from '../../src/provider/alicloud/image.js';
import { imageSchema as apsaraImageSchema } from '../../src/provider/alibabacloudstack/image.js';

/** The validators of an attribute at a path of block and attribute names. */
function validatorsAt(schema: BlockSchema, path: readonly string[]): readonly Validator[] {
  const [head, ...rest] = path;
  if (rest.length === 0) return schema.attributes[head ?? '']?.validators ?? [];
  const block = schema.blocks?.[head ?? ''];
  if (block === undefined) throw new Error(`no block ${String(head)}`);
  return validatorsAt(block, rest);
}

function accepts(schema: BlockSchema, path: readonly string[], value: string | number): boolean {
  return validatorsAt(schema, path).every((validator) => validator(value, { key: path.join('.') }) === undefined);
}

describe('disk limits come from one domain rule', () => {
  it('the bounds are those of the per-category rules', () => {
    const system = DISK_CATEGORIES.flatMap((category) => PERFORMANCE_LEVELS.map((level) => systemDiskSizeRange(category, level)));
    expect(SYSTEM_DISK_SIZE_BOUNDS).toEqual({ min: Math.min(...system.map((r) => r.min)), max: Math.max(...system.map((r) => r.max)) });
    expect(SYSTEM_DISK_SIZE_BOUNDS.max).toBe(2048);
    const data = DISK_CATEGORIES.flatMap((category) => PERFORMANCE_LEVELS.map((level) => dataDiskSizeRange(category, level))).filter(
      (range) => range !== undefined,
    );
    expect(DATA_DISK_SIZE_BOUNDS).toEqual({ min: Math.min(...data.map((r) => r.min)), max: Math.max(...data.map((r) => r.max)) });
    expect(IMAGE_DISK_SIZE_BOUNDS).toEqual({ min: imageDiskSizeRange('cloud').min, max: imageDiskSizeRange('cloud_essd').max });
  });

  it.each([
    ['alicloud_instance system_disk_size', instanceSchema, ['system_disk_size'], SYSTEM_DISK_SIZE_BOUNDS],
    ['alicloud_instance data_disks.size', instanceSchema, ['data_disks', 'size'], DATA_DISK_SIZE_BOUNDS],
    ['alicloud_image disk_device_mapping.size', alicloudImageSchema, ['disk_device_mapping', 'size'], IMAGE_DISK_SIZE_BOUNDS],
    ['alibabacloudstack_image disk_device_mapping.size', apsaraImageSchema, ['disk_device_mapping', 'size'], APSARA_IMAGE_DISK_SIZE],
  ] as const)('%s accepts exactly the domain bounds', (_, schema, path, bounds) => {
    expect(accepts(schema, path, bounds.min)).toBe(true);
    expect(accepts(schema, path, bounds.max)).toBe(true);
    expect(accepts(schema, path, bounds.min - 1)).toBe(false);
    expect(accepts(schema, path, bounds.max + 1)).toBe(false);
  });

  it('a system disk the cloud would refuse (4096 GiB) fails at plan time with the attribute named', () => {
    const [validator] = validatorsAt(instanceSchema, ['system_disk_size']);
    expect(validator?.(4096, { key: 'system_disk_size' })).toBe('expected system_disk_size to be in the range (1 - 2048), got 4096');
  });

  it('performance levels and the data disk count', () => {
    for (const level of PERFORMANCE_LEVELS) {
      expect(accepts(instanceSchema, ['system_disk_performance_level'], level)).toBe(true);
      expect(accepts(diskSchema, ['performance_level'], level)).toBe(true);
    }
    expect(accepts(diskSchema, ['performance_level'], 'PL4')).toBe(false);
    expect(instanceSchema.blocks?.data_disks?.maxItems).toBe(MAX_DATA_DISKS);
    // No MaxItems on alicloud_image, as upstream: its plan check counts the mappings against
    // MAX_DATA_DISKS only when ECS uses them (test/provider/image-upstream-shape.test.ts).
    expect(alicloudImageSchema.blocks?.disk_device_mapping?.maxItems).toBeUndefined();
  });
});
