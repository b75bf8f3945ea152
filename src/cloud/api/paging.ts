/**
 * Paging of the Describe/List actions (ecs-api.md §4): page numbers
 * (`PageNumber`/`PageSize`) everywhere, plus `NextToken`/`MaxResults` where
 * the action takes them. A token is the offset of the next row, opaque to
 * clients. What differs between actions is data: the largest page (50 on the
 * VPC product, 100 on ECS), the `MaxResults` range, and how an area spells its
 * tokens (kept as each area first spelt them, so no answer changes).
 */
import type { Params } from './params.js';
import { EcsError } from './errors.js';

/** One area's spelling of an offset as an opaque `NextToken`. */
export interface OffsetToken {
  encode(offset: number): string;
  /** The offset a token stands for; `InvalidParameter` (NextToken) for anything else. */
  decode(token: string): number;
}

/** `<prefix><offset in base 36>`. */
export function base36Token(prefix: string): OffsetToken {
  const pattern = new RegExp(`^${prefix}([0-9a-z]+)$`);
  return {
    encode: (offset) => `${prefix}${offset.toString(36)}`,
    decode: (token) => {
      const match = pattern.exec(token);
      const offset = match === null ? Number.NaN : parseInt(match[1] ?? '', 36);
      if (!Number.isSafeInteger(offset)) throw EcsError.invalidParameter('NextToken');
      return offset;
    },
  };
}

/** Hex of `<tag>:<offset>`, the offset at most `maxDigits` decimal digits when given. */
export function hexToken(tag: string, maxDigits?: number): OffsetToken {
  const pattern = new RegExp(`^${tag}:(\\d${maxDigits === undefined ? '+' : `{1,${maxDigits}}`})$`);
  return {
    encode: (offset) => Buffer.from(`${tag}:${offset}`).toString('hex'),
    decode: (token) => {
      const match = pattern.exec(/^[0-9a-f]+$/.test(token) ? Buffer.from(token, 'hex').toString('latin1') : '');
      if (match === null) throw EcsError.invalidParameter('NextToken');
      return Number(match[1]);
    },
  };
}

/** The compute Describe actions' tokens (DescribeDisks, DescribeSnapshots, DescribeInstances). */
export const COMPUTE_TOKENS: OffsetToken = hexToken('ecsimg');
/** The network Describe actions' tokens (DescribeVSwitches, DescribeSecurityGroups). */
export const NETWORK_TOKENS: OffsetToken = base36Token('nt');

/** The offset `NextToken` names, 0 without one. For actions that page by token only. */
export function tokenOffset(params: Params, tokens: OffsetToken): number {
  const token = params.string('NextToken');
  return token === undefined ? 0 : tokens.decode(token);
}

export interface PageRules {
  /** Largest `PageSize` (the VPC product allows 50, ECS 100). */
  readonly maxPageSize: number;
  /** Accept `NextToken`/`MaxResults` too, within these bounds; absent: page numbers only. */
  readonly byToken?: {
    readonly tokens: OffsetToken;
    readonly minResults: number;
    readonly maxResults: number;
  };
}

export interface Page {
  readonly offset: number;
  readonly limit: number;
  readonly pageNumber: number;
  /** The request paged by `NextToken`/`MaxResults`. */
  readonly byToken: boolean;
}

export function readPage(params: Params, rules: PageRules): Page {
  const pageSize = params.integer('PageSize', { min: 1, max: rules.maxPageSize }) ?? 10;
  if (rules.byToken !== undefined) {
    const { tokens, minResults, maxResults: most } = rules.byToken;
    const maxResults = params.integer('MaxResults', { min: minResults, max: most });
    const token = params.string('NextToken');
    if (token !== undefined) return { offset: tokens.decode(token), limit: maxResults ?? pageSize, pageNumber: 1, byToken: true };
    if (maxResults !== undefined && !params.has('PageNumber')) {
      return { offset: 0, limit: maxResults, pageNumber: 1, byToken: true };
    }
  }
  const pageNumber = params.integer('PageNumber', { min: 1 }) ?? 1;
  return { offset: (pageNumber - 1) * pageSize, limit: pageSize, pageNumber, byToken: false };
}

/** `PageNumber`, `PageSize`, `TotalCount`, and with `tokens` a `NextToken` (empty on the last page). */
export function pageFields(page: Page, totalCount: number, tokens?: OffsetToken): Record<string, unknown> {
  const fields: Record<string, unknown> = { PageNumber: page.pageNumber, PageSize: page.limit, TotalCount: totalCount };
  if (tokens !== undefined) {
    const next = page.offset + page.limit;
    fields['NextToken'] = next < totalCount ? tokens.encode(next) : '';
  }
  return fields;
}
