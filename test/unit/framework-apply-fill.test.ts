/**
 * fitToPlan on configured Optional+Computed blocks (list and set): which apply results count
 * as "only fills the plan's computed nulls" (kept, legacy_type_system) and which keep the
 * strict behaviour (known planned values win, the disagreement is logged).
 */
import { describe, expect, it } from 'vitest';
import { fitToPlan } from '../../src/provider/framework/apply.js';
import { compileSchema } from '../../src/provider/framework/schema.js';
import { createLogger } from '../../src/provider/plugin/logger.js';
import type { ValueObject } from '../../src/provider/framework/value.js';
import { UNKNOWN } from '../../src/provider/framework/value.js';

const schema = compileSchema(
  {
    attributes: { name: { type: 'string', required: true } },
    blocks: {
      disks: {
        nesting: 'list',
        computed: true,
        attributes: {
          kind: { type: 'string', optional: true },
          size: { type: 'number', optional: true, computed: true },
          device: { type: 'string', computed: true },
        },
      },
      tags: {
        nesting: 'set',
        computed: true,
        attributes: {
          key: { type: 'string', optional: true },
          value: { type: 'string', optional: true, computed: true },
        },
      },
    },
  },
  { kind: 'resource' },
);

function fitWithLog(planned: ValueObject, actual: ValueObject): { result: ReturnType<typeof fitToPlan>; warnings: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ module: 'test', level: 'warn', sink: (line) => lines.push(line) });
  const result = fitToPlan(schema, planned, actual, logger);
  const warnings = lines.map((line) => JSON.parse(line) as Record<string, unknown>).map((l) => String(l['tf_attribute_path']));
  return { result, warnings };
}

const base = { id: 'x-1', name: 'n' };
const disk = (kind: string | null, size: number | null, device: string | null) => ({ kind, size, device });
const tag = (key: string | null, value: string | null) => ({ key, value });

describe('fitToPlan: configured Optional+Computed blocks', () => {
  it('a list whose computed nulls the result fills keeps the result and names the block', () => {
    const planned = { ...base, disks: [disk('system', null, null), disk('data', 40, null)], tags: [] };
    const actual = { ...base, disks: [disk('system', 20, '/dev/xvda'), disk('data', 40, '/dev/xvdb')], tags: [] };
    const { result, warnings } = fitWithLog(planned, actual);
    expect(result.state['disks']).toEqual(actual.disks);
    expect(result.filledBlocks).toEqual(['disks']);
    expect(warnings).toEqual([]);
  });

  it('a set is paired by element, in any order', () => {
    const planned = { ...base, disks: [], tags: [tag('a', null), tag('b', 'B')] };
    const actual = { ...base, disks: [], tags: [tag('b', 'B'), tag('a', 'A')] };
    const { result } = fitWithLog(planned, actual);
    expect(result.state['tags']).toEqual(actual.tags);
    expect(result.filledBlocks).toEqual(['tags']);
  });

  it.each([
    ['a configured value changed', [disk('system', 20, null)], [disk('system', 30, '/dev/xvda')]],
    ['a non-computed argument filled', [disk(null, null, null)], [disk('system', 20, '/dev/xvda')]],
    ['an element added', [disk('system', null, null)], [disk('system', 20, '/dev/xvda'), disk('data', 40, '/dev/xvdb')]],
    ['the block dropped', [disk('system', null, null)], []],
  ])('%s: the plan wins and the disagreement is logged', (_, plannedDisks, actualDisks) => {
    const planned = { ...base, disks: plannedDisks, tags: [] };
    const { result, warnings } = fitWithLog(planned, { ...base, disks: actualDisks, tags: [] });
    expect(result.state['disks']).toEqual(plannedDisks);
    expect(result.filledBlocks).toEqual([]);
    expect(warnings).toEqual(['disks']);
  });

  it('a set element the result cannot pair keeps the plan', () => {
    const planned = { ...base, disks: [], tags: [tag('a', null), tag('b', null)] };
    const { result, warnings } = fitWithLog(planned, { ...base, disks: [], tags: [tag('a', 'A'), tag('c', 'C')] });
    expect(result.state['tags']).toEqual(planned.tags);
    expect(result.filledBlocks).toEqual([]);
    expect(warnings).toEqual(['tags']);
  });

  it('a result equal to the plan, or a plan left unknown, needs no flag', () => {
    const disks = [disk('system', 20, '/dev/xvda')];
    expect(fitWithLog({ ...base, disks, tags: [] }, { ...base, disks, tags: [] }).result.filledBlocks).toEqual([]);
    const unknown = fitWithLog({ ...base, disks: UNKNOWN, tags: UNKNOWN }, { ...base, disks, tags: [tag('a', 'A')] });
    expect(unknown.result.filledBlocks).toEqual([]);
    expect(unknown.result.state).toMatchObject({ disks, tags: [tag('a', 'A')] });
  });

  it('only blocks get the treatment: a plain computed attribute differing from the plan keeps the plan', () => {
    const { result, warnings } = fitWithLog({ ...base, disks: [], tags: [] }, { ...base, id: 'x-2', disks: [], tags: [] });
    expect(result.state['id']).toBe('x-1');
    expect(result.filledBlocks).toEqual([]);
    expect(warnings).toEqual(['id']);
  });
});
