/**
 * ECS (2014-05-26) SSH key pairs (ecs-api-more.md §2.1–§2.4): CreateKeyPair,
 * ImportKeyPair, DescribeKeyPairs, DeleteKeyPairs. The name is the handle;
 * only the public half is kept, so CreateKeyPair's private key is answered
 * once. A key pair bound to an instance cannot be deleted
 * (`InvalidParameter.KeypairAlreadyAttachedInstance`, which the provider
 * retries for its whole delete timeout).
 */
import type { ActionContext, ActionResult, ActionTable } from '../action.js';
import { EcsError } from '../errors.js';
import { newId } from '../../../domain/ids.js';
import { isKeyPairName, md5Fingerprint, parseSshPublicKey } from '../../../domain/ssh-key.js';
import { resolveResourceGroupId } from '../resource-manager/resource-groups.js';
import { deleteTagsOf, parseTagFilters, parseTags, setTags, taggedWith, tagsOf } from '../tags/index.js';
import { isoMinutes } from '../compute/time-format.js';
import { findKeyPair, type KeyPairRow } from './key-pair-lookup.js';
import { generateRsaKeyPair } from './key-pair-material.js';
import { attachKeyPair, detachKeyPair, jsonNames } from './key-pair-binding.js';

/** Key pairs an account may hold per region. */
export const KEY_PAIR_QUOTA = 500;
const MAX_DELETE_NAMES = 100;
const DESCRIBE_PAGE = { default: 10, max: 50 } as const;

function keyPairName(ctx: ActionContext): string {
  const name = ctx.params.requiredString('KeyPairName');
  if (!isKeyPairName(name)) throw new EcsError('InvalidKeyPairName.Malformed');
  return name;
}

interface NewKeyPair {
  readonly name: string;
  readonly publicKey: string;
  readonly fingerPrint: string;
}

/** Checks what every new key pair must satisfy, then stores it with its group and tags. */
async function insertKeyPair(ctx: ActionContext, keyPair: NewKeyPair, resourceGroupId: string): Promise<KeyPairRow> {
  const tags = parseTags(ctx.params);
  if ((await findKeyPair(ctx, keyPair.name)) !== undefined) throw new EcsError('KeyPair.AlreadyExist');
  const { count } = await ctx.db
    .selectFrom('key_pairs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId)
    .executeTakeFirstOrThrow();
  if (Number(count) >= KEY_PAIR_QUOTA) throw new EcsError('QuotaExceed.KeyPair');
  const row: KeyPairRow = {
    id: newId('keyPair', ctx.regionId),
    account_id: ctx.account.id,
    region_id: ctx.regionId,
    key_pair_name: keyPair.name,
    finger_print: keyPair.fingerPrint,
    public_key: keyPair.publicKey,
    resource_group_id: resourceGroupId,
    creation_time: ctx.now(),
  };
  await ctx.db.insertInto('key_pairs').values(row).execute();
  await setTags(ctx.db, { accountId: ctx.account.id, resourceType: 'keypair', resourceId: row.id, tags });
  return row;
}

async function createKeyPair(ctx: ActionContext): Promise<ActionResult> {
  const name = keyPairName(ctx);
  const resourceGroupId = await resolveResourceGroupId(ctx, ctx.params.string('ResourceGroupId'));
  const generated = await generateRsaKeyPair();
  const row = await insertKeyPair(
    ctx,
    { name, publicKey: generated.publicKey, fingerPrint: md5Fingerprint(generated.publicBlob) },
    resourceGroupId,
  );
  return {
    KeyPairId: row.id,
    KeyPairName: row.key_pair_name,
    KeyPairFingerPrint: row.finger_print,
    PrivateKeyBody: generated.privateKeyPem,
  };
}

async function importKeyPair(ctx: ActionContext): Promise<ActionResult> {
  const name = keyPairName(ctx);
  const body = ctx.params.requiredString('PublicKeyBody');
  const key = parseSshPublicKey(body);
  if (key === undefined) throw new EcsError('InvalidPublicKeyBody.Malformed');
  const resourceGroupId = await resolveResourceGroupId(ctx, ctx.params.string('ResourceGroupId'));
  const row = await insertKeyPair(ctx, { name, publicKey: key.text, fingerPrint: md5Fingerprint(key.blob) }, resourceGroupId);
  return { KeyPairName: row.key_pair_name, KeyPairFingerPrint: row.finger_print };
}

/** `*` matches any run of characters; without one the name must match exactly. */
function nameMatcher(pattern: string | undefined): (name: string) => boolean {
  if (pattern === undefined) return () => true;
  if (!pattern.includes('*')) return (name) => name === pattern;
  const escaped = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const regex = new RegExp(`^${escaped.join('.*')}$`, 'su');
  return (name) => regex.test(name);
}

async function describeKeyPairs(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const pageNumber = params.integer('PageNumber', { min: 1 }) ?? 1;
  const pageSize = params.integer('PageSize', { min: 1, max: DESCRIBE_PAGE.max }) ?? DESCRIBE_PAGE.default;
  const includePublicKey = params.boolean('IncludePublicKey') === true;
  const fingerPrint = params.string('KeyPairFingerPrint');
  const resourceGroupId = params.string('ResourceGroupId');
  const tagFilters = parseTagFilters(params);
  const matches = nameMatcher(params.string('KeyPairName'));

  let query = ctx.db
    .selectFrom('key_pairs')
    .selectAll()
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId);
  if (fingerPrint !== undefined) query = query.where('finger_print', '=', fingerPrint);
  if (resourceGroupId !== undefined) query = query.where('resource_group_id', '=', resourceGroupId);
  if (tagFilters.length > 0) query = query.where('id', 'in', taggedWith(ctx.db, 'keypair', tagFilters));
  // At most 500 per region: the name pattern is applied here rather than translated to SQL LIKE.
  const all = (await query.orderBy('creation_time', 'desc').orderBy('key_pair_name').execute()).filter((row) =>
    matches(row.key_pair_name),
  );
  const page = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  const tags = await tagsOf(ctx.db, page.map((row) => row.id));
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: all.length,
    KeyPairs: {
      KeyPair: page.map((row) => ({
        KeyPairName: row.key_pair_name,
        KeyPairFingerPrint: row.finger_print,
        CreationTime: isoMinutes(row.creation_time),
        ResourceGroupId: row.resource_group_id,
        ...(includePublicKey ? { PublicKey: row.public_key } : {}),
        Tags: { Tag: tags.get(row.id) ?? [] },
      })),
    },
  };
}

/** Unknown names are skipped (undocumented; the provider counts not-found as deleted anyway). */
async function deleteKeyPairs(ctx: ActionContext): Promise<ActionResult> {
  ctx.params.requiredString('KeyPairNames');
  const names = jsonNames(ctx, 'KeyPairNames', MAX_DELETE_NAMES, 'InvalidKeyPairNames.ValueNotSupported');
  const rows = await ctx.db
    .selectFrom('key_pairs')
    .select(['id', 'key_pair_name'])
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId)
    .where('key_pair_name', 'in', names)
    .execute();
  if (rows.length === 0) return {};
  const attached = await ctx.db
    .selectFrom('instances')
    .select('id')
    .where('account_id', '=', ctx.account.id)
    .where('region_id', '=', ctx.regionId)
    .where('key_pair_name', 'in', rows.map((row) => row.key_pair_name))
    .executeTakeFirst();
  if (attached !== undefined) throw new EcsError('InvalidParameter.KeypairAlreadyAttachedInstance');
  const ids = rows.map((row) => row.id);
  await ctx.db.deleteFrom('key_pairs').where('id', 'in', ids).execute();
  await deleteTagsOf(ctx.db, ids);
  return {};
}

export const keyPairActions: ActionTable = {
  CreateKeyPair: { handler: createKeyPair, regionIdRequired: true },
  ImportKeyPair: { handler: importKeyPair, regionIdRequired: true },
  DescribeKeyPairs: { handler: describeKeyPairs, readOnly: true, regionIdRequired: true },
  DeleteKeyPairs: { handler: deleteKeyPairs, regionIdRequired: true },
  AttachKeyPair: { handler: attachKeyPair, regionIdRequired: true },
  DetachKeyPair: { handler: detachKeyPair, regionIdRequired: true },
};
