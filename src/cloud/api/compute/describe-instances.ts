/**
 * DescribeInstances: the caller's instances in the region, filtered (all
 * filters AND), newest first, a page at a time (PageNumber/PageSize or
 * NextToken/MaxResults). Unknown ids in `InstanceIds` are simply absent.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import type { Database } from '../../store/schema.js';
import { parseTagFilters } from '../tags/tag-params.js';
import { tagsOf, taggedWith } from '../tags/tag-store.js';
import { listInstanceTypes } from '../catalog/catalog.js';
import { endDryRun } from '../dry-run.js';
import { readIdList, whereParamsEqual, type EqualityFilters } from '../list-filters.js';
import { newestFirst } from '../page-query.js';
import { COMPUTE_TOKENS, pageFields, readPage } from '../paging.js';
import { renderInstance } from './instance-view.js';
import type { InstanceRow } from './instance-lookup.js';

const STATUSES = ['Pending', 'Running', 'Starting', 'Stopping', 'Stopped'];
const MAX_IDS = 100;

type InstanceQuery = SelectQueryBuilder<Database, 'instances', object>;

/**
 * `*` is DescribeInstances' wildcard for InstanceName. Names cannot hold `%`;
 * an `_` in a wildcard pattern matches any one character, a harmless widening.
 */
function likePattern(name: string): string {
  return name.replace(/\*/g, '%');
}

function applyFilters(ctx: ActionContext, query: InstanceQuery): InstanceQuery {
  const params = ctx.params;
  const status = params.string('Status');
  if (status !== undefined && !STATUSES.includes(status)) throw new EcsError('InvalidStatus.NotFound');
  const chargeType = params.string('InstanceChargeType');
  if (chargeType !== undefined && chargeType !== 'PostPaid' && chargeType !== 'PrePaid') {
    throw new EcsError('InvalidInstanceChargeType.NotFound');
  }
  const internetChargeType = params.string('InternetChargeType');
  if (internetChargeType !== undefined && internetChargeType !== 'PayByTraffic' && internetChargeType !== 'PayByBandwidth') {
    throw new EcsError('InvalidInternetChargeType.ValueNotSupported');
  }
  const networkType = params.string('InstanceNetworkType');
  if (networkType !== undefined && networkType !== 'vpc' && networkType !== 'classic') {
    throw new EcsError('InvalidNetworkType.NotFound');
  }
  const ids = readIdList(params, 'InstanceIds', MAX_IDS);
  const privateIps = readIdList(params, 'PrivateIpAddresses', MAX_IDS);
  const family = params.string('InstanceTypeFamily');
  const familyTypes = family === undefined ? undefined : listInstanceTypes().filter((type) => type.family === family).map((type) => type.instanceTypeId);
  const name = params.string('InstanceName');
  const groupId = params.string('SecurityGroupId');
  const tagFilters = parseTagFilters(params);
  const columns: EqualityFilters<'instances'> = [
    ['VpcId', 'vpc_id'],
    ['VSwitchId', 'vswitch_id'],
    ['ZoneId', 'zone_id'],
    ['ImageId', 'image_id'],
    ['ResourceGroupId', 'resource_group_id'],
    ['InstanceType', 'instance_type'],
    ['KeyPairName', 'key_pair_name'],
  ];
  return whereParamsEqual(query, params, columns)
    .$if(status !== undefined, (q) => q.where('status', '=', status ?? ''))
    .$if(chargeType !== undefined, (q) => q.where('instance_charge_type', '=', chargeType ?? ''))
    .$if(internetChargeType !== undefined, (q) => q.where('internet_charge_type', '=', internetChargeType ?? ''))
    .$if(networkType === 'classic', (q) => q.where('id', '=', ''))
    .$if(ids !== undefined, (q) => (ids?.length === 0 ? q : q.where('id', 'in', ids ?? [])))
    .$if(privateIps !== undefined && privateIps.length > 0, (q) => q.where('private_ip', 'in', privateIps ?? []))
    .$if(familyTypes !== undefined, (q) => (familyTypes?.length === 0 ? q.where('id', '=', '') : q.where('instance_type', 'in', familyTypes ?? [])))
    .$if(name !== undefined, (q) =>
      name?.includes('*') === true
        ? q.where('instance_name', 'like', likePattern(name ?? ''))
        : q.where('instance_name', '=', name ?? ''),
    )
    .$if(groupId !== undefined, (q) =>
      q.where('id', 'in', ctx.db.selectFrom('instance_security_groups').select('instance_id').where('security_group_id', '=', groupId ?? '')),
    )
    .$if(tagFilters.length > 0, (q) => q.where('id', 'in', taggedWith(ctx.db, 'instance', tagFilters)));
}

async function extrasOf(db: Kysely<Database>, rows: readonly InstanceRow[]) {
  const ids = rows.map((row) => row.id);
  const tags = await tagsOf(db, ids);
  const groups = new Map<string, string[]>(ids.map((id) => [id, []]));
  const images = new Map<string, { os_name_en: string; nvme_support: string }>();
  if (ids.length > 0) {
    const groupRows = await db
      .selectFrom('instance_security_groups')
      .selectAll()
      .where('instance_id', 'in', ids)
      .orderBy('security_group_id')
      .execute();
    for (const row of groupRows) groups.get(row.instance_id)?.push(row.security_group_id);
    const imageRows = await db
      .selectFrom('images')
      .select(['id', 'os_name_en', 'nvme_support'])
      .where('id', 'in', [...new Set(rows.map((row) => row.image_id))])
      .execute();
    for (const row of imageRows) images.set(row.id, row);
  }
  return { tags, groups, images };
}

export async function describeInstances(ctx: ActionContext): Promise<ActionResult> {
  const page = readPage(ctx.params, { maxPageSize: 100, byToken: { tokens: COMPUTE_TOKENS, minResults: 1, maxResults: 100 } });
  const base = ctx.db
    .selectFrom('instances')
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId);
  const filtered = applyFilters(ctx, base);
  endDryRun(ctx.params);
  const { total, rows } = await newestFirst(filtered, page);
  return { Instances: { Instance: await renderInstances(ctx.db, rows) }, ...pageFields(page, total, COMPUTE_TOKENS) };
}

/** Instances as DescribeInstances renders them, with their groups, tags and image details read in one go. */
export async function renderInstances(db: Kysely<Database>, rows: readonly InstanceRow[]): Promise<Array<Record<string, unknown>>> {
  const extras = await extrasOf(db, rows);
  return rows.map((row) =>
    renderInstance(row, {
      securityGroupIds: extras.groups.get(row.id) ?? [],
      tags: extras.tags.get(row.id) ?? [],
      osNameEn: extras.images.get(row.image_id)?.os_name_en ?? '',
      imageNvmeSupport: extras.images.get(row.image_id)?.nvme_support ?? '',
    }),
  );
}
