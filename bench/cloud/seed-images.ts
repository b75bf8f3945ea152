/**
 * Fills an account with Available custom images straight through the store,
 * in multi-row inserts inside one transaction per batch: 100,000 images take
 * seconds this way, against many minutes through CreateImage (and the
 * account's image quota). The rows vary the way the filtered figures filter:
 * ten image families, one image in five arm64, one in four in the account's
 * second resource group, a `team` tag of twenty values, a source snapshot
 * shared by a hundred images, creation times over 100 days.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database, ImageDiskTable, ImageTable, TagTable } from '../../src/cloud/store/schema.js';
import { newId } from '../../src/domain/ids.js';

export const SEEDED_FAMILIES = 10;
export const SEEDED_TEAMS = 20;
export const SEEDED_SNAPSHOTS = 1_000;
export const TEAM_TAG_KEY = 'team';

/** 33 image columns × 400 rows stays under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH = 400;

export interface SeedImagesInput {
  readonly accountId: string;
  readonly regionId: string;
  /** The account's default resource group, and another one that every fourth image goes to. */
  readonly resourceGroupId: string;
  readonly otherResourceGroupId: string;
  readonly count: number;
  readonly now: number;
}

export function seededFamily(index: number): string {
  return `bench-family-${index % SEEDED_FAMILIES}`;
}

export function seededTeam(index: number): string {
  return `team-${index % SEEDED_TEAMS}`;
}

export function seededSnapshot(index: number): string {
  return `s-bench${String(index % SEEDED_SNAPSHOTS).padStart(4, '0')}`;
}

export function seededImageName(index: number): string {
  return `bench-image-${index}`;
}

function imageRow(input: SeedImagesInput, index: number, id: string): Insertable<ImageTable> {
  // independent of the family (index % 10), so every family has both architectures
  const arm = Math.floor(index / SEEDED_FAMILIES) % 5 === 0;
  return {
    id,
    account_id: input.accountId,
    region_id: input.regionId,
    image_name: seededImageName(index),
    description: `bench image ${index}`,
    image_family: seededFamily(index),
    image_version: String(index % 7),
    image_owner_alias: 'self',
    architecture: arm ? 'arm64' : 'x86_64',
    platform: 'Ubuntu',
    os_type: 'linux',
    os_name: arm ? 'Ubuntu  22.04 64位 ARM版' : 'Ubuntu  22.04 64位',
    os_name_en: arm ? 'Ubuntu  22.04 64 bit ARM Edition' : 'Ubuntu  22.04 64 bit',
    boot_mode: arm ? 'UEFI' : 'BIOS',
    size: 40,
    status: 'Available',
    progress: 100,
    usable: 1,
    is_public: 0,
    source_instance_id: '',
    source_snapshot_id: seededSnapshot(index),
    license_type: '',
    detection_strategy: '',
    nvme_support: 'supported',
    imds_support: 'v2',
    resource_group_id: index % 4 === 3 ? input.otherResourceGroupId : input.resourceGroupId,
    failure_code: '',
    failure_message: '',
    // spread over 100 days, so that sorting and time filters have work to do
    creation_time: input.now - (index % 100_000) * 86_400,
    available_at: input.now - (index % 100_000) * 86_400,
  };
}

function diskRow(imageId: string, index: number): Insertable<ImageDiskTable> {
  return {
    image_id: imageId,
    position: 0,
    device: '/dev/xvda',
    disk_type: 'system',
    size: 40,
    snapshot_id: seededSnapshot(index),
    format: '',
    import_oss_bucket: '',
    import_oss_object: '',
    progress: '100%',
    remain_time: 0,
  };
}

/** The account's default resource group and its other one (every account starts with `default` and `dev`). */
export async function accountResourceGroups(
  db: Kysely<Database>,
  accountId: string,
): Promise<Pick<SeedImagesInput, 'resourceGroupId' | 'otherResourceGroupId'>> {
  const groups = await db.selectFrom('resource_groups').select(['id', 'is_default']).where('account_id', '=', accountId).orderBy('name').execute();
  const byDefault = (flag: number): string => groups.find((group) => Number(group.is_default) === flag)?.id ?? '';
  return { resourceGroupId: byDefault(1), otherResourceGroupId: byDefault(0) };
}

function tagRow(input: SeedImagesInput, imageId: string, index: number): Insertable<TagTable> {
  return { account_id: input.accountId, resource_type: 'image', resource_id: imageId, tag_key: TEAM_TAG_KEY, tag_value: seededTeam(index) };
}

/** Inserts `count` images (each with its system disk row and its tag); returns their ids. */
export async function seedImages(db: Kysely<Database>, input: SeedImagesInput): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < input.count; start += BATCH) {
    const size = Math.min(BATCH, input.count - start);
    const batchIds = Array.from({ length: size }, () => newId('image', input.regionId));
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('images').values(batchIds.map((id, offset) => imageRow(input, start + offset, id))).execute();
      await trx.insertInto('image_disks').values(batchIds.map((id, offset) => diskRow(id, start + offset))).execute();
      await trx.insertInto('tags').values(batchIds.map((id, offset) => tagRow(input, id, start + offset))).execute();
    });
    ids.push(...batchIds);
  }
  return ids;
}
