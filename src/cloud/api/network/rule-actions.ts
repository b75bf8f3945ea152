/**
 * ECS (2014-05-26) security-group rules (ecs-api-more.md §1):
 * AuthorizeSecurityGroup[Egress], RevokeSecurityGroup[Egress] and
 * ModifySecurityGroup[Egress]Rule, in both parameter styles.
 *
 * Idempotent as ECS is, because callers depend on it: authorizing a rule that
 * exists adds nothing and succeeds, and revoking by content a rule that does
 * not exist succeeds (the provider retries every other error for 5 minutes, so
 * a not-found error would hang `terraform destroy`). Revoking by rule id is
 * strict: an unknown id fails.
 */
import type { ActionContext, ActionResult, ActionTable } from '../action.js';
import { EcsError } from '../errors.js';
import { newId } from '../../../domain/ids.js';
import type { RuleDirection } from '../../../domain/security-group-rule.js';
import { withClientToken } from '../idempotency.js';
import { findSecurityGroup, type SecurityGroupRow } from './lookups.js';
import {
  flatFields,
  permissionFields,
  readDescription,
  readRule,
  requestedRules,
  ruleIdentity,
  storedFieldsUnder,
  type RuleSpec,
} from './rule-params.js';
import type { RuleRow } from './rule-view.js';

/** Rules per group, inbound and outbound together (2021 reference). */
export const MAX_RULES_PER_GROUP = 200;
/** Rules of a basic group that name another group; an enterprise group may have none. */
const MAX_GROUP_PEERS: Readonly<Record<string, number>> = { normal: 20, enterprise: 0 };
const MAX_RULE_IDS = 100;

type RuleHandler = (ctx: ActionContext, direction: RuleDirection) => Promise<ActionResult>;

/** Every rule action takes a `ClientToken`. */
function ruleAction(action: string, direction: RuleDirection, run: RuleHandler) {
  return { handler: (ctx: ActionContext) => withClientToken(ctx, action, () => run(ctx, direction)), regionIdRequired: true };
}

function rulesOf(ctx: ActionContext, groupId: string): Promise<RuleRow[]> {
  return ctx.db.selectFrom('security_group_rules').selectAll().where('security_group_id', '=', groupId).execute();
}

function peerGroupOf(rule: RuleSpec): string {
  return rule.direction === 'ingress' ? rule.source_group_id : rule.dest_group_id;
}

/** A group peer must be another of the caller's groups, in the same VPC. */
async function checkPeerGroup(ctx: ActionContext, group: SecurityGroupRow, rule: RuleSpec): Promise<void> {
  const peerId = peerGroupOf(rule);
  if (peerId === '') return;
  const ingress = rule.direction === 'ingress';
  if (peerId === group.id) throw new EcsError(ingress ? 'InvalidParamter.Conflict' : 'InvalidSecurityGroup.IsSame');
  const peer = await ctx.db
    .selectFrom('security_groups')
    .select(['vpc_id'])
    .where('id', '=', peerId)
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId)
    .executeTakeFirst();
  if (peer === undefined) throw new EcsError(ingress ? 'InvalidSourceGroupId.NotFound' : 'InvalidDestGroupId.NotFound');
  if (peer.vpc_id !== group.vpc_id) throw new EcsError(ingress ? 'InvalidSourceGroupId.Mismatch' : 'InvalidDestGroupId.Mismatch');
}

async function authorizeOnce(ctx: ActionContext, direction: RuleDirection): Promise<ActionResult> {
  const group = await findSecurityGroup(ctx, ctx.params.requiredString('SecurityGroupId'));
  const requested = requestedRules(ctx.params).map((fields) => readRule(direction, fields));
  for (const rule of requested) await checkPeerGroup(ctx, group, rule);
  const existing = await rulesOf(ctx, group.id);
  const known = new Set(existing.map(ruleIdentity));
  const added: RuleSpec[] = [];
  for (const rule of requested) {
    const identity = ruleIdentity(rule);
    if (known.has(identity)) continue;
    known.add(identity);
    added.push(rule);
  }
  if (added.length === 0) return {};
  const groupPeers = [...existing, ...added].filter((rule) => peerGroupOf(rule) !== '').length;
  if (existing.length + added.length > MAX_RULES_PER_GROUP || groupPeers > (MAX_GROUP_PEERS[group.security_group_type] ?? 0)) {
    throw new EcsError('AuthorizationLimitExceed');
  }
  const now = ctx.now();
  await ctx.db
    .insertInto('security_group_rules')
    .values(
      added.map((rule) => ({
        ...rule,
        id: newId('securityGroupRule', ctx.regionId),
        account_id: ctx.account.id,
        region_id: ctx.regionId,
        security_group_id: group.id,
        creation_time: now,
      })),
    )
    .execute();
  return {};
}

async function revokeOnce(ctx: ActionContext, direction: RuleDirection): Promise<ActionResult> {
  const { params } = ctx;
  const group = await findSecurityGroup(ctx, params.requiredString('SecurityGroupId'));
  const ruleIds = params.list('SecurityGroupRuleId');
  if (ruleIds.length > MAX_RULE_IDS) throw EcsError.invalidParameter('SecurityGroupRuleId');
  const existing = (await rulesOf(ctx, group.id)).filter((rule) => rule.direction === direction);
  let doomed: string[];
  if (ruleIds.length > 0) {
    if (permissionFields(params).length > 0) throw EcsError.invalidParameter('SecurityGroupRuleId');
    const ids = new Set(existing.map((rule) => rule.id));
    if (ruleIds.some((id) => !ids.has(id))) throw new EcsError('InvalidParam.SecurityGroupRuleId');
    doomed = ruleIds;
  } else {
    const wanted = new Set(requestedRules(params).map((fields) => ruleIdentity(readRule(direction, fields))));
    doomed = existing.filter((rule) => wanted.has(ruleIdentity(rule))).map((rule) => rule.id);
  }
  if (doomed.length > 0) await ctx.db.deleteFrom('security_group_rules').where('id', 'in', doomed).execute();
  return {};
}

type PeerKind = 'cidr' | 'ipv6' | 'group' | 'prefixList';

function peerKind(rule: RuleSpec): PeerKind {
  const ingress = rule.direction === 'ingress';
  if ((ingress ? rule.source_cidr_ip : rule.dest_cidr_ip) !== '') return 'cidr';
  if ((ingress ? rule.ipv6_source_cidr_ip : rule.ipv6_dest_cidr_ip) !== '') return 'ipv6';
  return peerGroupOf(rule) !== '' ? 'group' : 'prefixList';
}

/**
 * By `SecurityGroupRuleId` (current SDKs): the given fields change, the peer
 * keeps its kind, and an empty value leaves a field as it is. Without an id
 * (the 2021 form the provider still sends): the rule is found by content and
 * only its description changes, to `""` as well when `Description=` is sent.
 */
async function modifyOnce(ctx: ActionContext, direction: RuleDirection): Promise<ActionResult> {
  const { params } = ctx;
  const group = await findSecurityGroup(ctx, params.requiredString('SecurityGroupId'));
  const existing = (await rulesOf(ctx, group.id)).filter((rule) => rule.direction === direction);
  const ruleId = params.string('SecurityGroupRuleId');
  if (ruleId !== undefined) {
    const rule = existing.find((candidate) => candidate.id === ruleId);
    if (rule === undefined) throw new EcsError('SecurityGroupRule.NotFound');
    const changed = readRule(direction, storedFieldsUnder(rule, flatFields(params)));
    if (peerKind(changed) !== peerKind(rule)) throw EcsError.invalidParameter(direction === 'ingress' ? 'SourceCidrIp' : 'DestCidrIp');
    await checkPeerGroup(ctx, group, changed);
    await ctx.db.updateTable('security_group_rules').set(changed).where('id', '=', rule.id).execute();
    return {};
  }
  const identity = ruleIdentity(readRule(direction, flatFields(params)));
  const rule = existing.find((candidate) => ruleIdentity(candidate) === identity);
  if (rule === undefined) throw new EcsError('SecurityGroupRule.NotFound');
  if (params.has('Description')) {
    const description = readDescription(params.string('Description'));
    await ctx.db.updateTable('security_group_rules').set({ description }).where('id', '=', rule.id).execute();
  }
  return {};
}

export const securityGroupRuleActions: ActionTable = {
  AuthorizeSecurityGroup: ruleAction('AuthorizeSecurityGroup', 'ingress', authorizeOnce),
  AuthorizeSecurityGroupEgress: ruleAction('AuthorizeSecurityGroupEgress', 'egress', authorizeOnce),
  RevokeSecurityGroup: ruleAction('RevokeSecurityGroup', 'ingress', revokeOnce),
  RevokeSecurityGroupEgress: ruleAction('RevokeSecurityGroupEgress', 'egress', revokeOnce),
  ModifySecurityGroupRule: ruleAction('ModifySecurityGroupRule', 'ingress', modifyOnce),
  ModifySecurityGroupEgressRule: ruleAction('ModifySecurityGroupEgressRule', 'egress', modifyOnce),
};
