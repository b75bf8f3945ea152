/**
 * DescribeDisks: the caller's disks in the region, filtered (all filters AND),
 * newest first, a page at a time (PageNumber/PageSize or NextToken/MaxResults
 * 10–500). Unknown ids in `DiskIds` are simply absent.
 */
import type { SelectQueryBuilder } from 'kysely';
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import type { Database } from '../../store/schema.js';
import { parseTagFilters } from '../tags/tag-params.js';
import { tagsOf, taggedWith } from '../tags/tag-store.js';
import { DATA_DISK_CATEGORIES } from './disk-rules.js';
import { readCreationWindow } from './creation-filter.js';
import { endDryRun } from '../dry-run.js';
import { readIdList, whereParamsEqual, type EqualityFilters } from '../list-filters.js';
import { newestFirst } from '../page-query.js';
import { COMPUTE_TOKENS, pageFields, readPage } from '../paging.js';
import { renderDisk } from './disk-view.js';

const DISK_TYPES = ['all', 'system', 'data'];
const STATUSES = ['In_use', 'Available', 'Attaching', 'Detaching', 'Creating', 'ReIniting', 'All'];
const MAX_IDS = 100;

type DiskQuery = SelectQueryBuilder<Database, 'disks', object>;

function flag(value: boolean | undefined): 0 | 1 | undefined {
  return value === undefined ? undefined : value ? 1 : 0;
}

function applyFilters(ctx: ActionContext, query: DiskQuery): DiskQuery {
  const params = ctx.params;
  const ids = readIdList(params, 'DiskIds', MAX_IDS, 'InvalidDiskIds.Malformed');
  const diskType = params.string('DiskType') ?? 'all';
  if (!DISK_TYPES.includes(diskType)) throw new EcsError('InvalidDiskType.ValueNotSupported');
  const category = params.string('Category') ?? 'all';
  if (category !== 'all' && !(DATA_DISK_CATEGORIES as readonly string[]).includes(category)) {
    throw new EcsError('InvalidCategory.ValueNotSupported');
  }
  const status = params.string('Status') ?? 'All';
  if (!STATUSES.includes(status)) throw new EcsError('InvalidStatus.ValueNotSupported');
  const portable = params.boolean('Portable');
  const deleteWithInstance = flag(params.boolean('DeleteWithInstance'));
  const encrypted = flag(params.boolean('Encrypted'));
  const window = readCreationWindow(params);
  const tagFilters = parseTagFilters(params);
  const columns: EqualityFilters<'disks'> = [
    ['ZoneId', 'zone_id'],
    ['InstanceId', 'instance_id'],
    ['SnapshotId', 'source_snapshot_id'],
    ['DiskName', 'disk_name'],
    ['ResourceGroupId', 'resource_group_id'],
  ];
  return whereParamsEqual(query, params, columns)
    .$if(ids !== undefined && ids.length > 0, (q) => q.where('id', 'in', ids ?? []))
    .$if(diskType !== 'all', (q) => q.where('type', '=', diskType))
    .$if(category !== 'all', (q) => q.where('category', '=', category))
    .$if(status !== 'All', (q) => q.where('status', '=', status))
    .$if(portable !== undefined, (q) => q.where('type', portable === true ? '=' : '!=', 'data'))
    .$if(deleteWithInstance !== undefined, (q) => q.where('delete_with_instance', '=', deleteWithInstance ?? 0))
    .$if(encrypted !== undefined, (q) => q.where('encrypted', '=', encrypted ?? 0))
    .$if(window.from !== undefined, (q) => q.where('creation_time', '>=', window.from ?? 0))
    .$if(window.to !== undefined, (q) => q.where('creation_time', '<=', window.to ?? 0))
    .$if(tagFilters.length > 0, (q) => q.where('id', 'in', taggedWith(ctx.db, 'disk', tagFilters)));
}

export async function describeDisks(ctx: ActionContext): Promise<ActionResult> {
  const page = readPage(ctx.params, { maxPageSize: 100, byToken: { tokens: COMPUTE_TOKENS, minResults: 10, maxResults: 500 } });
  const base = ctx.db.selectFrom('disks').where('account_id', '=', ctx.account.id).where('region_id', '=', ctx.regionId);
  const filtered = applyFilters(ctx, base);
  endDryRun(ctx.params);
  const { total, rows } = await newestFirst(filtered, page);
  const tags = await tagsOf(ctx.db, rows.map((row) => row.id));
  const disks = rows.map((row) => renderDisk(row, tags.get(row.id) ?? []));
  return { Disks: { Disk: disks }, ...pageFields(page, total, COMPUTE_TOKENS) };
}
