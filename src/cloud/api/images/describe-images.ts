/**
 * DescribeImages: the images the caller may see in the region (its own, the
 * public ones, those shared with it), narrowed by every documented filter,
 * newest first, one page at a time. Unknown ids are not an error: the answer
 * is an empty page, as ECS gives and both providers expect.
 */
import { sql } from 'kysely';
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import { findInstanceType } from '../catalog/catalog.js';
import { findDefaultResourceGroup } from '../resource-manager/resource-groups.js';
import {
  ALL_STATUSES_QUERY,
  ARCHITECTURES,
  IMAGE_OWNER_ALIASES,
  IMAGE_STATUSES,
  IMAGE_USAGES,
  isOneOf,
  OS_TYPES,
  type ImageOwnerAlias,
} from '../../../domain/image-enums.js';
import { plainIdLookup } from './describe-images-by-id.js';
import { lookupImagesByIdTogether } from './id-lookup-batch.js';
import { visibleParts, type ImageQuery } from './image-visibility.js';
import { endDryRun } from './image-attributes.js';
import { pageInMemory, readImagePage, type ImagePage } from './image-page.js';
import { renderImages } from './image-view.js';
import { readImageTagFilters } from './image-tag-filters.js';
import { imageSources, inUseFilter, nameFilter, snapshotFilter, tagFilter, type IdFilter, type ImageSource } from './image-id-filters.js';


const FILTER_KEYS = [
  'CreationStartTime',
  'CreationEndTime',
  'NetworkType',
  'CpuOnlineUpgrade',
  'CpuOnlineDowngrade',
  'MemoryOnlineUpgrade',
  'MemoryOnlineDowngrade',
] as const;

function commaList(raw: string | undefined): string[] {
  return raw === undefined ? [] : raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** `Status`: default Available; a comma list; `ALL`. With `Usable` given and no `Status`, no default applies. */
function readStatuses(ctx: ActionContext): string[] | undefined {
  const given = commaList(ctx.params.string('Status'));
  if (given.length === 0) return ctx.params.has('Usable') && ctx.params.string('Usable') !== undefined ? undefined : ['Available'];
  if (given.some((status) => status.toUpperCase() === ALL_STATUSES_QUERY)) return undefined;
  for (const status of given) {
    if (!isOneOf(IMAGE_STATUSES, status)) throw new EcsError('InvalidStatus.ValueNotSupported');
  }
  return given;
}

function readOwnerAlias(ctx: ActionContext): ImageOwnerAlias | undefined {
  const alias = ctx.params.string('ImageOwnerAlias');
  if (alias === undefined) return undefined;
  if (!isOneOf(IMAGE_OWNER_ALIASES, alias)) throw new EcsError('InvalidImageOwnerAlias.ValueNotSupported');
  return alias;
}

/** `yyyy-MM-ddTHH:mmZ` (seconds tolerated) → epoch ms. */
function filterTime(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.test(value)) throw new EcsError('InvalidFilterValue');
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new EcsError('InvalidFilterValue');
  return time;
}

/** What every part of the page is narrowed by; undefined when the filters find nothing. */
interface Filters {
  readonly narrow: (query: ImageQuery) => ImageQuery;
  /** The filters that name their images through another index (`image-id-filters.ts`). */
  readonly byId: readonly IdFilter[];
}

async function readFilters(ctx: ActionContext): Promise<Filters | undefined> {
  const { params } = ctx;
  const conditions: Array<(query: ImageQuery) => ImageQuery> = [];
  const byId: IdFilter[] = [];

  const ids = commaList(params.string('ImageId'));
  if (ids.length > 0) conditions.push((q) => q.where('images.id', 'in', ids));

  const name = params.string('ImageName');
  if (name !== undefined) {
    const pattern = `%${name.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push((q) => q.where(sql<boolean>`${sql.ref('images.image_name')} like ${pattern} escape '\\'`));
    const named = nameFilter(ctx.db, name);
    if (named !== undefined) byId.push(named);
  }

  const family = params.string('ImageFamily');
  if (family !== undefined) conditions.push((q) => q.where('images.image_family', '=', family));

  const statuses = readStatuses(ctx);
  if (statuses !== undefined) conditions.push((q) => q.where('images.status', 'in', statuses));

  const usable = params.boolean('Usable');
  if (usable !== undefined) conditions.push((q) => q.where('images.usable', '=', usable ? 1 : 0));

  const architecture = params.string('Architecture');
  if (architecture !== undefined) {
    if (!isOneOf(ARCHITECTURES, architecture)) throw new EcsError('InvalidArchitecture');
    conditions.push((q) => q.where('images.architecture', '=', architecture));
  }

  const osType = params.string('OSType');
  if (osType !== undefined) {
    if (!isOneOf(OS_TYPES, osType.toLowerCase())) throw new EcsError('InvalidOSType');
    conditions.push((q) => q.where('images.os_type', '=', osType.toLowerCase()));
  }

  const usage = params.string('Usage');
  if (usage !== undefined) {
    if (!isOneOf(IMAGE_USAGES, usage)) throw new EcsError('InvalidUsage');
    // Every part is of the request's region: its instances are the ones that count (an IN, so the few instances lead).
    if (usage === 'instance') byId.push(inUseFilter(ctx.db, ctx.regionId));
    else conditions.push((q) => q.where('images.id', 'not in', inUseFilter(ctx.db, ctx.regionId).ids));
  }

  const actionType = params.string('ActionType');
  if (actionType !== undefined && actionType !== 'CreateEcs' && actionType !== 'ChangeOS') {
    throw EcsError.invalidParameter('ActionType');
  }

  const instanceTypeId = params.string('InstanceType');
  if (instanceTypeId !== undefined) {
    const instanceType = findInstanceType(instanceTypeId);
    if (instanceType === undefined) throw new EcsError('InvalidInstanceType.ValueNotSupported');
    conditions.push((q) => q.where('images.architecture', instanceType.cpuArchitecture === 'ARM' ? '=' : '!=', 'arm64'));
    if (instanceType.nvmeSupport === 'required') conditions.push((q) => q.where('images.nvme_support', '=', 'supported'));
  }

  // Every image here supports I/O optimization and cloud-init: asking for images without them finds none.
  if (params.boolean('IsSupportIoOptimized') === false || params.boolean('IsSupportCloudinit') === false) return undefined;

  const snapshotId = params.string('SnapshotId');
  if (snapshotId !== undefined) {
    byId.push(snapshotFilter(ctx.db, snapshotId));
  }

  const ownerId = params.string('ImageOwnerId');
  if (ownerId !== undefined) conditions.push((q) => q.where('images.account_id', '=', ownerId));

  const groupId = params.string('ResourceGroupId');
  if (ctx.resourceSet !== undefined) {
    // An Apsara tenant's resource set confines its own images; public, marketplace and shared ones stay visible.
    const resourceSet = ctx.resourceSet;
    conditions.push((q) => q.where((eb) => eb.or([eb('images.account_id', '!=', ctx.account.id), eb('images.resource_group_id', '=', resourceSet)])));
  } else if (groupId !== undefined) {
    // ECS: "filtering by the default resource group is not supported" — it finds nothing.
    const defaultGroup = await findDefaultResourceGroup(ctx.db, ctx.account.id);
    if (defaultGroup?.id === groupId) return undefined;
    conditions.push((q) => q.where('images.resource_group_id', '=', groupId));
  }

  params.boolean('ShowExpired'); // validated; no image here is a subscription that can expire

  for (const filter of params.objectList('Filter')) {
    const key = filter['Key'];
    const value = filter['Value'];
    if (key === undefined || key === '') continue;
    if (!isOneOf(FILTER_KEYS, key)) throw new EcsError('InvalidFilterKey.NotFound');
    if (value === undefined || value === '') continue;
    if (key === 'CreationStartTime') {
      const start = filterTime(value);
      conditions.push((q) => q.where('images.creation_time', '>=', start));
    }
    if (key === 'CreationEndTime') {
      const end = filterTime(value);
      conditions.push((q) => q.where('images.creation_time', '<=', end));
    }
    if (key === 'NetworkType' && value !== 'vpc' && value !== 'classic') throw new EcsError('InvalidFilterValue');
    // The online up/downgrade features are unsupported on every image here.
    if (key.includes('Online') && value === 'supported') return undefined;
  }

  const tagFilters = readImageTagFilters(params);
  if (tagFilters.length > 0) byId.push(tagFilter(ctx.db, tagFilters));
  return { narrow: (query) => conditions.reduce((narrowed, condition) => condition(narrowed), query), byId };
}

export async function describeImages(ctx: ActionContext): Promise<ActionResult> {
  const pageNumber = ctx.params.integer('PageNumber', { min: 1 }) ?? 1;
  const pageSize = ctx.params.integer('PageSize', { min: 1, max: 100 }) ?? 10;
  const alias = readOwnerAlias(ctx);
  const viewer = { accountId: ctx.account.id, community: ctx.params.boolean('IsPublic') === true, alias };
  const page = { PageNumber: pageNumber, PageSize: pageSize, RegionId: ctx.regionId };
  const request = { offset: (pageNumber - 1) * pageSize, pageSize };

  let found: ImagePage;
  const ids = plainIdLookup(ctx.params);
  if (ids !== undefined) {
    // What the providers poll with: a compiled query, the same rows as the general one below.
    const statuses = readStatuses(ctx);
    found = pageInMemory(await lookupImagesByIdTogether(ctx.db, { regionId: ctx.regionId, viewer, ids, statuses }), request);
  } else {
    const filters = await readFilters(ctx);
    endDryRun(ctx.params);
    if (filters === undefined) return { Images: { Image: [] }, TotalCount: 0, ...page };
    const sources = await imageSources(ctx.db, filters.byId);
    // The filters narrow every part alike.
    const partsOf = ({ from, rest }: ImageSource): ImageQuery[] =>
      visibleParts(from.where('images.region_id', '=', ctx.regionId), viewer).map((part) =>
        rest.reduce((narrowed, filter) => filter.narrow(narrowed), filters.narrow(part)),
      );
    found = await readImagePage(ctx.db, partsOf(sources.page), {
      ...request,
      regionId: ctx.regionId,
      idCount: new Set(commaList(ctx.params.string('ImageId'))).size,
      viewer,
      countParts: sources.count === sources.page ? undefined : partsOf(sources.count),
    });
  }
  const images = await renderImages(
    { db: ctx.db, callerAccountId: ctx.account.id, now: ctx.now(), imageCreationMs: ctx.settings.imageCreationMs },
    found.rows,
  );
  return { Images: { Image: images }, TotalCount: found.totalCount, ...page };
}
