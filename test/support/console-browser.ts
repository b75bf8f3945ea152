/**
 * The console's browser tests share one `ecs-image serve` child process and
 * one headless Chromium per file (`useConsoleWorld`). The world is made with
 * the official SDKs as two tenants: account A (the seeded one) with a network,
 * an instance, an image made from it (tags and description that try to
 * inject markup, shared with B) and many images made from a snapshot;
 * account B with a network of its own. Screenshots go to
 * test-results/console/ (CI keeps that folder).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import EcsModule, {
  CopyImageRequest,
  CreateImageRequest,
  CreateImageRequestTag,
  CreateSecurityGroupRequest,
  DescribeImagesRequest,
  DescribeInstancesRequest,
  ModifyImageSharePermissionRequest,
  RunInstancesRequest,
} from '@alicloud/ecs20140526';
import VpcModule, { CreateVpcRequest, CreateVSwitchRequest } from '@alicloud/vpc20160428';
import { chromiumExecutable } from './chromium.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { UBUNTU_X86 } from './compute.js';
import type { EcsClient, VpcClient } from './cloud.js';

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'console');
export const CONSOLE = '/_ecs-image/console/';
/** Markup in stored values: none of it may become markup or run. */
export const INJECTION = `<script>alert("xss")</script>"><img src=x onerror=alert(1)>'<svg onload=alert(2)>`;
export const BULK_IMAGES = 250;

// CommonJS packages: the default import is the module object under Node, the class under vitest.
const classOf = <C>(module: { default: C }): C => (typeof module === 'function' ? (module as unknown as C) : module.default);

export interface Tenant {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly ecs: EcsClient;
  readonly vpc: VpcClient;
  readonly vpcId: string;
  readonly vSwitchId: string;
  readonly securityGroupId: string;
}

export interface ConsoleWorld {
  readonly serve: ServeProcess;
  readonly browser: Browser;
  readonly a: Tenant & { readonly instanceId: string; readonly launchedId: string; readonly imageId: string; readonly copyId: string; readonly snapshotId: string; readonly unsharedImageId: string };
  readonly b: Tenant & { readonly accountId: string };
  /** A fresh browser context (its own cookies) and page. */
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  url(path?: string): string;
  /** The operator API, with the admin token. */
  admin(method: string, path: string, body?: unknown): Promise<unknown>;
}

function clients(serve: ServeProcess, accessKeyId: string, accessKeySecret: string): { ecs: EcsClient; vpc: VpcClient } {
  const config = new $OpenApiUtil.Config({ accessKeyId, accessKeySecret, regionId: serve.regionId, endpoint: serve.endpoint.replace(/^http:\/\//, ''), protocol: 'http' });
  return { ecs: new (classOf(EcsModule))(config), vpc: new (classOf(VpcModule))(config) };
}

async function network(serve: ServeProcess, ecs: EcsClient, vpc: VpcClient, name: string, description: string): Promise<Pick<Tenant, 'vpcId' | 'vSwitchId' | 'securityGroupId'>> {
  const regionId = serve.regionId;
  const vpcId = (await vpc.createVpc(new CreateVpcRequest({ regionId, cidrBlock: '172.16.0.0/12', vpcName: `${name}-vpc`, description }))).body!.vpcId!;
  const vSwitchId = (
    await vpc.createVSwitch(new CreateVSwitchRequest({ regionId, vpcId, zoneId: 'cn-hangzhou-h', cidrBlock: '172.16.1.0/24', vSwitchName: `${name}-vsw` }))
  ).body!.vSwitchId!;
  const securityGroupId = (
    await ecs.createSecurityGroup(new CreateSecurityGroupRequest({ regionId, vpcId, securityGroupName: `${name}-sg`, description }))
  ).body!.securityGroupId!;
  return { vpcId, vSwitchId, securityGroupId };
}

export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function buildWorld(serve: ServeProcess, bulkImages: number): Promise<Pick<ConsoleWorld, 'a' | 'b'>> {
  const regionId = serve.regionId;
  const a = clients(serve, serve.accessKeyId, serve.accessKeySecret);
  const bKeys = await serve.createAccount();
  const b = clients(serve, bKeys.accessKeyId, bKeys.accessKeySecret);
  const aNet = await network(serve, a.ecs, a.vpc, 'tenant-a', INJECTION);
  const bNet = await network(serve, b.ecs, b.vpc, 'tenant-b-secret', 'only tenant b sees this');
  const instanceId = (
    await a.ecs.runInstances(
      new RunInstancesRequest({ regionId, imageId: UBUNTU_X86, instanceType: 'ecs.sn1ne.large', vSwitchId: aNet.vSwitchId, securityGroupIds: [aNet.securityGroupId], instanceName: 'web-1' }),
    )
  ).body!.instanceIdSets!.instanceIdSet![0]!;
  await until(
    async () => (await a.ecs.describeInstances(new DescribeInstancesRequest({ regionId, instanceIds: JSON.stringify([instanceId]) }))).body!.instances!.instance![0]?.status,
    (status) => status === 'Running',
    'the instance starting',
  );
  const imageId = (
    await a.ecs.createImage(
      new CreateImageRequest({
        regionId,
        instanceId,
        imageName: 'web-golden',
        imageFamily: 'web',
        description: INJECTION,
        tag: [new CreateImageRequestTag({ key: 'team', value: INJECTION })],
      }),
    )
  ).body!.imageId!;
  await a.ecs.modifyImageSharePermission(new ModifyImageSharePermissionRequest({ regionId, imageId, addAccount: [bKeys.accountId] }));
  // The golden image's own system disk snapshot is the source of the bulk images.
  const golden = await until(
    async () => (await a.ecs.describeImages(new DescribeImagesRequest({ regionId, imageId, status: 'ALL' }))).body!.images!.image![0],
    (image) => image?.status === 'Available',
    'the golden image',
  );
  const snapshotId = golden!.diskDeviceMappings!.diskDeviceMapping![0]!.snapshotId!;
  const copyId = (
    await a.ecs.copyImage(new CopyImageRequest({ regionId, imageId, destinationRegionId: 'cn-shanghai', destinationImageName: 'web-golden-copy' }))
  ).body!.imageId!;
  const launchedId = (
    await a.ecs.runInstances(
      new RunInstancesRequest({ regionId, imageId, instanceType: 'ecs.sn1ne.large', vSwitchId: aNet.vSwitchId, securityGroupIds: [aNet.securityGroupId], instanceName: 'from-golden' }),
    )
  ).body!.instanceIdSets!.instanceIdSet![0]!;
  let unsharedImageId = '';
  for (let index = 0; index < bulkImages; index += 1) {
    const name = `bulk-${String(index).padStart(3, '0')}`;
    const created = await a.ecs.createImage(
      new CreateImageRequest({ regionId, snapshotId, imageName: name, imageFamily: index % 2 === 0 ? 'even' : 'odd', tag: [new CreateImageRequestTag({ key: 'batch', value: index < 10 ? 'first-ten' : 'rest' })] }),
    );
    unsharedImageId = created.body!.imageId!;
  }
  return {
    a: { accessKeyId: serve.accessKeyId, accessKeySecret: serve.accessKeySecret, ...a, ...aNet, instanceId, launchedId, imageId, copyId, snapshotId, unsharedImageId },
    b: { ...bKeys, ...b, ...bNet },
  };
}

/**
 * One serve and one browser for the file; `world()` inside hooks and tests.
 * `bulkImages`: how many images to make from the golden image's snapshot (paging tests).
 */
export function useConsoleWorld(options: { readonly bulkImages?: number } = {}): () => ConsoleWorld {
  let world: ConsoleWorld | undefined;
  let serve: ServeProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const executablePath = chromiumExecutable();
    mkdirSync(SCREENSHOTS, { recursive: true });
    serve = await startServe(['--image-quota', '1000', '--image-creation-seconds', '0', '--log-level', 'info']);
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    const built = await buildWorld(serve, options.bulkImages ?? BULK_IMAGES);
    const running = serve;
    const openBrowser = browser;
    world = {
      serve: running,
      browser: openBrowser,
      ...built,
      url: (path = '') => `${running.endpoint}${CONSOLE}${path}`,
      newPage: async (viewport = { width: 1280, height: 900 }) => {
        const context = await openBrowser.newContext({ viewport, acceptDownloads: true });
        return { context, page: await context.newPage() };
      },
      admin: async (method, path, body) => {
        const answer = await fetch(`${running.endpoint}/_ecs-image/${path}`, {
          method,
          headers: { authorization: `Bearer ${running.adminToken}`, 'content-type': 'application/json' },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
        const parsed = (await answer.json()) as unknown;
        if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(parsed)}`);
        return parsed;
      },
    };
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });
  return () => {
    if (world === undefined) throw new Error('useConsoleWorld: read the world inside a hook or a test');
    return world;
  };
}

export async function signInAsAdmin(world: ConsoleWorld, page: Page): Promise<void> {
  await page.goto(world.url('sign-in'));
  await page.locator('input[name=token]').fill(world.serve.adminToken);
  await page.getByRole('button', { name: 'Sign in as admin' }).click();
  await expect.poll(() => page.url()).toBe(world.url(''));
}

export async function signInAsTenant(world: ConsoleWorld, page: Page, tenant: Pick<Tenant, 'accessKeyId' | 'accessKeySecret'>): Promise<void> {
  await page.goto(world.url('sign-in'));
  await page.locator('input[name=accessKeyId]').fill(tenant.accessKeyId);
  await page.locator('input[name=accessKeySecret]').fill(tenant.accessKeySecret);
  await page.getByRole('button', { name: 'Sign in to the account' }).click();
  await expect.poll(() => page.url()).toBe(world.url(''));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Fails the test on any dialog, page error or console error (an injected script would cause one). */
export function watchForScripts(page: Page): string[] {
  const incidents: string[] = [];
  page.on('dialog', (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') incidents.push(`console error: ${message.text()}`);
  });
  return incidents;
}
