/**
 * Operations (admin only): reset (after a confirmation page), state download
 * and upload, live settings, fault rules. Each calls the operator API's own
 * module in-process; its AdminError becomes a message on the page.
 */
import { AdminError } from '../../admin/admin-error.js';
import { addFaultRule, deleteFaultRules, FAULT_PRODUCTS, listFaultRules, parseFaultRule } from '../../admin/fault-rules.js';
import { resetState } from '../../admin/reset-state.js';
import { saveState } from '../../admin/state-document.js';
import { loadState } from '../../admin/state-load.js';
import { html } from '../html.js';
import { CONSOLE_PATH, csrfField, notice } from '../layout.js';
import type { PageContext, PageView, RawAnswer } from '../page-context.js';

type Outcome = { readonly message: string; readonly error?: boolean };

export async function operationsPage(ctx: PageContext, outcome?: Outcome): Promise<PageView> {
  const settings = ctx.settings.view();
  const faults = await listFaultRules(ctx.store.db);
  const action = (path: string): string => `${CONSOLE_PATH}operations/${path}`;
  const numberField = (name: keyof typeof settings, label: string) =>
    html`<label>${label} <input type="number" name="${name}" min="0" step="any" value="${settings[name]}"></label>`;
  const body = html`${notice(outcome?.message, outcome?.error === true ? 'error' : 'ok')}
<section aria-labelledby="reset-heading"><h2 id="reset-heading">Reset</h2>
<form method="post" action="${action('reset')}">${csrfField(ctx.csrf)}
<label>What <select name="accountId"><option value="">Every account's resources</option>${ctx.viewer.accounts.map(
    (account) => html`<option value="${account.id}">Account ${account.id} (${account.name})</option>`,
  )}</select></label>
<button type="submit">Reset…</button></form></section>
<section aria-labelledby="state-heading"><h2 id="state-heading">State</h2>
<p><a href="${action('state')}" download="ecs-image-state.json">Download the state document</a></p>
<form method="post" action="${action('state')}" class="state-upload">${csrfField(ctx.csrf)}
<label>State document file <input type="file" accept="application/json,.json" data-fills="document"></label>
<label>State document (JSON) <textarea name="document" id="document" rows="4" required></textarea></label>
<button type="submit">Load this state</button></form></section>
<section aria-labelledby="settings-heading"><h2 id="settings-heading">Settings</h2>
<form method="post" action="${action('settings')}">${csrfField(ctx.csrf)}
${numberField('imageCreationSeconds', 'Image creation (s)')}
${numberField('snapshotCreationSeconds', 'Snapshot creation (s)')}
${numberField('instanceTransitionSeconds', 'Instance transitions (s)')}
${numberField('imageQuota', 'Image quota per account and region')}
<button type="submit">Save settings</button></form></section>
<section aria-labelledby="faults-heading"><h2 id="faults-heading">Fault rules</h2>
<div class="table-wrap"><table><caption>${faults.length} fault rules</caption>
<thead><tr><th scope="col">ID</th><th scope="col">Matches</th><th scope="col">Error</th><th scope="col">Probability</th><th scope="col">Hits</th><th scope="col">Left</th><th scope="col"><span class="visually-hidden">Delete</span></th></tr></thead>
<tbody>${faults.map(
    (rule) => html`<tr><td>${rule.id}</td><td>${[rule.product, rule.action, rule.regionId, rule.accountId].filter((part) => part !== undefined).join(' ') || 'every request'}</td>
<td>${rule.error !== undefined ? `${rule.error.httpStatus} ${rule.error.code}` : ''}${rule.latencyMs !== undefined ? ` +${rule.latencyMs} ms` : ''}</td>
<td>${rule.probability}</td><td>${rule.hits}</td><td>${rule.remaining ?? '∞'}</td>
<td><form method="post" action="${action('faults/delete')}">${csrfField(ctx.csrf)}<input type="hidden" name="id" value="${rule.id}">
<button type="submit" aria-label="Delete fault rule ${rule.id}">Delete</button></form></td></tr>`,
  )}</tbody></table></div>
<form method="post" action="${action('faults')}" class="fault-form">${csrfField(ctx.csrf)}
<fieldset><legend>Add a fault rule</legend>
<label>Product <select name="product"><option value="">Any</option>${FAULT_PRODUCTS.map((product) => html`<option>${product}</option>`)}</select></label>
<label>Action <input name="action" placeholder="e.g. CreateImage"></label>
<label>Region <input name="regionId" placeholder="any"></label>
<label>Account <input name="accountId" placeholder="any"></label>
<label>Probability <input type="number" name="probability" min="0" max="1" step="any" value="1"></label>
<label>Times <input type="number" name="times" min="1" placeholder="unlimited"></label>
<label>Latency (ms) <input type="number" name="latencyMs" min="0"></label>
<label>Error code <input name="code" placeholder="e.g. Throttling"></label>
<label>HTTP status <input type="number" name="httpStatus" min="400" max="599"></label>
<label>Message <input name="message"></label>
<button type="submit">Add fault rule</button></fieldset></form></section>`;
  return { title: 'Operations', body, ...(outcome?.error === true ? { status: 400 } : {}) };
}

/** Runs one operation; a refused one is shown on the page, as the operator API's message. */
async function attempt(ctx: PageContext, run: () => Promise<string>): Promise<PageView> {
  try {
    return await operationsPage(ctx, { message: await run() });
  } catch (error) {
    if (!(error instanceof AdminError)) throw error;
    return operationsPage(ctx, { message: error.message, error: true });
  }
}

export async function resetAction(ctx: PageContext): Promise<PageView> {
  const accountId = ctx.form.get('accountId') ?? '';
  const what = accountId === '' ? "every account's resources" : `account ${accountId}'s resources`;
  if (ctx.form.get('confirm') !== 'yes') {
    const body = html`<p role="alert">This deletes ${what} in every region (the accounts and their AccessKeys stay). It cannot be undone.</p>
<form method="post" action="${CONSOLE_PATH}operations/reset">${csrfField(ctx.csrf)}
<input type="hidden" name="accountId" value="${accountId}"><input type="hidden" name="confirm" value="yes">
<button type="submit" class="danger">Yes, reset ${what}</button> <a href="${CONSOLE_PATH}operations">Cancel</a></form>`;
    return { title: 'Confirm reset', body };
  }
  return attempt(ctx, async () => {
    const counts = await resetState(ctx.store.db, accountId === '' ? undefined : accountId);
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    return `Reset ${what}: ${total} rows deleted.`;
  });
}

export function stateDownload(ctx: PageContext): Promise<RawAnswer> {
  return saveState(ctx.store, ctx.now()).then((document) => ({
    status: 200,
    body: JSON.stringify(document),
    headers: {
      'content-type': 'application/json;charset=utf-8',
      'content-disposition': 'attachment; filename="ecs-image-state.json"',
      'cache-control': 'no-store',
    },
  }));
}

export function stateUpload(ctx: PageContext): Promise<PageView> {
  return attempt(ctx, async () => {
    let document: unknown;
    try {
      document = JSON.parse(ctx.form.get('document') ?? '');
    } catch (error) {
      throw AdminError.invalid(`the state document is not JSON: ${(error as Error).message}`);
    }
    const { loaded } = await loadState(ctx.store.db, document, ctx.now());
    return `Loaded ${Object.values(loaded).reduce((sum, count) => sum + count, 0)} rows.`;
  });
}

export function settingsAction(ctx: PageContext): Promise<PageView> {
  return attempt(ctx, async () => {
    const patch: Record<string, number> = {};
    for (const name of ['imageCreationSeconds', 'snapshotCreationSeconds', 'instanceTransitionSeconds', 'imageQuota']) {
      const value = ctx.form.get(name)?.trim();
      if (value !== undefined && value !== '') patch[name] = Number(value);
    }
    ctx.settings.patch(patch);
    return 'Settings saved.';
  });
}

export function addFaultAction(ctx: PageContext): Promise<PageView> {
  return attempt(ctx, async () => {
    const { form } = ctx;
    const given = (name: string): string | undefined => {
      const value = form.get(name)?.trim();
      return value === undefined || value === '' ? undefined : value;
    };
    const number = (name: string): number | undefined => (given(name) === undefined ? undefined : Number(given(name)));
    const rule: Record<string, unknown> = {
      product: given('product'),
      action: given('action'),
      regionId: given('regionId'),
      accountId: given('accountId'),
      probability: number('probability'),
      times: number('times'),
      latencyMs: number('latencyMs'),
    };
    const code = given('code');
    if (code !== undefined) rule['error'] = { code, httpStatus: number('httpStatus'), message: given('message') };
    const added = await addFaultRule(ctx.store.db, parseFaultRule(JSON.parse(JSON.stringify(rule))), ctx.now());
    return `Added fault rule ${added.id}.`;
  });
}

export function deleteFaultAction(ctx: PageContext): Promise<PageView> {
  return attempt(ctx, async () => {
    const id = ctx.form.get('id') ?? '';
    const deleted = await deleteFaultRules(ctx.store.db, id);
    if (deleted === 0) throw new AdminError(404, 'InvalidFaultId.NotFound', `no fault rule ${id}`);
    return `Deleted fault rule ${id}.`;
  });
}
