/**
 * The fault injector keeps the rules in memory behind the store's change
 * marker: a rule written through another connection (another replica) applies
 * to the next request at once, and an unchanged table is not read again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreFaultInjector, type FaultTarget } from '../../src/cloud/admin/fault-injector.js';
import { addFaultRule, deleteFaultRules } from '../../src/cloud/admin/fault-rules.js';
import { openStore } from '../../src/cloud/store/open-store.js';
import type { Store } from '../../src/cloud/store/store.js';

const TARGET: FaultTarget = { product: 'Ecs', action: 'DescribeImages', regionId: 'cn-hangzhou', accountId: '1' };

describe('StoreFaultInjector', () => {
  let dir: string;
  let here: Store;
  let other: Store;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecs-image-faults-'));
    here = await openStore({ kind: 'sqlite', file: join(dir, 'cloud.sqlite') });
    other = await openStore({ kind: 'sqlite', file: join(dir, 'cloud.sqlite') });
  });
  afterEach(async () => {
    await here.close();
    await other.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies a rule another connection adds or removes to the very next check', async () => {
    const injector = new StoreFaultInjector(here.db);
    expect(await injector.check(TARGET)).toBeUndefined();
    const rule = await addFaultRule(other.db, { action: 'DescribeImages', probability: 1, error: { code: 'Throttling.User', httpStatus: 400, message: 'm' } }, 1);
    expect(await injector.check(TARGET)).toEqual({ code: 'Throttling.User', status: 400, message: 'm' });
    expect(await injector.check({ ...TARGET, action: 'CreateImage' })).toBeUndefined();
    await deleteFaultRules(other.db, rule.id);
    expect(await injector.check(TARGET)).toBeUndefined();
  });

  it('retires a times-limited rule after its hits, also when the kept list still holds it', async () => {
    const injector = new StoreFaultInjector(here.db);
    const elsewhere = new StoreFaultInjector(other.db);
    await addFaultRule(other.db, { probability: 1, times: 2, error: { code: 'ServiceUnavailable', httpStatus: 503, message: 'm' } }, 1);
    const codes = await Promise.all([injector.check(TARGET), elsewhere.check(TARGET), injector.check(TARGET), elsewhere.check(TARGET)]);
    expect(codes.filter((answer) => answer !== undefined)).toHaveLength(2);
    expect(await injector.check(TARGET)).toBeUndefined();
  });

  it('reads the rules again only after the marker moved', async () => {
    const injector = new StoreFaultInjector(here.db);
    await addFaultRule(here.db, { action: 'CreateImage', latencyMs: 0, probability: 1 }, 1);
    await injector.check(TARGET);
    // A row slipped in without the triggers (they are dropped) is not seen: the kept rules answer.
    await sql`drop trigger fault_rules_insert`.execute(other.db);
    await addFaultRule(other.db, { probability: 1, error: { code: 'Throttling.User', httpStatus: 400, message: 'm' } }, 2);
    expect(await injector.check(TARGET)).toBeUndefined();
    await sql`update change_markers set version = version + 1`.execute(other.db);
    expect(await injector.check(TARGET)).toMatchObject({ code: 'Throttling.User' });
  });
});
