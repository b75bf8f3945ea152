/**
 * The overview: accounts (admin), and per region the count of each kind of
 * resource the viewer owns, jobs pending and running, active fault rules
 * (admin). Counts are of owned resources, read straight from the store (the
 * lists behind each link are the API's own answers).
 */
import { listFaultRules } from '../../admin/fault-rules.js';
import { html } from '../html.js';
import { CONSOLE_PATH } from '../layout.js';
import { text, type PageContext, type PageView } from '../page-context.js';
import { pendingJobs } from './jobs.js';

const COUNTED = [
  ['images', 'images', 'Custom images'],
  ['instances', 'instances', 'Instances'],
  ['disks', 'disks', 'Disks'],
  ['snapshots', 'snapshots', 'Snapshots'],
  ['vpcs', 'vpcs', 'VPCs'],
  ['vswitches', 'vswitches', 'vSwitches'],
  ['security_groups', 'security-groups', 'Security groups'],
] as const;

export async function overviewPage(ctx: PageContext): Promise<PageView> {
  const accountIds = ctx.viewer.accounts.map((account) => account.id);
  const counts = new Map<string, Map<string, number>>();
  for (const [table, page] of COUNTED) {
    const rows = await ctx.store.db
      .selectFrom(table)
      .select((eb) => ['region_id', eb.fn.countAll<number | string>().as('count')])
      .where('account_id', 'in', accountIds)
      .groupBy('region_id')
      .execute();
    for (const row of rows) {
      const perRegion = counts.get(row.region_id) ?? new Map<string, number>();
      perRegion.set(page, Number(row.count));
      counts.set(row.region_id, perRegion);
    }
  }
  if (!counts.has(ctx.settings.defaultRegionId)) counts.set(ctx.settings.defaultRegionId, new Map());
  const regions = [...counts.keys()].sort();
  const jobs = await pendingJobs(ctx);
  const running = jobs.filter((job) => job.running).length;
  const faults = ctx.viewer.isAdmin ? await listFaultRules(ctx.store.db) : [];
  const body = html`
${ctx.viewer.isAdmin
    ? html`<section aria-labelledby="accounts"><h2 id="accounts">Accounts</h2><div class="table-wrap"><table><caption>${ctx.viewer.accounts.length} accounts</caption>
<thead><tr><th scope="col">Account ID</th><th scope="col">Name</th></tr></thead>
<tbody>${ctx.viewer.accounts.map((account) => html`<tr><td>${account.id}</td><td>${account.name}</td></tr>`)}</tbody></table></div></section>`
    : ''}
<section aria-labelledby="regions"><h2 id="regions">Resources per region</h2><div class="table-wrap"><table><caption>Resources you own, by region</caption>
<thead><tr><th scope="col">Region</th>${COUNTED.map(([, , label]) => html`<th scope="col">${label}</th>`)}</tr></thead>
<tbody>${regions.map(
    (region) => html`<tr><th scope="row">${region}</th>${COUNTED.map(
      ([, page]) => html`<td><a href="${CONSOLE_PATH}${page}?region=${encodeURIComponent(region)}">${counts.get(region)?.get(page) ?? 0}</a></td>`,
    )}</tr>`,
  )}</tbody></table></div></section>
<section aria-labelledby="jobs"><h2 id="jobs">Jobs</h2>
<p><a href="${CONSOLE_PATH}jobs"><span class="jobs-pending">${jobs.length - running}</span> pending, <span class="jobs-running">${running}</span> running</a></p></section>
${ctx.viewer.isAdmin
    ? html`<section aria-labelledby="faults"><h2 id="faults">Active fault rules</h2>
${faults.length === 0
        ? html`<p>No fault rules.</p>`
        : html`<ul>${faults.map(
            (rule) => html`<li>${rule.id}: ${[rule.product, rule.action, rule.regionId, rule.accountId].filter((part) => part !== undefined).join(' ') || 'every request'}
→ ${rule.error?.code ?? 'latency only'} (probability ${rule.probability}${rule.remaining !== undefined ? `, ${rule.remaining} left` : ''})</li>`,
          )}</ul>`}
<p><a href="${CONSOLE_PATH}operations#faults-heading">Manage fault rules</a></p></section>`
    : ''}
<p class="settings-line">Default region ${ctx.settings.defaultRegionId}; images take ${text(ctx.settings.view().imageCreationSeconds)} s to create.</p>`;
  return { title: 'Overview', body };
}
