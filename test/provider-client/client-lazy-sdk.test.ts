/**
 * Each SDK product loads only when first used: a provider process that is configured and
 * runs the `alicloud_image` or `alibabacloudstack_image` handlers loads the ECS SDK only,
 * never VPC or Resource Manager (terraform starts the provider about four times per command,
 * and the VPC SDK alone takes about 0.4 s to load). Each check runs in a fresh Node process
 * on the compiled provider (`npm run build`), so no other test's imports count.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, ensureProviderBuilt } from '../support/terraform.js';

const run = promisify(execFile);

/** A script that prints, as JSON, which SDK products are loaded after each step. */
function script(handlers: string): string {
  const dist = JSON.stringify(join(REPO_ROOT, 'dist', 'src', 'provider'));
  return `
import { createRequire } from 'node:module';
const products = () => [...new Set(Object.keys(createRequire(import.meta.url).cache)
  .map((path) => /@alicloud\\/(ecs20140526|vpc20160428|resourcemanager20200331)\\//.exec(path)?.[1])
  .filter((name) => name !== undefined))].sort();
const dist = ${dist};
const client = await import(dist + '/client/index.js');
await import(dist + '/${handlers}');
const config = await client.resolveAlicloudConfig(
  { access_key: 'AK', secret_key: 'SK', region: 'cn-hangzhou', security_token: null, profile: null, shared_credentials_file: null, protocol: null, endpoints: null },
  { userAgent: 'test' },
);
const clients = client.createClients(config);
const steps = {};
steps.configured = products();
if (typeof clients.ecs.describeImagesWithOptions !== 'function') throw new Error('no ECS client');
steps.ecs = products();
const vpc = await clients.vpc();
if (vpc !== (await clients.vpc()) || typeof vpc.describeVpcsWithOptions !== 'function') throw new Error('no single VPC client');
steps.vpc = products();
const resourceManager = await clients.resourceManager();
if (typeof resourceManager.listResourceGroupsWithOptions !== 'function') throw new Error('no Resource Manager client');
steps.resourceManager = products();
process.stdout.write(JSON.stringify(steps));
`;
}

async function loadedProducts(handlers: string): Promise<Record<string, string[]>> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script(handlers)], { cwd: REPO_ROOT, timeout: 60_000 });
  return JSON.parse(stdout) as Record<string, string[]>;
}

describe('SDK products load on first use', () => {
  it.each(['alicloud/image-operations.js', 'alibabacloudstack/image-operations.js'])(
    'configured clients and %s load ECS only; vpc() and resourceManager() load theirs',
    async (handlers) => {
      ensureProviderBuilt();
      expect(await loadedProducts(handlers)).toEqual({
        configured: ['ecs20140526'],
        ecs: ['ecs20140526'],
        vpc: ['ecs20140526', 'vpc20160428'],
        resourceManager: ['ecs20140526', 'resourcemanager20200331', 'vpc20160428'],
      });
    },
    60_000,
  );
});
