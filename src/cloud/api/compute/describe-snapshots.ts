/**
 * DescribeSnapshots: the caller's snapshots in the region, filtered (all
 * filters AND), newest first, a page at a time (PageNumber/PageSize or
 * NextToken/MaxResults ≤ 100). Unknown ids in `SnapshotIds` are simply absent.
 */
import type { SelectQueryBuilder } from 'kysely';
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import type { Database } from '../../store/schema.js';
import { parseTagFilters } from '../tags/tag-params.js';
import { tagsOf, taggedWith } from '../tags/tag-store.js';
import { readCreationWindow } from './creation-filter.js';
import { endDryRun } from '../dry-run.js';
import { readIdList, whereParamsEqual, type EqualityFilters } from '../list-filters.js';
import { newestFirst } from '../page-query.js';
import { COMPUTE_TOKENS, pageFields, readPage } from '../paging.js';
import { renderSnapshot } from './snapshot-view.js';
import { SNAPSHOT_USAGES, usagesOf, usedByDisk, usedByImage, type SnapshotUsage } from './snapshot-usage.js';

const STATUSES = ['progressing', 'accomplished', 'failed', 'all'];
const SNAPSHOT_TYPES = ['auto', 'user', 'all'];
const CATEGORIES = ['standard', 'flash', 'archive'];
const MAX_IDS = 100;

type SnapshotQuery = SelectQueryBuilder<Database, 'snapshots', object>;

function filterUsage(query: SnapshotQuery, usage: SnapshotUsage): SnapshotQuery {
  return query.where((eb) => {
    const image = usedByImage(eb);
    const disk = usedByDisk(eb);
    switch (usage) {
      case 'image':
        return eb.and([image, eb.not(disk)]);
      case 'disk':
        return eb.and([eb.not(image), disk]);
      case 'image_disk':
        return eb.and([image, disk]);
      default:
        return eb.and([eb.not(image), eb.not(disk)]);
    }
  });
}

function applyFilters(ctx: ActionContext, query: SnapshotQuery): SnapshotQuery {
  const params = ctx.params;
  const ids = readIdList(params, 'SnapshotIds', MAX_IDS, 'InvalidSnapshotIds.Malformed');
  const status = params.string('Status') ?? 'all';
  if (!STATUSES.includes(status)) throw new EcsError('InvalidStatus.NotFound');
  const snapshotType = params.string('SnapshotType') ?? 'all';
  if (!SNAPSHOT_TYPES.includes(snapshotType)) throw new EcsError('InvalidSnapshotType.NotFound');
  const sourceDiskType = params.string('SourceDiskType')?.toLowerCase();
  if (sourceDiskType !== undefined && sourceDiskType !== 'system' && sourceDiskType !== 'data') {
    throw new EcsError('InvalidSourceDiskType');
  }
  const usage = params.string('Usage');
  if (usage !== undefined && !(SNAPSHOT_USAGES as readonly string[]).includes(usage)) throw new EcsError('InvalidUsage');
  const category = params.string('Category')?.toLowerCase();
  if (category !== undefined && !CATEGORIES.includes(category)) throw new EcsError('InvalidSnapshotCategory.Malformed');
  const encrypted = params.boolean('Encrypted');
  const instanceId = params.string('InstanceId');
  const window = readCreationWindow(params);
  const tagFilters = parseTagFilters(params);
  const columns: EqualityFilters<'snapshots'> = [
    ['DiskId', 'source_disk_id'],
    ['SnapshotName', 'snapshot_name'],
    ['ResourceGroupId', 'resource_group_id'],
  ];
  const filtered = whereParamsEqual(query, params, columns)
    .$if(ids !== undefined && ids.length > 0, (q) => q.where('id', 'in', ids ?? []))
    .$if(status !== 'all', (q) => q.where('status', '=', status))
    // Every snapshot here is a user snapshot: automatic snapshot policies are not modelled.
    .$if(snapshotType === 'auto' || encrypted === true, (q) => q.where('id', '=', ''))
    .$if(sourceDiskType !== undefined, (q) => q.where('source_disk_type', '=', sourceDiskType === 'system' ? 'System' : 'Data'))
    .$if(category !== undefined, (q) => q.where('category', '=', category ?? ''))
    .$if(instanceId !== undefined, (q) =>
      q.where('source_disk_id', 'in', ctx.db.selectFrom('disks').select('id').where('instance_id', '=', instanceId ?? '')),
    )
    .$if(window.from !== undefined, (q) => q.where('creation_time', '>=', window.from ?? 0))
    .$if(window.to !== undefined, (q) => q.where('creation_time', '<=', window.to ?? 0))
    .$if(tagFilters.length > 0, (q) => q.where('id', 'in', taggedWith(ctx.db, 'snapshot', tagFilters)));
  return usage === undefined ? filtered : filterUsage(filtered, usage as SnapshotUsage);
}

export async function describeSnapshots(ctx: ActionContext): Promise<ActionResult> {
  const page = readPage(ctx.params, { maxPageSize: 100, byToken: { tokens: COMPUTE_TOKENS, minResults: 1, maxResults: 100 } });
  const base = ctx.db.selectFrom('snapshots').where('account_id', '=', ctx.account.id).where('region_id', '=', ctx.regionId);
  const filtered = applyFilters(ctx, base);
  endDryRun(ctx.params);
  const { total, rows } = await newestFirst(filtered, page);
  const ids = rows.map((row) => row.id);
  const [tags, usages] = [await tagsOf(ctx.db, ids), await usagesOf(ctx.db, ids)];
  const now = ctx.now();
  const snapshots = rows.map((row) => renderSnapshot(row, usages.get(row.id) ?? 'none', tags.get(row.id) ?? [], now));
  return { Snapshots: { Snapshot: snapshots }, ...pageFields(page, total, COMPUTE_TOKENS) };
}
