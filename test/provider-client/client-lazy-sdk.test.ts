/**
 * Each SDK product loads only when first used: a configured provider has loaded no product
 * SDK (a plan of new resources calls nothing else); one that runs the `alicloud_image` or
 * `alibabacloudstack_image` handlers loads the ECS SDK only, never VPC or Resource Manager
 * (terraform starts the provider three or more times per command, and the ECS and VPC SDKs
 * take about 0.4 s each to load). Each check runs in a fresh Node process on the compiled
 * provider (`npm run build`), so no other test's imports count.
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
const configure = await import(dist + '/client/configure.js');
const config = await configure.resolveAlicloudConfig(
  { access_key: 'AK', secret_key: 'SK', region: 'cn-hangzhou', security_token: null, profile: null, shared_credentials_file: null, protocol: null, endpoints: null },
  { userAgent: 'test' },
);
const clients = await configure.connect(config);
const steps = {};
steps.configured = products();
try {
  clients.ecs;
  steps.ecsBeforePrepare = 'available';
} catch (error) {
  steps.ecsBeforePrepare = error.message;
}
await import(dist + '/${handlers}');
await clients.prepare();
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
    'configured clients load no SDK product; %s and prepare() load ECS only; vpc() and resourceManager() load theirs',
    async (handlers) => {
      ensureProviderBuilt();
      expect(await loadedProducts(handlers)).toEqual({
        configured: [],
        ecsBeforePrepare: 'provider bug: CloudClients.ecs used before prepare() loaded the ECS SDK',
        ecs: ['ecs20140526'],
        vpc: ['ecs20140526', 'vpc20160428'],
        resourceManager: ['ecs20140526', 'resourcemanager20200331', 'vpc20160428'],
      });
    },
    60_000,
  );
});
