import { describe, expect, it } from 'vitest';
import {
  type DiskMappingRequest,
  planDiskMappings,
  type SnapshotFacts,
} from '../../src/domain/disk-mapping.js';
import { imageDiskSizeRange } from '../../src/domain/disk-limits.js';
import { OLDEST_IMAGE_SNAPSHOT_TIME, snapshotTooOldProblem } from '../../src/domain/snapshot-rules.js';

const recent = Date.UTC(2024, 0, 1);

function snapshot(id: string, overrides: Partial<SnapshotFacts> = {}): SnapshotFacts {
  return { id, sizeGiB: 40, sourceDiskType: 'system', category: 'cloud_essd', createdAt: recent, ...overrides };
}
const dataSnapshot = (id: string, overrides: Partial<SnapshotFacts> = {}): SnapshotFacts =>
  snapshot(id, { sourceDiskType: 'data', sizeGiB: 100, ...overrides });

describe('planDiskMappings: success', () => {
  it('fills defaults: system first, sizes from snapshots, devices assigned in order', () => {
    const plan = planDiskMappings([
      { snapshot: dataSnapshot('s-data') },
      { snapshot: snapshot('s-sys') },
      {},
    ]);
    expect(plan).toEqual({
      ok: true,
      disks: [
        { device: '/dev/xvda', diskType: 'system', size: 40, snapshotId: 's-sys', category: 'cloud_essd' },
        { device: '/dev/vdb', diskType: 'data', size: 100, snapshotId: 's-data', category: 'cloud_essd' },
        { device: '/dev/vdc', diskType: 'data', size: 20, snapshotId: '', category: 'cloud_essd' },
      ],
    });
  });

  it('treats empty strings and zero sizes as not given (as the provider sends them)', () => {
    const plan = planDiskMappings([{ device: '', diskType: '', size: 0, snapshot: snapshot('s-sys') }]);
    expect(plan.ok && plan.disks[0]).toMatchObject({ device: '/dev/xvda', diskType: 'system', size: 40 });
  });

  it('uses xvd devices and the basic size range for basic disks', () => {
    const plan = planDiskMappings([{ snapshot: snapshot('s-sys', { category: 'cloud', sizeGiB: 20 }) }, { size: 0 }]);
    expect(plan.ok && plan.disks).toEqual([
      { device: '/dev/xvda', diskType: 'system', size: 20, snapshotId: 's-sys', category: 'cloud' },
      { device: '/dev/xvdb', diskType: 'data', size: 5, snapshotId: '', category: 'cloud' },
    ]);
  });

  it('lets a data snapshot become the system disk with DiskType=system', () => {
    const plan = planDiskMappings([{ diskType: 'system', snapshot: dataSnapshot('s-d') }]);
    expect(plan.ok && plan.disks[0]).toMatchObject({ diskType: 'system', snapshotId: 's-d', size: 100 });
  });

  it('keeps explicit devices and assigns around them', () => {
    const plan = planDiskMappings([
      { device: '/dev/xvda', snapshot: snapshot('s-sys') },
      { device: '/dev/vdb' },
      {},
    ]);
    expect(plan.ok && plan.disks.map((disk) => disk.device)).toEqual(['/dev/xvda', '/dev/vdb', '/dev/vdc']);
  });

  it('accepts 16 data disks', () => {
    const requests: DiskMappingRequest[] = [{ snapshot: snapshot('s') }, ...Array.from({ length: 16 }, () => ({}))];
    const plan = planDiskMappings(requests);
    expect(plan.ok && plan.disks.length).toBe(17);
  });

  it.each([
    ['cloud', 5, 2000],
    ['cloud_efficiency', 20, 32768],
    ['cloud_essd', 20, 32768],
  ])('an empty %s disk may be %i to %i GiB', (category, min, max) => {
    expect(imageDiskSizeRange(category)).toMatchObject({ min, max });
    const sys = { snapshot: snapshot('s', { category, sizeGiB: 20 }) };
    expect(planDiskMappings([sys, { size: min }]).ok).toBe(true);
    expect(planDiskMappings([sys, { size: max }]).ok).toBe(true);
    expect(planDiskMappings([sys, { size: min - 1 }]).ok).toBe(false);
    expect(planDiskMappings([sys, { size: max + 1 }]).ok).toBe(false);
  });
});

describe('planDiskMappings: problems', () => {
  const cases: Array<[string, DiskMappingRequest[], string, number | undefined]> = [
    ['no system disk at all', [{ snapshot: dataSnapshot('s-d') }], 'no-system-snapshot', undefined],
    ['a system disk without a snapshot', [{ diskType: 'system' }, { snapshot: dataSnapshot('s-d') }], 'no-system-snapshot', 1],
    ['two system disks', [{ snapshot: snapshot('a') }, { snapshot: snapshot('b') }], 'several-system-disks', undefined],
    ['an unknown disk type', [{ diskType: 'boot', snapshot: snapshot('a') }], 'disk-type-invalid', 1],
    [
      '17 data disks',
      [{ snapshot: snapshot('s') }, ...Array.from({ length: 17 }, () => ({}))],
      'too-many-data-disks',
      undefined,
    ],
    ['a size below the snapshot', [{ snapshot: snapshot('s'), size: 39 }], 'size-out-of-range', 1],
    ['a size above the category maximum', [{ snapshot: snapshot('s'), size: 32769 }], 'size-out-of-range', 1],
    ['a basic disk above 2000 GiB', [{ snapshot: snapshot('s', { category: 'cloud' }), size: 2001 }], 'size-out-of-range', 1],
    ['a fractional size', [{ snapshot: snapshot('s'), size: 40.5 }], 'size-out-of-range', 1],
    ['a malformed device', [{ snapshot: snapshot('s'), device: '/dev/sda' }], 'device-malformed', 1],
    ['a vd device on a basic disk', [{ snapshot: snapshot('s', { category: 'cloud' }), device: '/dev/vda' }], 'device-malformed', 1],
    ['a system disk not on the first device', [{ snapshot: snapshot('s'), device: '/dev/vdb' }], 'device-malformed', 1],
    ['a data disk on the first device', [{ snapshot: snapshot('s') }, { device: '/dev/vda' }], 'device-malformed', 2],
    [
      'the same device twice',
      [{ snapshot: snapshot('s') }, { device: '/dev/vdc' }, { device: '/dev/xvdc' }],
      'device-in-use',
      3,
    ],
    [
      'a snapshot from 2013-07-15',
      [{ snapshot: snapshot('s', { createdAt: Date.UTC(2013, 6, 15, 23, 59) }) }],
      'snapshot-too-old',
      1,
    ],
  ];
  it.each(cases)('%s', (_, requests, kind, index) => {
    const plan = planDiskMappings(requests);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problem.kind).toBe(kind);
    expect(plan.problem.index).toBe(index);
    expect(plan.problem.message.length).toBeGreaterThan(10);
  });
});

describe('snapshotTooOldProblem', () => {
  it.each([
    [Date.UTC(2013, 6, 15, 23, 59, 59), true],
    [Date.UTC(2012, 0, 1), true],
    [OLDEST_IMAGE_SNAPSHOT_TIME, false],
    [recent, false],
  ])('at %i refused=%s', (createdAt, refused) => {
    expect(snapshotTooOldProblem('s-x', createdAt) !== undefined).toBe(refused);
  });
});
