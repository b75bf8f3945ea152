import { describe, expect, it } from 'vitest';
import { checkTags, isValidTagKey, isValidTagValue, tagCountAfterUpsert, type Tag } from '../../src/domain/tags.js';

describe('tag keys', () => {
  it.each([
    ['FinanceDept', true],
    ['a', true],
    ['k'.repeat(128), true],
    ['', false],
    ['k'.repeat(129), false],
    ['aliyunTeam', false],
    ['acs:env', false],
    ['Aliyun', true],
    ['see http://example.com', false],
    ['https://x', false],
    ['key-with-acs:inside', true],
  ])('%j valid=%s', (key, valid) => {
    expect(isValidTagKey(key)).toBe(valid);
  });
});

describe('tag values', () => {
  it.each([
    ['', true],
    ['FinanceDeptJoshua', true],
    ['v'.repeat(128), true],
    ['v'.repeat(129), false],
    ['acs:thing', false],
    ['aliyun-ok', true],
    ['go to HTTPS://x', false],
  ])('%j valid=%s', (value, valid) => {
    expect(isValidTagValue(value)).toBe(valid);
  });
});

describe('checkTags', () => {
  const tag = (key: string, value = 'v'): Tag => ({ key, value });

  it('accepts up to 20 distinct valid tags', () => {
    expect(checkTags([])).toBeUndefined();
    expect(checkTags(Array.from({ length: 20 }, (_, i) => tag(`k${i}`)))).toBeUndefined();
  });

  it('refuses more than 20 tags before looking at them', () => {
    const tags = Array.from({ length: 21 }, (_, i) => tag(i === 0 ? 'acs:bad' : `k${i}`));
    expect(checkTags(tags)?.code).toBe('NumberExceed.Tags');
  });

  it('names the broken rule', () => {
    expect(checkTags([tag('aliyun')])?.code).toBe('InvalidTagKey.Malformed');
    expect(checkTags([tag('ok', 'acs:no')])?.code).toBe('InvalidTagValue.Malformed');
    expect(checkTags([tag('a', '1'), tag('a', '2')])?.code).toBe('Duplicate.TagKey');
  });

  it('counts an upsert of an existing key once', () => {
    expect(tagCountAfterUpsert(['a', 'b'], [tag('b'), tag('c')])).toBe(3);
    expect(tagCountAfterUpsert([], [])).toBe(0);
  });
});
