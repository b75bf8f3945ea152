/**
 * Plan step 7 on an in-place update: computed values an update cannot change keep their
 * prior value (`useStateForUnknown`), unless a sibling they follow changes (`changesWith`);
 * everything else with a null config is "(known after apply)".
 */
import { describe, expect, it } from 'vitest';
import { compileSchema, SchemaError, type BlockSchema } from '../../src/provider/framework/schema.js';
import { planChange } from '../../src/provider/framework/plan.js';
import { UNKNOWN, type ValueObject } from '../../src/provider/framework/value.js';

const declaration: BlockSchema = {
  attributes: {
    image_name: { type: 'string', optional: true, computed: true, useStateForUnknown: true, changesWith: ['name'] },
    name: { type: 'string', optional: true, computed: true, useStateForUnknown: true, changesWith: ['image_name'] },
    description: { type: 'string', optional: true },
    status: { type: 'string', computed: true, useStateForUnknown: true },
    last_modified: { type: 'string', computed: true },
  },
};
const schema = compileSchema(declaration, { kind: 'resource' });

const prior: ValueObject = { id: 'm-1', image_name: 'one', name: 'one', description: 'first', status: 'Available', last_modified: 't1' };

/** terraform's proposed new state: the config, with the prior value where a computed argument is null. */
function plan(config: ValueObject): Promise<ValueObject | null> {
  const proposed = Object.fromEntries(
    Object.entries(prior).map(([key, value]) => [key, config[key] === null || config[key] === undefined ? value : config[key]]),
  ) as ValueObject;
  const full: ValueObject = { id: null, image_name: null, name: null, description: null, ...config };
  return planChange({ schema, prior, proposed: { ...proposed, description: full['description'] ?? null }, config: full }).then((p) => p.planned);
}

describe('in-place update plans', () => {
  it('keep what the update cannot change and mark the rest unknown', async () => {
    expect(await plan({ image_name: 'one', description: 'second' })).toEqual({
      id: 'm-1',
      image_name: 'one',
      name: 'one',
      description: 'second',
      status: 'Available',
      last_modified: UNKNOWN,
    });
  });

  it('mark a kept value unknown when a sibling it follows changes', async () => {
    expect(await plan({ image_name: 'two', description: 'first' })).toMatchObject({ image_name: 'two', name: UNKNOWN, status: 'Available' });
    expect(await plan({ name: 'three', description: 'first' })).toMatchObject({ name: 'three', image_name: UNKNOWN, status: 'Available' });
  });

  it('create and unchanged plans are as before: all unknown on create, the prior state when nothing changes', async () => {
    const created = await planChange({
      schema,
      prior: null,
      proposed: { id: null, image_name: 'one', name: null, description: null, status: null, last_modified: null },
      config: { id: null, image_name: 'one', name: null, description: null },
    });
    expect(created.planned).toMatchObject({ id: UNKNOWN, name: UNKNOWN, status: UNKNOWN, last_modified: UNKNOWN });
    expect(await plan({ image_name: 'one', description: 'first' })).toEqual(prior);
  });

  it('refuses a changesWith that names no sibling, or without useStateForUnknown', () => {
    expect(() => compileSchema({ attributes: { a: { type: 'string', computed: true, useStateForUnknown: true, changesWith: ['b'] } } }, { kind: 'resource' })).toThrow(SchemaError);
    expect(() =>
      compileSchema({ attributes: { a: { type: 'string', computed: true, changesWith: ['b'] }, b: { type: 'string', optional: true } } }, { kind: 'resource' }),
    ).toThrow(/changesWith needs useStateForUnknown/);
  });
});
