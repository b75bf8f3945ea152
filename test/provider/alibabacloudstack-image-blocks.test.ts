/**
 * `alibabacloudstack_image.disk_device_mapping` as upstream declares it (issue 14, provider
 * item 10): an Optional+Computed nested list block in `terraform providers schema -json`
 * (fields `size` and `snapshot_id`, both Optional+Computed), so terraform itself refuses the
 * attribute syntax. Its documented conflicts with instance_id and snapshot_id stay
 * (alibabacloudstack-validation.test.ts). Requires `npm run build`.
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, useTerraformScenario } from '../support/terraform.js';
import { flat } from './plan-output.js';

const HEADER = `terraform {
  required_providers {
    alibabacloudstack = { source = "aliyun/alibabacloudstack" }
  }
}
`;

interface BlockJson {
  readonly attributes?: Record<string, { type: unknown; optional?: boolean; computed?: boolean }>;
  readonly block_types?: Record<string, { nesting_mode: string; max_items?: number; block: BlockJson }>;
}

describe('alibabacloudstack_image disk_device_mapping is a nested block', () => {
  const scenario = useTerraformScenario({ provider: 'alibabacloudstack' });

  it('in `terraform providers schema -json`, with the upstream fields and flags', async () => {
    scenario.tf.write(`${HEADER}resource "alibabacloudstack_image" "shape" {\n  snapshot_id = "s-abc"\n}\n`);
    const run = await scenario.tf.run(['providers', 'schema', '-json']);
    expect(run.code, diagnostics(run)).toBe(0);
    const document = JSON.parse(run.stdout) as { provider_schemas: Record<string, { resource_schemas: Record<string, { block: BlockJson }> }> };
    const schemas = Object.values(document.provider_schemas)[0]?.resource_schemas ?? {};
    for (const type of ['alibabacloudstack_image', 'alibabacloudstack_ecs_image']) {
      const block = schemas[type]?.block;
      expect(block?.attributes?.['disk_device_mapping'], type).toBeUndefined();
      const mapping = block?.block_types?.['disk_device_mapping'];
      expect(mapping?.nesting_mode, type).toBe('list');
      expect(mapping?.max_items ?? 0, type).toBe(0);
      const fields = Object.fromEntries(Object.entries(mapping?.block.attributes ?? {}).map(([name, a]) => [name, [a.type, a.optional === true, a.computed === true]]));
      expect(fields, type).toEqual({ size: ['number', true, true], snapshot_id: ['string', true, true] });
    }
  });

  it('refuses the attribute syntax with terraform\'s own error', async () => {
    scenario.tf.write(`${HEADER}resource "alibabacloudstack_image" "attribute_syntax" {\n  disk_device_mapping = [{ snapshot_id = "s-abc", size = 40 }]\n}\n`);
    const run = await scenario.tf.run(['validate']);
    expect(run.code).toBe(1);
    const text = flat(diagnostics(run));
    expect(text).toContain('Unsupported argument');
    expect(text).toContain('Did you mean to define a block of type "disk_device_mapping"?');
  });
});
