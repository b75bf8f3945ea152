/**
 * The two pagination styles the compute Describe actions accept at once
 * (ecs-api.md §4): `PageNumber`/`PageSize` and `NextToken`/`MaxResults`. A
 * token is the offset of the next row; both sets of fields are answered.
 */
import type { Params } from '../../http/params.js';
import { EcsError } from '../../http/errors.js';

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
  readonly pageNumber: number;
}

export interface PagingLimits {
  /** Largest `MaxResults` (DescribeDisks allows 500, the others 100). */
  readonly maxResults: number;
  /** Smallest `MaxResults` (DescribeDisks requires 10). */
  readonly minResults?: number;
}

const TOKEN_PREFIX = 'ecsimg';

function encodeToken(offset: number): string {
  return Buffer.from(`${TOKEN_PREFIX}:${offset}`).toString('hex');
}

function decodeToken(token: string): number {
  const text = /^[0-9a-f]+$/.test(token) ? Buffer.from(token, 'hex').toString('utf8') : '';
  const match = /^ecsimg:(\d+)$/.exec(text);
  if (match === null) throw EcsError.invalidParameter('NextToken');
  return Number(match[1]);
}

export function readPage(params: Params, limits: PagingLimits): PageRequest {
  const pageSize = params.integer('PageSize', { min: 1, max: 100 }) ?? 10;
  const maxResults = params.integer('MaxResults', { min: limits.minResults ?? 1, max: limits.maxResults });
  const token = params.string('NextToken');
  if (token !== undefined) {
    return { offset: decodeToken(token), limit: maxResults ?? pageSize, pageNumber: 1 };
  }
  if (maxResults !== undefined && !params.has('PageNumber')) {
    return { offset: 0, limit: maxResults, pageNumber: 1 };
  }
  const pageNumber = params.integer('PageNumber', { min: 1 }) ?? 1;
  return { offset: (pageNumber - 1) * pageSize, limit: pageSize, pageNumber };
}

/** `PageNumber`, `PageSize`, `TotalCount` and `NextToken` (empty on the last page). */
export function pageFields(page: PageRequest, totalCount: number): Record<string, unknown> {
  const next = page.offset + page.limit;
  return {
    PageNumber: page.pageNumber,
    PageSize: page.limit,
    TotalCount: totalCount,
    NextToken: next < totalCount ? encodeToken(next) : '',
  };
}
