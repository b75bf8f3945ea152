/**
 * `resource_group_set_name` end to end under the real terraform: the provider is configured
 * with the set name and an ASCM endpoint (the local cloud's ASCM route) instead of
 * department/resource_group, looks its tenant up at configuration, and an image it creates
 * lands in the account's `dev` resource set. An unknown set name fails the plan with the
 * documented error. Requires `npm run build` (terraform runs the compiled provider).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnostics, useTerraformScenario } from '../support/terraform.js';
import { insertSnapshot } from '../support/store-rows.js';

function config(setName: string, ascmEndpoint: string, snapshotId: string): string {
  return `terraform {
  required_providers {
    alibabacloudstack = { source = "aliyun/alibabacloudstack" }
  }
}

provider "alibabacloudstack" {
  resource_group_set_name = "${setName}"
  endpoints {
    ascm = "${ascmEndpoint}"
  }
}

resource "alibabacloudstack_image" "from_snapshot" {
  snapshot_id = "${snapshotId}"
  image_name  = "from-set-name"
}
`;
}

describe('alibabacloudstack provider with resource_group_set_name (ASCM lookup)', { timeout: 180_000 }, () => {
  let devGroup: string;
  let snapshotId: string;
  // No department/resource_group anywhere: the scope must come from ASCM.
  const scenario = useTerraformScenario({
    provider: 'alibabacloudstack',
    env: () => ({ ALIBABACLOUDSTACK_DEPARTMENT: undefined, ALIBABACLOUDSTACK_RESOURCE_GROUP: undefined }),
  });

  beforeAll(async () => {
    const tc = scenario.cloud;
    devGroup = (
      await tc.cloud.store.db.selectFrom('resource_groups').select('id').where('account_id', '=', tc.accountId).where('name', '=', 'dev').executeTakeFirstOrThrow()
    ).id;
    snapshotId = await insertSnapshot(tc, { size: 40 });
  });

  it('plans and applies with the set name "dev"; the image lands in the dev resource set', async () => {
    scenario.tf.write(config('dev', scenario.cloud.endpoint, snapshotId));
    const planned = await scenario.tf.plan();
    expect(planned.code, diagnostics(planned)).toBe(0);
    expect(planned.changes.map((c) => [c.address, c.actions])).toEqual([['alibabacloudstack_image.from_snapshot', ['create']]]);

    const applied = await scenario.tf.apply();
    expect(diagnostics(applied)).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    const id = String((await scenario.tf.state()).resource('alibabacloudstack_image.from_snapshot').values['id']);
    const image = await scenario.cloud.cloud.store.db.selectFrom('images').select(['account_id', 'resource_group_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(image).toEqual({ account_id: scenario.cloud.accountId, resource_group_id: devGroup });

    const again = await scenario.tf.plan();
    expect(again.code, diagnostics(again)).toBe(0);
    expect(again.changes).toEqual([]);
  });

  it('an unknown set name fails the plan with the documented error', async () => {
    scenario.tf.write(config('no-such-set', scenario.cloud.endpoint, snapshotId));
    const planned = await scenario.tf.plan();
    expect(planned.code).not.toBe(0);
    expect(diagnostics(planned)).toContain('resource group ID and organization not found for resource set no-such-set');
  });
});
