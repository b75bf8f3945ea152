/**
 * The provider bundles leave the generated SDKs' model files out (dev/bundle-providers.ts):
 * each SDK chunk holds its client only, and the models it loads on first use
 * (src/provider/client/sdk-model-loader.ts) are files of their own beside the bundle. Loading
 * a model through the bundle itself is what every terraform test does; here, that the build
 * keeps them apart, since a bundle with them inside would work as well and only be slower.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, ensureProviderBuilt } from '../support/terraform.js';

const PROVIDERS = join(REPO_ROOT, 'dist', 'providers');

function chunkOf(sdk: string): string {
  const chunks = join(PROVIDERS, 'chunks');
  const holding = readdirSync(chunks)
    .map((name) => readFileSync(join(chunks, name), 'utf8'))
    .filter((source) => source.includes(`node_modules/@alicloud/${sdk}/dist/client.js`));
  expect(holding).toHaveLength(1);
  return holding[0] as string;
}

describe('the provider bundles and the SDK models', () => {
  it.each([
    ['ecs20140526', 'DescribeImagesRequest'],
    ['vpc20160428', 'DescribeVpcsRequest'],
    ['resourcemanager20200331', 'ListResourceGroupsRequest'],
  ])('%s: the chunk has the client and no model; %s.js is a file beside the bundle', (sdk, model) => {
    ensureProviderBuilt();
    const chunk = chunkOf(sdk);
    expect(chunk).not.toContain(`node_modules/@alicloud/${sdk}/dist/models/${model}.js`);
    expect(chunk).toContain(`sdkModelLoader(${JSON.stringify(sdk)}`);
    const file = join(PROVIDERS, 'sdk-models', sdk, `${model}.js`);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain(`exports.${model}`);
  });
});
