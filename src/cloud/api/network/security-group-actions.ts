/**
 * ECS (2014-05-26) security groups: CreateSecurityGroup,
 * DescribeSecurityGroups, DescribeSecurityGroupAttribute, DeleteSecurityGroup.
 * Rules are written by `rule-actions.ts` and listed here; instances join
 * groups through `instance_security_groups`, which the compute area writes.
 * Members, and other groups' rules naming a group, keep it from being deleted.
 */
import type { ActionContext, ActionResult, ActionTable } from '../action.js';
import { EcsError } from '../errors.js';
import { newId } from '../../../domain/ids.js';
import { withClientToken } from '../idempotency.js';
import { resolveResourceGroupId } from '../resource-manager/resource-groups.js';
import { deleteTagsOf, parseTagFilters, parseTags, setTags, taggedWith, tagsOf } from '../tags/index.js';
import { findSecurityGroup, findVpc, type SecurityGroupRow } from './lookups.js';
import { endDryRun } from '../dry-run.js';
import { readIdList } from '../list-filters.js';
import { newestFirst } from '../page-query.js';
import { NETWORK_TOKENS, pageFields, readPage } from '../paging.js';
import { securityGroupDescription, securityGroupName } from './text-rules.js';
import { isoSeconds } from './wire-format.js';
import { peerGroupNames, permissionView } from './rule-view.js';

const SECURITY_GROUP_TYPES: ReadonlySet<string> = new Set(['normal', 'enterprise']);
/** Private IPs a basic (normal) group may hold; an enterprise group holds far more. */
const CAPACITY: Readonly<Record<string, number>> = { normal: 2000, enterprise: 65536 };
const MAX_SECURITY_GROUP_IDS = 100;

function securityGroupType(value: string | undefined): string {
  if (value === undefined) return 'normal';
  if (!SECURITY_GROUP_TYPES.has(value)) throw EcsError.invalidParameter('SecurityGroupType');
  return value;
}

function createSecurityGroup(ctx: ActionContext): Promise<ActionResult> {
  return withClientToken(ctx, 'CreateSecurityGroup', () => createSecurityGroupOnce(ctx));
}

async function createSecurityGroupOnce(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const name = securityGroupName(params.string('SecurityGroupName'));
  const description = securityGroupDescription(params.string('Description'));
  const type = securityGroupType(params.string('SecurityGroupType'));
  const tags = parseTags(params);
  // Every region here is VPC-only: a group needs the VPC it belongs to.
  const vpcId = params.string('VpcId');
  if (vpcId === undefined) throw new EcsError('InvalidVpcId.NotFound');
  const vpc = await findVpc(ctx, vpcId);
  if (vpc.status !== 'Available') throw new EcsError('IncorrectVpcStatus');
  const resourceGroupId = await resolveResourceGroupId(ctx, params.string('ResourceGroupId'));
  endDryRun(ctx.params);
  const row: SecurityGroupRow = {
    id: newId('securityGroup', ctx.regionId),
    account_id: ctx.account.id,
    region_id: ctx.regionId,
    vpc_id: vpc.id,
    security_group_name: name,
    description,
    security_group_type: type,
    resource_group_id: resourceGroupId,
    creation_time: ctx.now(),
  };
  await ctx.db.insertInto('security_groups').values(row).execute();
  await setTags(ctx.db, { accountId: ctx.account.id, resourceType: 'securitygroup', resourceId: row.id, tags });
  return { SecurityGroupId: row.id };
}

/** Instances per group for a page of groups, in one query. */
async function memberCounts(ctx: ActionContext, groupIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (groupIds.length === 0) return counts;
  const rows = await ctx.db
    .selectFrom('instance_security_groups')
    .select(['security_group_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('security_group_id', 'in', [...groupIds])
    .groupBy('security_group_id')
    .execute();
  for (const row of rows) counts.set(row.security_group_id, Number(row.count));
  return counts;
}

interface RuleCounts {
  readonly rules: number;
  readonly groupToGroup: number;
}

/** Rules per group (and those naming another group) for a page of groups, in one query. */
async function ruleCounts(ctx: ActionContext, groupIds: readonly string[]): Promise<Map<string, RuleCounts>> {
  const counts = new Map<string, RuleCounts>();
  if (groupIds.length === 0) return counts;
  const rows = await ctx.db
    .selectFrom('security_group_rules')
    .select(['security_group_id', 'source_group_id', 'dest_group_id'])
    .where('security_group_id', 'in', [...groupIds])
    .execute();
  for (const row of rows) {
    const known = counts.get(row.security_group_id) ?? { rules: 0, groupToGroup: 0 };
    const toGroup = row.source_group_id !== '' || row.dest_group_id !== '' ? 1 : 0;
    counts.set(row.security_group_id, { rules: known.rules + 1, groupToGroup: known.groupToGroup + toGroup });
  }
  return counts;
}

function requestedIds(ctx: ActionContext): string[] {
  const ids = readIdList(ctx.params, 'SecurityGroupIds', MAX_SECURITY_GROUP_IDS) ?? [];
  const single = ctx.params.string('SecurityGroupId');
  return single === undefined ? ids : [...ids, single];
}

async function describeSecurityGroups(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const page = readPage(params, { maxPageSize: 100, byToken: { tokens: NETWORK_TOKENS, minResults: 1, maxResults: 100 } });
  const ids = requestedIds(ctx);
  const single = params.string('SecurityGroupId');
  const vpcId = params.string('VpcId');
  const name = params.string('SecurityGroupName');
  const fuzzy = params.boolean('FuzzyQuery') === true;
  const type = params.string('SecurityGroupType');
  const resourceGroupId = params.string('ResourceGroupId');
  const networkType = params.string('NetworkType');
  const serviceManaged = params.boolean('ServiceManaged');
  const tagFilters = parseTagFilters(params);
  if (networkType !== undefined && networkType !== 'vpc' && networkType !== 'classic') {
    throw EcsError.invalidParameter('NetworkType');
  }
  endDryRun(ctx.params);

  let query = ctx.db
    .selectFrom('security_groups')
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId);
  if (ids.length > 0) query = query.where('id', 'in', ids);
  // SecurityGroupId and SecurityGroupIds together: both must match.
  if (single !== undefined) query = query.where('id', '=', single);
  if (vpcId !== undefined) query = query.where('vpc_id', '=', vpcId);
  if (name !== undefined) {
    query = fuzzy ? query.where('security_group_name', 'like', `%${name}%`) : query.where('security_group_name', '=', name);
  }
  if (type !== undefined) query = query.where('security_group_type', '=', type);
  if (resourceGroupId !== undefined) query = query.where('resource_group_id', '=', resourceGroupId);
  if (networkType === 'classic') query = query.where('vpc_id', '=', '');
  if (networkType === 'vpc') query = query.where('vpc_id', '!=', '');
  // No group here is managed by another cloud service.
  if (serviceManaged === true) query = query.where('id', '=', '');
  if (tagFilters.length > 0) query = query.where('id', 'in', taggedWith(ctx.db, 'securitygroup', tagFilters));

  const { total, rows } = await newestFirst(query, page);
  const pageIds = rows.map((row) => row.id);
  const [counts, tags, rules] = await Promise.all([memberCounts(ctx, pageIds), tagsOf(ctx.db, pageIds), ruleCounts(ctx, pageIds)]);
  return {
    ...pageFields(page, total, NETWORK_TOKENS),
    RegionId: ctx.regionId,
    SecurityGroups: {
      SecurityGroup: rows.map((row) => {
        const members = counts.get(row.id) ?? 0;
        return {
          SecurityGroupId: row.id,
          SecurityGroupName: row.security_group_name,
          Description: row.description,
          VpcId: row.vpc_id,
          SecurityGroupType: row.security_group_type,
          CreationTime: isoSeconds(row.creation_time),
          ResourceGroupId: row.resource_group_id,
          ServiceManaged: false,
          EcsCount: members,
          AvailableInstanceAmount: Math.max(0, (CAPACITY[row.security_group_type] ?? 2000) - members),
          RuleCount: rules.get(row.id)?.rules ?? 0,
          GroupToGroupRuleCount: rules.get(row.id)?.groupToGroup ?? 0,
          Tags: { Tag: tags.get(row.id) ?? [] },
        };
      }),
    },
  };
}

const DIRECTIONS: ReadonlySet<string> = new Set(['ingress', 'egress', 'all']);

/**
 * A group's rules in creation order. Every group here is a VPC group, whose
 * rules are all `intranet`, and ECS reads `internet` or an empty `NicType` as
 * `intranet` for them: `NicType` filters nothing. The provider may even send
 * the literal `<nil>` (its rule id's missing part), which must not fail.
 */
async function listedRules(ctx: ActionContext, groupId: string, direction: string | undefined): Promise<Record<string, unknown>[]> {
  let query = ctx.db.selectFrom('security_group_rules').selectAll().where('security_group_id', '=', groupId);
  if (direction !== undefined && direction !== 'all') query = query.where('direction', '=', direction);
  const rules = await query.orderBy('creation_time').orderBy('id').execute();
  const names = await peerGroupNames(ctx, rules);
  return rules.map((rule) => permissionView(rule, names));
}

async function describeSecurityGroupAttribute(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const id = params.requiredString('SecurityGroupId');
  const direction = params.string('Direction');
  if (direction !== undefined && !DIRECTIONS.has(direction)) throw EcsError.invalidParameter('Direction');
  params.integer('MaxResults', { min: 10, max: 1000 });
  const row = await findSecurityGroup(ctx, id);
  const result: ActionResult = {
    RegionId: row.region_id,
    SecurityGroupId: row.id,
    SecurityGroupName: row.security_group_name,
    Description: row.description,
    VpcId: row.vpc_id,
    // Members of a basic group talk to each other; an enterprise group's do not.
    InnerAccessPolicy: row.security_group_type === 'enterprise' ? 'Drop' : 'Accept',
    Permissions: { Permission: await listedRules(ctx, row.id, direction) },
    NextToken: '',
  };
  if (params.string('Attribute') === 'snapshotPolicyIds') result['SnapshotPolicyIds'] = { SnapshotPolicyId: [] };
  return result;
}

async function deleteSecurityGroup(ctx: ActionContext): Promise<ActionResult> {
  const row = await findSecurityGroup(ctx, ctx.params.requiredString('SecurityGroupId'));
  const members = await memberCounts(ctx, [row.id]);
  if ((members.get(row.id) ?? 0) > 0) {
    throw new EcsError('DependencyViolation', 'There is still instance(s) in the specified security group.');
  }
  const referencing = await ctx.db
    .selectFrom('security_group_rules')
    .select('id')
    .where('security_group_id', '!=', row.id)
    .where((eb) => eb.or([eb('source_group_id', '=', row.id), eb('dest_group_id', '=', row.id)]))
    .executeTakeFirst();
  if (referencing !== undefined) {
    throw new EcsError('DependencyViolation', 'There is still security group rule(s) of another group referencing the specified security group.');
  }
  await ctx.db.deleteFrom('security_group_rules').where('security_group_id', '=', row.id).execute();
  await ctx.db.deleteFrom('security_groups').where('id', '=', row.id).execute();
  await deleteTagsOf(ctx.db, [row.id]);
  return {};
}

export const securityGroupActions: ActionTable = {
  CreateSecurityGroup: { handler: createSecurityGroup, regionIdRequired: true },
  DescribeSecurityGroups: { handler: describeSecurityGroups, readOnly: true, regionIdRequired: true },
  DescribeSecurityGroupAttribute: { handler: describeSecurityGroupAttribute, readOnly: true, regionIdRequired: true },
  DeleteSecurityGroup: { handler: deleteSecurityGroup, regionIdRequired: true },
};
