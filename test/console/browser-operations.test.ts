/**
 * The console's state-changing actions in headless Chromium against a real
 * `ecs-image serve`: cross-site requests refused, fault rules added and
 * deleted, settings saved, jobs completed, state downloaded and loaded back,
 * reset after confirmation; each checked through the official SDK.
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CreateImageRequest, DescribeImagesRequest } from '@alicloud/ecs20140526';
import { CreateVpcRequest, DescribeVpcsRequest } from '@alicloud/vpc20160428';
import { expectEcsError } from '../support/sdk-error.js';
import { screenshot, signInAsAdmin, signInAsTenant, until, useConsoleWorld } from '../support/console-browser.js';

const world = useConsoleWorld({ bulkImages: 0 });

const vpcNames = async (): Promise<string[]> =>
  (await world().a.vpc.describeVpcs(new DescribeVpcsRequest({ regionId: 'cn-hangzhou', pageSize: 50 }))).body!.vpcs!.vpc!.map((vpc) => vpc.vpcName ?? '');

describe('cross-site requests', () => {
  it('are refused: a form posted from another origin, and a post without the CSRF token', async () => {
    const target = world().url('operations/reset');
    // Another origin on the same host (the cookie, SameSite or not, still goes along): only the Origin check stops it.
    const evil = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<form id="f" method="post" action="${target}"><input name="confirm" value="yes"><input name="csrf" value="guessed"></form><script>document.getElementById('f').submit()</script>`);
    });
    evil.listen(0, '127.0.0.1');
    await once(evil, 'listening');
    const { context, page } = await world().newPage();
    try {
      await signInAsAdmin(world(), page);
      const before = await vpcNames();
      const refused = page.waitForResponse((response) => response.url() === target);
      await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      expect((await refused).status()).toBe(403);
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Refused');
      await screenshot(page, 'csrf-refused');

      await page.goto(world().url('operations'));
      const status = await page.evaluate<number, string>(
        (url) => fetch(url, { method: 'POST', body: new URLSearchParams({ confirm: 'yes' }) }).then((answer) => answer.status),
        target,
      );
      expect(status).toBe(403);
      // A valid token does not help a request that another site sent.
      const csrf = await page.locator('form.sign-out input[name=csrf]').inputValue();
      const foreign = await page.request.post(target, { form: { confirm: 'yes', csrf }, headers: { origin: 'http://evil.example' }, maxRedirects: 0 });
      expect(foreign.status()).toBe(403);
      expect(await vpcNames()).toEqual(before);
    } finally {
      await context.close();
      evil.close();
    }
  });

  it('a tenant cannot run an admin action even with its own valid CSRF token', async () => {
    const { context, page } = await world().newPage();
    await signInAsTenant(world(), page, world().b);
    const csrf = await page.locator('form.sign-out input[name=csrf]').inputValue();
    const status = await page.evaluate<number, [string, string]>(
      ([url, token]) => fetch(url, { method: 'POST', body: new URLSearchParams({ confirm: 'yes', csrf: token }) }).then((answer) => answer.status),
      [world().url('operations/reset'), csrf],
    );
    expect(status).toBe(403);
    expect(await vpcNames()).toContain('tenant-a-vpc');
    await context.close();
  });
});

describe('operations', () => {
  it('adds a fault rule that the API then applies, and deletes it', async () => {
    const { context, page } = await world().newPage();
    await signInAsAdmin(world(), page);
    await page.goto(world().url('operations'));
    await page.getByLabel('Action').fill('DescribeVpcs');
    await page.getByLabel('Error code').fill('Throttling.User');
    await page.getByRole('button', { name: 'Add fault rule' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Added fault rule fault-/);
    expect(await page.getByRole('table', { name: '1 fault rules' }).textContent()).toContain('DescribeVpcs');
    await expectEcsError(vpcNames(), 'Throttling.User');
    await page.goto(world().url(''));
    expect(await page.getByRole('heading', { name: 'Active fault rules' }).locator('..').textContent()).toContain('Throttling.User');
    await page.goto(world().url('operations'));
    await screenshot(page, 'operations-fault');
    await page.getByRole('button', { name: /Delete fault rule/ }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Deleted fault rule/);
    expect(await vpcNames()).toContain('tenant-a-vpc');
    await context.close();
  });

  it('saves settings, lists pending jobs with time left and completes them all now', async () => {
    const { a } = world();
    const { context, page } = await world().newPage();
    await signInAsAdmin(world(), page);
    await page.goto(world().url('operations'));
    await page.getByLabel('Image creation (s)').fill('600');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Settings saved.');
    const imageId = (await a.ecs.createImage(new CreateImageRequest({ regionId: 'cn-hangzhou', snapshotId: a.snapshotId, imageName: 'slow-one' }))).body!.imageId!;
    await page.goto(world().url('jobs'));
    const row = page.locator('main table tbody tr', { hasText: imageId });
    expect(Number(await row.locator('td').last().textContent())).toBeGreaterThan(500);
    await screenshot(page, 'jobs');
    await page.getByRole('button', { name: 'Complete all now' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Completed [1-9]\d* jobs\./);
    const image = (await a.ecs.describeImages(new DescribeImagesRequest({ regionId: 'cn-hangzhou', imageId, status: 'ALL' }))).body!.images!.image![0];
    expect(image?.status).toBe('Available');
    await page.goto(world().url('operations'));
    await page.getByLabel('Image creation (s)').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Settings saved.');
    await context.close();
  });

  it('downloads the state and loads it back', async () => {
    const { context, page } = await world().newPage();
    await signInAsAdmin(world(), page);
    await page.goto(world().url('operations'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the state document' }).click()]);
    const path = await download.path();
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ format: 'ecs-image-state' });
    await world().a.vpc.createVpc(new CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock: '10.0.0.0/8', vpcName: 'after-the-save' }));
    expect(await vpcNames()).toContain('after-the-save');
    await page.getByLabel('State document file').setInputFiles(path);
    await until(() => page.locator('textarea[name=document]').inputValue(), (text) => text.length > 0, 'the file read into the form');
    await page.getByRole('button', { name: 'Load this state' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Loaded \d+ rows\./);
    const names = await vpcNames();
    expect(names).toContain('tenant-a-vpc');
    expect(names).not.toContain('after-the-save');
    await context.close();
  });

  it('resets only after a confirmation', async () => {
    const { context, page } = await world().newPage();
    await signInAsAdmin(world(), page);
    await page.goto(world().url('operations'));
    await page.getByRole('button', { name: 'Reset…' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Confirm reset');
    expect(await vpcNames()).toContain('tenant-a-vpc');
    await screenshot(page, 'reset-confirm');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Reset…' }).click();
    await page.getByRole('button', { name: /Yes, reset every account/ }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Reset every account's resources: \d+ rows deleted\./);
    expect(await vpcNames()).toEqual([]);
    await page.goto(world().url('vpcs'));
    expect(await page.locator('main caption').textContent()).toContain('0 vpcs');
    await context.close();
  });
});
