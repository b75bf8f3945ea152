import { describe, expect, it } from 'vitest';
import { Params } from '../../src/cloud/api/params.js';
import { thrown } from '../support/thrown.js';
import { COMPUTE_TOKENS, NETWORK_TOKENS, base36Token, hexToken, pageFields, readPage, tokenOffset } from '../../src/cloud/api/paging.js';

describe('offset tokens keep each area’s spelling', () => {
  it.each([
    [COMPUTE_TOKENS, 20, Buffer.from('ecsimg:20').toString('hex')],
    [NETWORK_TOKENS, 100, 'nt2s'],
    [base36Token('lt'), 50, 'lt1e'],
    [hexToken('it', 6), 1600, Buffer.from('it:1600').toString('hex')],
  ])('%#: offset %i ↔ %s', (tokens, offset, token) => {
    expect(tokens.encode(offset)).toBe(token);
    expect(tokens.decode(token)).toBe(offset);
  });

  it.each([
    [COMPUTE_TOKENS, 'nt2s'],
    [COMPUTE_TOKENS, 'zz'],
    [NETWORK_TOKENS, Buffer.from('ecsimg:20').toString('hex')],
    [NETWORK_TOKENS, 'nt'],
    [base36Token('lt'), 'nt2s'],
    [hexToken('it', 6), Buffer.from('it:1234567').toString('hex')],
  ])('%#: %s is InvalidParameter (NextToken)', (tokens, token) => {
    const error = thrown(() => tokens.decode(token));
    expect(error.code).toBe('InvalidParameter');
    expect(error.message).toContain('NextToken');
  });

  it('tokenOffset is 0 without a NextToken', () => {
    expect(tokenOffset(Params.of({}), NETWORK_TOKENS)).toBe(0);
    expect(tokenOffset(Params.of({ NextToken: 'nt5' }), NETWORK_TOKENS)).toBe(5);
  });
});

describe('readPage and pageFields', () => {
  const compute = { maxPageSize: 100, byToken: { tokens: COMPUTE_TOKENS, minResults: 10, maxResults: 500 } };
  const vpc = { maxPageSize: 50 };

  it('pages by number, with the area’s largest PageSize', () => {
    expect(readPage(Params.of({ PageNumber: '3', PageSize: '20' }), vpc)).toEqual({ offset: 40, limit: 20, pageNumber: 3, byToken: false });
    expect(readPage(Params.of({}), vpc)).toEqual({ offset: 0, limit: 10, pageNumber: 1, byToken: false });
    expect(thrown(() => readPage(Params.of({ PageSize: '51' }), vpc)).message).toContain('PageSize');
    expect(readPage(Params.of({ PageSize: '100' }), compute).limit).toBe(100);
  });

  it('pages by token within the MaxResults bounds; PageNumber wins over a bare MaxResults', () => {
    const token = COMPUTE_TOKENS.encode(30);
    expect(readPage(Params.of({ NextToken: token, MaxResults: '10' }), compute)).toEqual({ offset: 30, limit: 10, pageNumber: 1, byToken: true });
    expect(readPage(Params.of({ MaxResults: '500' }), compute)).toEqual({ offset: 0, limit: 500, pageNumber: 1, byToken: true });
    expect(readPage(Params.of({ MaxResults: '10', PageNumber: '2' }), compute)).toEqual({ offset: 10, limit: 10, pageNumber: 2, byToken: false });
    expect(thrown(() => readPage(Params.of({ MaxResults: '9' }), compute)).message).toContain('MaxResults');
    // Without byToken, MaxResults and NextToken are not read at all.
    expect(readPage(Params.of({ MaxResults: '9', NextToken: 'garbage' }), vpc).byToken).toBe(false);
  });

  it('answers NextToken only when given the tokens, empty on the last page', () => {
    const page = { offset: 0, limit: 10, pageNumber: 1, byToken: false };
    expect(pageFields(page, 25)).toEqual({ PageNumber: 1, PageSize: 10, TotalCount: 25 });
    expect(pageFields(page, 25, NETWORK_TOKENS)).toEqual({ PageNumber: 1, PageSize: 10, TotalCount: 25, NextToken: 'nta' });
    expect(pageFields(page, 10, NETWORK_TOKENS)['NextToken']).toBe('');
  });
});
