import { describe, expect, it } from 'vitest';
import { Params } from '../../src/cloud/api/params.js';
import { thrown } from '../support/thrown.js';
import { readCommaIds, readIdList } from '../../src/cloud/api/list-filters.js';

const ids = (count: number): string => JSON.stringify(Array.from({ length: count }, (_, index) => `d-${index}`));

describe('readIdList', () => {
  it('reads a JSON array up to the cap; absent is undefined', () => {
    expect(readIdList(Params.of({ DiskIds: '["d-1","d-2"]' }), 'DiskIds', 100)).toEqual(['d-1', 'd-2']);
    expect(readIdList(Params.of({ DiskIds: ids(100) }), 'DiskIds', 100)).toHaveLength(100);
    expect(readIdList(Params.of({}), 'DiskIds', 100)).toBeUndefined();
  });

  it('answers the action’s own code past the cap, else InvalidParameter naming the parameter', () => {
    const own = thrown(() => readIdList(Params.of({ DiskIds: ids(101) }), 'DiskIds', 100, 'InvalidDiskIds.Malformed'));
    expect(own.code).toBe('InvalidDiskIds.Malformed');
    expect(own.message).toBe('The amount of specified disk Ids exceeds the limit.');
    const generic = thrown(() => readIdList(Params.of({ InstanceIds: ids(101) }), 'InstanceIds', 100));
    expect(generic.code).toBe('InvalidParameter');
    expect(generic.message).toContain('InstanceIds');
  });

  it('refuses what is not a JSON array of strings', () => {
    expect(thrown(() => readIdList(Params.of({ DiskIds: 'd-1' }), 'DiskIds', 100)).code).toBe('InvalidParameter');
  });
});

describe('readCommaIds', () => {
  it('splits on commas, trims, drops blanks', () => {
    expect(readCommaIds(Params.of({ VpcId: ' vpc-1, ,vpc-2,' }), 'VpcId')).toEqual(['vpc-1', 'vpc-2']);
    expect(readCommaIds(Params.of({}), 'VpcId')).toEqual([]);
  });
});
