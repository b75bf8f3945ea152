/**
 * The images list: DescribeImages as each account the viewer sees, narrowed
 * by the API's own filters (owner, status, family, name, tag), merged newest
 * first and paged here. A Creating image's progress bar is kept live by
 * console.js polling `api/images` (below), no reload needed.
 */
import type { Account } from '../../api/action.js';
import { ALL_STATUSES_QUERY, IMAGE_STATUSES } from '../../../domain/image-enums.js';
import { LISTS, type Row } from '../api-reader.js';
import { html, type Html } from '../html.js';
import { CONSOLE_PATH } from '../layout.js';
import { asEachAccount, regionOf, regionPicker, resourceLink, text, type OwnedRow, type PageContext, type PageView, type RawAnswer } from '../page-context.js';

export const IMAGES_PER_PAGE = 50;
const OWNERS = [
  ['', 'Any owner'],
  ['self', 'Own (self)'],
  ['system', 'System'],
  ['others', 'Shared with me (others)'],
] as const;
const LIVE_STATUSES: ReadonlySet<unknown> = new Set(['Creating', 'Waiting']);

/** The API's filter parameters for the page's query. */
function filterParams(query: URLSearchParams): Record<string, string> {
  const params: Record<string, string> = { Status: query.get('status') || ALL_STATUSES_QUERY };
  const family = query.get('family')?.trim();
  if (family) params['ImageFamily'] = family;
  const name = query.get('name')?.trim();
  if (name) params['ImageName'] = name;
  const tag = query.get('tag')?.trim();
  if (tag) {
    const [key, ...value] = tag.split('=');
    params['Tag.1.Key'] = (key ?? '').trim();
    if (value.length > 0) params['Tag.1.Value'] = value.join('=').trim();
  }
  return params;
}

/** The admin has no "self": own means every account's own images, and system images are read once. */
async function readImages(ctx: PageContext, regionId: string, owner: string, params: Record<string, string>): Promise<OwnedRow[]> {
  const read = (alias: string) => (account: Account) => ctx.reader.all(account, regionId, LISTS.images, { ...params, ImageOwnerAlias: alias });
  if (!ctx.viewer.isAdmin) return asEachAccount(ctx, (account) => ctx.reader.all(account, regionId, LISTS.images, owner ? { ...params, ImageOwnerAlias: owner } : params));
  const [first] = ctx.viewer.accounts;
  const system = async (): Promise<OwnedRow[]> => (first === undefined ? [] : (await read('system')(first)).map((row) => ({ account: first, row })));
  if (owner === 'system') return system();
  if (owner === 'others') return unique(await asEachAccount(ctx, read('others')));
  const own = await asEachAccount(ctx, read('self'));
  return owner === 'self' ? own : [...own, ...(await system())];
}

function unique(rows: readonly OwnedRow[]): OwnedRow[] {
  const seen = new Set<unknown>();
  return rows.filter(({ row }) => !seen.has(row['ImageId']) && seen.add(row['ImageId']) !== undefined);
}

/** Newest first across accounts; a stable sort, so images of the same second keep the API's own order. */
function newestFirst(a: OwnedRow, b: OwnedRow): number {
  return text(b.row['CreationTime']).localeCompare(text(a.row['CreationTime']));
}

export function progressOf(row: Row): number {
  const value = Number.parseInt(text(row['Progress']), 10);
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

/** The status cell: status text and a progress bar, live while the image is being made. */
export function statusCell(row: Row, regionId: string): Html {
  const id = text(row['ImageId']);
  const progress = progressOf(row);
  return html`<td class="status"${LIVE_STATUSES.has(row['Status']) ? html` data-live-image="${id}" data-region="${regionId}"` : ''}>
<span class="status-text">${text(row['Status'])}</span>
<progress max="100" value="${progress}" aria-label="Progress of ${id}">${progress}%</progress>
<span class="percent">${progress}%</span></td>`;
}

export async function imagesPage(ctx: PageContext): Promise<PageView> {
  const regionId = regionOf(ctx);
  const { query } = ctx;
  const owner = OWNERS.some(([value]) => value === query.get('owner')) ? (query.get('owner') as string) : '';
  const rows = (await readImages(ctx, regionId, owner, filterParams(query))).sort(newestFirst);
  const pages = Math.max(1, Math.ceil(rows.length / IMAGES_PER_PAGE));
  const pageNumber = Math.min(pages, Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1));
  const shown = rows.slice((pageNumber - 1) * IMAGES_PER_PAGE, pageNumber * IMAGES_PER_PAGE);
  const regions = await ctx.reader.regions(ctx.viewer.accounts[0] as Account);
  const pageLink = (n: number): string => {
    const next = new URLSearchParams(query);
    next.set('page', String(n));
    return `${CONSOLE_PATH}images?${next}`;
  };
  const filters = html`<form method="get" action="${CONSOLE_PATH}images" class="filters" aria-label="Image filters">
${regionPicker(regions, regionId)}
<label>Owner <select name="owner">${OWNERS.map(([value, label]) => html`<option value="${value}"${value === owner ? html` selected` : ''}>${label}</option>`)}</select></label>
<label>Status <select name="status"><option value="">Any status</option>${IMAGE_STATUSES.map(
    (status) => html`<option${status === query.get('status') ? html` selected` : ''}>${status}</option>`,
  )}</select></label>
<label>Family <input name="family" value="${query.get('family') ?? ''}"></label>
<label>Name <input name="name" value="${query.get('name') ?? ''}" placeholder="part of the name"></label>
<label>Tag <input name="tag" value="${query.get('tag') ?? ''}" placeholder="key or key=value"></label>
<button type="submit">Filter</button>
</form>`;
  const table = html`<div class="table-wrap"><table>
<caption>${rows.length} images in ${regionId}; page ${pageNumber} of ${pages}</caption>
<thead><tr><th scope="col">Name</th><th scope="col">ID</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Usable</th>
<th scope="col">Size (GiB)</th><th scope="col">Architecture</th><th scope="col">Platform</th><th scope="col">Family</th><th scope="col">Created</th></tr></thead>
<tbody>${shown.map(
    ({ account, row }) => html`<tr>
<td>${text(row['ImageName'])}</td>
<td>${resourceLink('images', regionId, row['ImageId'], account)}</td>
<td>${text(row['ImageOwnerAlias'])}${ctx.viewer.isAdmin && row['ImageOwnerAlias'] !== 'system' ? html` <small>${account.id}</small>` : ''}</td>
${statusCell(row, regionId)}
<td class="usable">${text(row['Usable'])}</td>
<td>${text(row['Size'])}</td><td>${text(row['Architecture'])}</td><td>${text(row['Platform'])}</td>
<td>${text(row['ImageFamily'])}</td><td><time>${text(row['CreationTime'])}</time></td></tr>`,
  )}</tbody></table></div>`;
  const paging = html`<nav class="paging" aria-label="Pages">${pageNumber > 1 ? html`<a href="${pageLink(pageNumber - 1)}" rel="prev">Previous page</a>` : ''}
<span>Page ${pageNumber} of ${pages}</span>${pageNumber < pages ? html`<a href="${pageLink(pageNumber + 1)}" rel="next">Next page</a>` : ''}</nav>`;
  return { title: 'Images', body: html`${filters}${table}${paging}` };
}

/** `api/images?region=&ids=a,b`: status, progress and Usable of the images the viewer may see (for live bars). */
export async function imageProgressApi(ctx: PageContext): Promise<RawAnswer> {
  const regionId = regionOf(ctx);
  const ids = (ctx.query.get('ids') ?? '').split(',').map((id) => id.trim()).filter((id) => /^m-[\w-]+$/.test(id)).slice(0, 100);
  const found = new Map<unknown, Row>();
  if (ids.length > 0) {
    for (const { row } of await asEachAccount(ctx, (account) => ctx.reader.all(account, regionId, LISTS.images, { ImageId: ids.join(','), Status: ALL_STATUSES_QUERY }))) {
      found.set(row['ImageId'], row);
    }
  }
  const images = [...found.values()].map((row) => ({ ImageId: row['ImageId'], Status: row['Status'], Progress: progressOf(row), Usable: row['Usable'] }));
  return { status: 200, body: JSON.stringify({ images }), headers: { 'content-type': 'application/json;charset=utf-8', 'cache-control': 'no-store' } };
}
