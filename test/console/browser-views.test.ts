/**
 * The web console in headless Chromium against a real `ecs-image serve`:
 * signing in both ways (and failing to), what each viewer sees, filters and
 * paging, links between resources, live progress of a Creating image,
 * markup in stored values rendered as text, the keyboard and a narrow window.
 */
import { describe, expect, it } from 'vitest';
import { CreateImageRequest } from '@alicloud/ecs20140526';
import { BULK_IMAGES, INJECTION, screenshot, signInAsAdmin, signInAsTenant, until, useConsoleWorld, watchForScripts } from '../support/console-browser.js';

const world = useConsoleWorld();

describe('signing in', () => {
  it('is announced on stderr and offers the token and AccessKey forms', async () => {
    const { serve } = world();
    expect(serve.stderr()).toContain(`"console":"${serve.endpoint}/_ecs-image/console/"`);
    const { context, page } = await world().newPage();
    await page.goto(world().url());
    expect(page.url()).toBe(world().url('sign-in'));
    await expect.poll(() => page.locator('input[name=token]').count()).toBe(1);
    expect(await page.locator('input[name=accessKeyId]').count()).toBe(1);
    expect(await page.locator('input[name=accessKeySecret]').count()).toBe(1);
    await screenshot(page, 'sign-in');
    await context.close();
  });

  it('refuses a wrong token or secret with a clear message and no session', async () => {
    const { context, page } = await world().newPage();
    await page.goto(world().url('sign-in'));
    await page.locator('input[name=token]').fill('not-the-token-at-all');
    await page.getByRole('button', { name: 'Sign in as admin' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The admin token is not valid.');
    await page.locator('input[name=accessKeyId]').fill(world().b.accessKeyId);
    await page.locator('input[name=accessKeySecret]').fill('wrong-secret');
    await page.getByRole('button', { name: 'Sign in to the account' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The AccessKey ID or secret is not valid.');
    expect(await context.cookies()).toEqual([]);
    await page.goto(world().url('images'));
    expect(page.url()).toBe(world().url('sign-in'));
    await context.close();
  });

  it('gives the admin every account in an HttpOnly, SameSite=Strict cookie, and signing out ends it', async () => {
    const { context, page } = await world().newPage();
    await signInAsAdmin(world(), page);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/_ecs-image/console/' });
    const accounts = page.getByRole('table', { name: /accounts/ });
    await expect.poll(() => accounts.locator('tbody tr').count()).toBe(2);
    expect(await accounts.textContent()).toContain(world().b.accountId);
    expect(await page.getByRole('link', { name: 'Operations' }).count()).toBe(1);
    await screenshot(page, 'overview-admin');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.url()).toBe(world().url('sign-in'));
    await page.goto(world().url(''));
    expect(page.url()).toBe(world().url('sign-in'));
    await context.close();
  });
});

describe('a tenant', () => {
  it('sees only its own resources and what is shared with it, even by direct URL', async () => {
    const { a, b } = world();
    const { context, page } = await world().newPage();
    await signInAsTenant(world(), page, b);
    expect(await page.getByRole('table', { name: /accounts/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Operations' }).count()).toBe(0);

    await page.goto(world().url('images?owner=others'));
    expect(await page.locator('main table tbody').textContent()).toContain(a.imageId);
    await page.goto(world().url('images?name=bulk'));
    expect(await page.locator('main caption').textContent()).toContain('0 images');

    await page.goto(world().url('vpcs'));
    const vpcs = await page.locator('main table tbody').textContent();
    expect(vpcs).toContain(b.vpcId);
    expect(vpcs).not.toContain(a.vpcId);
    await page.goto(world().url(`instances?id=${a.instanceId}`));
    expect(await page.locator('main caption').textContent()).toContain('0 instances');
    const detail = await page.goto(world().url(`images/${a.unsharedImageId}`));
    expect(detail?.status()).toBe(404);
    const progress = await page.goto(world().url(`api/images?ids=${a.unsharedImageId},${a.imageId}`));
    expect(((await progress?.json()) as { images: { ImageId: string }[] }).images.map((image) => image.ImageId)).toEqual([a.imageId]);
    for (const adminPage of ['operations', 'operations/state']) {
      const answer = await page.goto(world().url(adminPage));
      expect(answer?.status()).toBe(403);
      expect(await page.getByRole('alert').textContent()).toContain('needs the admin token');
    }
    await screenshot(page, 'tenant-b-admin-refused');
    await context.close();
  });
});

describe('images', () => {
  it('filters and pages through 250 images', async () => {
    const { context, page } = await world().newPage();
    await signInAsAdmin(world(), page);
    await page.goto(world().url('images'));
    await page.getByLabel('Name').fill('bulk');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.locator('main caption').textContent()).toContain(`${BULK_IMAGES} images in cn-hangzhou; page 1 of 5`);
    const names = page.locator('main table tbody tr td:first-child');
    const firstPage = await names.allTextContents();
    expect(firstPage).toHaveLength(50);
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect.poll(() => page.locator('main caption').textContent()).toContain('page 2 of 5');
    const secondPage = await names.allTextContents();
    expect(secondPage).toHaveLength(50);
    expect(new Set([...firstPage, ...secondPage]).size).toBe(100);
    await screenshot(page, 'images-page-2');

    await page.goto(world().url('images?name=bulk&family=odd'));
    expect(await page.locator('main caption').textContent()).toContain(`${BULK_IMAGES / 2} images`);
    await page.goto(world().url('images?tag=batch%3Dfirst-ten'));
    expect(await page.locator('main caption').textContent()).toContain('10 images');
    await page.goto(world().url('images?owner=system'));
    const systemRows = await page.locator('main table tbody tr').count();
    expect(systemRows).toBeGreaterThan(0);
    expect(await page.locator('main table tbody').textContent()).not.toContain('bulk-');
    await page.getByLabel('Status').selectOption('CreateFailed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.locator('main caption').textContent()).toContain('0 images');
    await context.close();
  });

  it("links an image's detail to its snapshots and instances", async () => {
    const { a } = world();
    const { context, page } = await world().newPage();
    await signInAsAdmin(world(), page);
    await page.goto(world().url('images?name=web-golden'));
    await page.getByRole('link', { name: a.imageId }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Image web-golden');
    const fields = await page.locator('dl.fields').first().textContent();
    for (const field of ['ImageId', 'Architecture', 'Platform', 'DiskDeviceMappings', 'Usable', 'ImageFamily', 'IsSelfShared', 'Tags']) expect(fields).toContain(field);
    expect(await page.getByRole('table', { name: 'Accounts it is shared with' }).textContent()).toContain(world().b.accountId);
    await screenshot(page, 'image-detail');
    const copies = page.getByRole('table', { name: 'Copies' });
    expect(await copies.textContent()).toContain('cn-shanghai');
    expect(await copies.getByRole('link', { name: a.copyId }).getAttribute('href')).toContain('region=cn-shanghai');

    const snapshotLink = page.getByRole('table', { name: 'Disks the image is made of' }).getByRole('link').first();
    const snapshotId = await snapshotLink.textContent();
    expect(snapshotId).toMatch(/^s-/);
    await snapshotLink.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Snapshots');
    expect(await page.locator('main caption').textContent()).toContain('1 snapshots');
    expect(await page.locator('main table tbody').textContent()).toContain(snapshotId);

    await page.goBack();
    await page.getByRole('table', { name: 'Instances' }).getByRole('link', { name: a.launchedId }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Instances');
    await page.getByRole('link', { name: a.vpcId }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('VPCs');
    expect(await page.locator('main table tbody tr').count()).toBe(1);
    await context.close();
  });

  it('moves the progress bar of a Creating image without a reload', async () => {
    const { a } = world();
    await world().admin('PATCH', 'settings', { imageCreationSeconds: 12 });
    const imageId = (await a.ecs.createImage(new CreateImageRequest({ regionId: 'cn-hangzhou', snapshotId: a.snapshotId, imageName: 'live-progress' }))).body!.imageId!;
    await world().admin('PATCH', 'settings', { imageCreationSeconds: 0 });
    const { context, page } = await world().newPage();
    await signInAsAdmin(world(), page);
    await page.goto(world().url('images?name=live-progress'));
    await page.evaluate('window.loadedOnce = true');
    const bar = page.getByRole('progressbar', { name: `Progress of ${imageId}` });
    const first = Number(await bar.getAttribute('value'));
    expect(await page.locator('.status-text').textContent()).toBe('Creating');
    const seen = await until(async () => page.evaluate<number>('document.querySelector("progress").value'), (value) => value > first && value < 100, 'the progress bar moving');
    await screenshot(page, 'images-live-progress');
    await until(async () => page.locator('.status-text').textContent(), (status) => status === 'Available', 'the image becoming Available', 30_000);
    expect(await page.evaluate<number>('document.querySelector("progress").value')).toBe(100);
    expect(seen).toBeGreaterThan(first);
    expect(await page.locator('td.usable').textContent()).toBe('true');
    expect(await page.evaluate('window.loadedOnce')).toBe(true);
    await context.close();
  });
});

describe('stored values', () => {
  it('render as text: no markup is injected and no script runs', async () => {
    const { a } = world();
    const { context, page } = await world().newPage();
    const incidents = watchForScripts(page);
    await signInAsAdmin(world(), page);
    for (const path of [`images/${a.imageId}`, 'vpcs', 'security-groups']) {
      await page.goto(world().url(path));
      expect(await page.locator('main').textContent()).toContain(INJECTION);
      expect(await page.locator('main img, main svg, main script').count()).toBe(0);
    }
    await page.goto(world().url(`images/${a.imageId}`));
    expect(await page.getByRole('table', { name: 'Tags' }).locator('td').nth(1).textContent()).toBe(INJECTION);
    await screenshot(page, 'xss-as-text');
    await page.waitForTimeout(300);
    expect(incidents).toEqual([]);
    await context.close();
  });
});

describe('accessibility and layout', () => {
  it('can be used with the keyboard alone', async () => {
    const { context, page } = await world().newPage();
    await page.goto(world().url('sign-in'));
    await page.keyboard.press('Tab');
    // Focus moves after the key event is handled: poll, as a loaded machine is slow to.
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('Skip to content');
    await page.locator('input[name=token]').focus();
    await page.keyboard.type(world().serve.adminToken);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(world().url(''));
    await page.waitForLoadState();
    // Skip link → main → the first link inside it; the navigation is reachable too.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.id')).toBe('main');
    await page.locator('header a.brand').focus();
    for (const expected of ['Overview', 'Images', 'Instances']) {
      await page.keyboard.press('Tab');
      await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe(expected);
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Instances');
    await context.close();
  });

  it('fits a narrow window without sideways scrolling of the page', async () => {
    const { context, page } = await world().newPage({ width: 375, height: 800 });
    await signInAsAdmin(world(), page);
    for (const path of ['', 'images?name=bulk', `images/${world().a.imageId}`, 'operations']) {
      await page.goto(world().url(path));
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow, path).toBeLessThanOrEqual(1);
    }
    await page.goto(world().url('images?name=bulk'));
    await screenshot(page, 'images-narrow');
    await context.close();
  });
});
