/** What every console page handler gets, and what it gives back. */
import type { Logger } from 'pino';
import type { Account } from '../api/action.js';
import type { LiveSettings } from '../admin/live-settings.js';
import type { JobRunner } from '../jobs/runner.js';
import type { Store } from '../store/store.js';
import type { ApiReader, Row } from './api-reader.js';
import { html, type Html } from './html.js';
import { CONSOLE_PATH } from './layout.js';
import type { Viewer } from './viewer.js';

export interface PageContext {
  readonly viewer: Viewer;
  readonly reader: ApiReader;
  readonly query: URLSearchParams;
  /** The url-encoded form of a POST (empty for a GET). */
  readonly form: URLSearchParams;
  /** The path after the page's own name (`images/m-…` → `m-…`). */
  readonly rest: string;
  readonly csrf: string;
  readonly store: Store;
  readonly settings: LiveSettings;
  readonly jobs: JobRunner;
  readonly now: () => number;
  readonly logger: Logger;
}

export interface PageView {
  readonly title: string;
  readonly body: Html;
  readonly status?: number;
}

/** A page that answers with something other than HTML (a download, JSON). */
export interface RawAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

export type PageHandler = (ctx: PageContext) => Promise<PageView | RawAnswer>;

/** A row read as one account, remembering which (the admin reads as each in turn). */
export interface OwnedRow {
  readonly account: Account;
  readonly row: Row;
}

/** The region a page shows: `?region=`, or the cloud's default. Unknown names are the API's to refuse. */
export function regionOf(ctx: PageContext): string {
  const region = ctx.query.get('region')?.trim();
  return region === undefined || region === '' ? ctx.settings.defaultRegionId : region;
}

/** Reads as every account the viewer sees. */
export async function asEachAccount(ctx: PageContext, read: (account: Account) => Promise<readonly Row[]>): Promise<OwnedRow[]> {
  const rows: OwnedRow[] = [];
  for (const account of ctx.viewer.accounts) {
    for (const row of await read(account)) rows.push({ account, row });
  }
  return rows;
}

export function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export type ResourceKind = 'images' | 'instances' | 'disks' | 'snapshots' | 'vpcs' | 'vswitches' | 'security-groups';

/** A link to one resource: its detail page for images, its list narrowed to it otherwise. */
export function resourceLink(kind: ResourceKind, regionId: string, id: unknown, account?: Account): Html {
  const value = text(id);
  if (value === '') return html``;
  const params = new URLSearchParams({ region: regionId });
  if (account !== undefined) params.set('account', account.id);
  const href = kind === 'images' ? `${CONSOLE_PATH}images/${encodeURIComponent(value)}?${params}` : `${CONSOLE_PATH}${kind}?${params}&id=${encodeURIComponent(value)}`;
  return html`<a href="${href}">${value}</a>`;
}

/** The region picker of a list page (a GET form, so the URL says what is shown). */
export function regionPicker(regions: readonly string[], current: string, extra: Html = html``): Html {
  return html`<label>Region <select name="region">${regions.map(
    (region) => html`<option value="${region}"${region === current ? html` selected` : ''}>${region}</option>`,
  )}</select></label>${extra}`;
}
