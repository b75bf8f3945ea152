/**
 * Pagination of the network Describe actions (ecs-api.md §4): page numbers
 * everywhere (PageSize max 50 on the VPC product, 100 on ECS), plus
 * `NextToken`/`MaxResults` on DescribeSecurityGroups and DescribeVSwitches.
 * A token is the offset of the next row, opaque to clients.
 */
import type { Params } from '../../http/params.js';
import { EcsError } from '../../http/errors.js';

export interface Page {
  readonly offset: number;
  readonly limit: number;
  readonly pageNumber: number;
  /** The request paged by token: answer `NextToken`. */
  readonly byToken: boolean;
}

const TOKEN = /^nt([0-9a-z]+)$/;

export function encodeToken(offset: number): string {
  return `nt${offset.toString(36)}`;
}

export function decodeToken(token: string, name = 'NextToken'): number {
  const match = TOKEN.exec(token);
  const offset = match === null ? Number.NaN : parseInt(match[1] ?? '', 36);
  if (!Number.isSafeInteger(offset)) throw EcsError.invalidParameter(name);
  return offset;
}

export interface PageOptions {
  readonly maxPageSize: number;
  /** Accept `NextToken`/`MaxResults` too. */
  readonly tokens: boolean;
}

export function readPage(params: Params, options: PageOptions): Page {
  const pageSize = params.integer('PageSize', { min: 1, max: options.maxPageSize }) ?? 10;
  if (options.tokens) {
    const maxResults = params.integer('MaxResults', { min: 1, max: Math.max(100, options.maxPageSize) });
    const token = params.string('NextToken');
    if (token !== undefined) return { offset: decodeToken(token), limit: maxResults ?? pageSize, pageNumber: 1, byToken: true };
    if (maxResults !== undefined && !params.has('PageNumber')) {
      return { offset: 0, limit: maxResults, pageNumber: 1, byToken: true };
    }
  }
  const pageNumber = params.integer('PageNumber', { min: 1 }) ?? 1;
  return { offset: (pageNumber - 1) * pageSize, limit: pageSize, pageNumber, byToken: false };
}

/** `PageNumber`, `PageSize`, `TotalCount`, and `NextToken` when paging by token. */
export function pageFields(page: Page, totalCount: number, withToken: boolean): Record<string, unknown> {
  const fields: Record<string, unknown> = { PageNumber: page.pageNumber, PageSize: page.limit, TotalCount: totalCount };
  if (withToken) {
    const next = page.offset + page.limit;
    fields['NextToken'] = next < totalCount ? encodeToken(next) : '';
  }
  return fields;
}
