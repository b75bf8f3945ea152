/**
 * One image: every field DescribeImages gives, its disk device mappings with
 * links to their snapshots, tags, share permissions (the owner's view, from
 * DescribeImageSharePermission), the instances launched from it and the
 * copies made from it in other regions.
 */
import type { Account } from '../../api/action.js';
import { ECS_VERSION } from '../../api/action.js';
import { ALL_STATUSES_QUERY } from '../../../domain/image-enums.js';
import { LISTS, listOf, type Row } from '../api-reader.js';
import { html, type Html } from '../html.js';
import { asEachAccount, regionOf, resourceLink, text, type PageContext, type PageView } from '../page-context.js';
import { statusCell } from './images.js';

/** A value of any shape as nested definition lists, every leaf as text. */
export function fieldList(value: Readonly<Record<string, unknown>>): Html {
  return html`<dl class="fields">${Object.entries(value).map(([key, item]) => html`<dt>${key}</dt><dd>${fieldValue(item)}</dd>`)}</dl>`;
}

function fieldValue(value: unknown): Html {
  if (Array.isArray(value)) return value.length === 0 ? html`<span class="empty">(none)</span>` : html`<ol>${value.map((item) => html`<li>${fieldValue(item)}</li>`)}</ol>`;
  if (typeof value === 'object' && value !== null) return fieldList(value as Record<string, unknown>);
  return html`${text(value)}`;
}

async function findImage(ctx: PageContext, regionId: string, imageId: string): Promise<{ account: Account; image: Row } | undefined> {
  const wanted = ctx.query.get('account');
  const accounts = [...ctx.viewer.accounts].sort((a, b) => Number(b.id === wanted) - Number(a.id === wanted));
  for (const account of accounts) {
    const [image] = await ctx.reader.all(account, regionId, LISTS.images, { ImageId: imageId, Status: ALL_STATUSES_QUERY });
    if (image !== undefined) return { account, image };
  }
  return undefined;
}

function table(caption: string, headings: readonly string[], rows: readonly Html[]): Html {
  return html`<div class="table-wrap"><table><caption>${caption}</caption>
<thead><tr>${headings.map((heading) => html`<th scope="col">${heading}</th>`)}</tr></thead>
<tbody>${rows.length === 0 ? html`<tr><td colspan="${headings.length}">None.</td></tr>` : rows}</tbody></table></div>`;
}

export async function imageDetailPage(ctx: PageContext): Promise<PageView> {
  const regionId = regionOf(ctx);
  const imageId = ctx.rest;
  const found = await findImage(ctx, regionId, imageId);
  if (found === undefined) {
    return { status: 404, title: 'Image not found', body: html`<p>No image ${imageId} that you may see in ${regionId}.</p>` };
  }
  const { account, image } = found;
  const mappings = listOf(image, ['DiskDeviceMappings', 'DiskDeviceMapping']);
  const tags = listOf(image, ['Tags', 'Tag']);
  const owned = image['ImageOwnerAlias'] === 'self';
  const shares = owned ? await ctx.reader.call(account, regionId, ECS_VERSION, 'DescribeImageSharePermission', { ImageId: imageId, PageSize: '100' }) : undefined;
  const instances = await asEachAccount(ctx, (viewerAccount) => ctx.reader.all(viewerAccount, regionId, LISTS.instances, { ImageId: imageId }));
  const copies = await ctx.store.db
    .selectFrom('images')
    .select(['id', 'region_id', 'account_id', 'status'])
    .where('copied_from_image_id', '=', imageId)
    .where('account_id', 'in', ctx.viewer.accounts.map((viewerAccount) => viewerAccount.id))
    .orderBy('region_id')
    .execute();
  const accountOf = (id: string): Account | undefined => ctx.viewer.accounts.find((candidate) => candidate.id === id);
  const body = html`
<p class="summary"><span>${imageId}</span> in ${regionId}</p>
<table class="status-table"><tbody><tr><th scope="row">Status</th>${statusCell(image, regionId)}</tr></tbody></table>
<section aria-labelledby="mappings"><h2 id="mappings">Disk device mappings</h2>
${table('Disks the image is made of', ['Device', 'Type', 'Size (GiB)', 'Snapshot', 'Format', 'Progress'], mappings.map(
    (disk) => html`<tr><td>${text(disk['Device'])}</td><td>${text(disk['Type'])}</td><td>${text(disk['Size'])}</td>
<td>${resourceLink('snapshots', regionId, disk['SnapshotId'], account)}</td><td>${text(disk['Format'])}</td><td>${text(disk['Progress'])}</td></tr>`,
  ))}</section>
<section aria-labelledby="tags"><h2 id="tags">Tags</h2>
${table('Tags', ['Key', 'Value'], tags.map((tag) => html`<tr><td>${text(tag['TagKey'])}</td><td>${text(tag['TagValue'])}</td></tr>`))}</section>
<section aria-labelledby="shares"><h2 id="shares">Share permissions</h2>
${shares === undefined
    ? html`<p>Only the image's owner sees whom it is shared with.</p>`
    : html`<p>Community image (shared with all): ${listOf(shares, ['ShareGroups', 'ShareGroup']).some((group) => group['Group'] === 'all') ? 'yes' : 'no'}</p>
${table('Accounts it is shared with', ['Account', 'Shared since'], listOf(shares, ['Accounts', 'Account']).map(
        (share) => html`<tr><td>${text(share['AliyunId'])}</td><td>${text(share['SharedTime'])}</td></tr>`,
      ))}`}</section>
<section aria-labelledby="instances"><h2 id="instances">Instances launched from it</h2>
${table('Instances', ['Instance', 'Name', 'Status', 'Zone'], instances.map(
    ({ account: owner, row }) => html`<tr><td>${resourceLink('instances', regionId, row['InstanceId'], owner)}</td><td>${text(row['InstanceName'])}</td>
<td>${text(row['Status'])}</td><td>${text(row['ZoneId'])}</td></tr>`,
  ))}</section>
<section aria-labelledby="copies"><h2 id="copies">Copies in other regions</h2>
${table('Copies', ['Image', 'Region', 'Status'], copies.map(
    (copy) => html`<tr><td>${resourceLink('images', copy.region_id, copy.id, accountOf(copy.account_id))}</td><td>${copy.region_id}</td><td>${copy.status}</td></tr>`,
  ))}</section>
<section aria-labelledby="fields"><h2 id="fields">Every DescribeImages field</h2>${fieldList(image)}</section>`;
  return { title: `Image ${text(image['ImageName']) || imageId}`, body };
}
