/**
 * Jobs: the work still pending (image and snapshot creation, instance
 * transitions) with the time left, and, for the admin, "complete all now"
 * (the operator API's `jobs/complete`, called in-process).
 */
import { completeJobs } from '../../admin/complete-jobs.js';
import { csrfField, notice } from '../layout.js';
import { html } from '../html.js';
import { CONSOLE_PATH } from '../layout.js';
import type { PageContext, PageView } from '../page-context.js';

export interface PendingJob {
  readonly id: number;
  readonly kind: string;
  readonly accountId: string;
  readonly resourceId: string;
  readonly secondsLeft: number;
  readonly running: boolean;
}

export async function pendingJobs(ctx: PageContext): Promise<PendingJob[]> {
  const now = ctx.now();
  const rows = await ctx.store.db
    .selectFrom('jobs')
    .select(['id', 'kind', 'account_id', 'resource_id', 'run_at', 'lease_owner', 'lease_expires_at'])
    .where('state', '=', 'pending')
    .where('account_id', 'in', ctx.viewer.accounts.map((account) => account.id))
    .orderBy('run_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    accountId: row.account_id,
    resourceId: row.resource_id,
    secondsLeft: Math.max(0, Math.ceil((Number(row.run_at) - now) / 1000)),
    running: row.lease_owner !== '' && Number(row.lease_expires_at) >= now,
  }));
}

export async function jobsPage(ctx: PageContext, message?: string): Promise<PageView> {
  const jobs = await pendingJobs(ctx);
  const body = html`${notice(message)}
${ctx.viewer.isAdmin
    ? html`<form method="post" action="${CONSOLE_PATH}jobs/complete">${csrfField(ctx.csrf)}<button type="submit">Complete all now</button></form>`
    : ''}
<div class="table-wrap"><table><caption>${jobs.length} jobs pending or running</caption>
<thead><tr><th scope="col">Job</th><th scope="col">Kind</th><th scope="col">Resource</th><th scope="col">Account</th><th scope="col">State</th><th scope="col">Time left (s)</th></tr></thead>
<tbody>${jobs.map(
    (job) => html`<tr><td>${job.id}</td><td>${job.kind}</td><td>${job.resourceId}</td><td>${job.accountId}</td>
<td>${job.running ? 'running' : 'pending'}</td><td>${job.secondsLeft}</td></tr>`,
  )}</tbody></table></div>`;
  return { title: 'Jobs', body };
}

export async function completeJobsAction(ctx: PageContext): Promise<PageView> {
  const completed = await completeJobs(ctx.store, ctx.jobs, ctx.now);
  return jobsPage(ctx, `Completed ${completed} jobs.`);
}
