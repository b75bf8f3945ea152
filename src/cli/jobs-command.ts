/** `ecs-image jobs complete`: every pending job of a running cloud finishes now (POST /_ecs-image/jobs/complete). */
import { Command } from 'commander';
import { callAdmin, printResult, resolveAdminTarget, withAdminTarget, type AdminTargetOptions } from './admin-client.js';

export function jobsCommand(): Command {
  const jobs = new Command('jobs').description('the asynchronous work of a running local cloud');
  withAdminTarget(jobs.command('complete').description('finish every pending job now (image and snapshot creations, instance transitions)')).action(
    async (options: AdminTargetOptions) => {
      const answer = (await callAdmin(resolveAdminTarget(options), 'POST', 'jobs/complete')) as { completed: number };
      printResult(options, answer, `completed ${answer.completed} job${answer.completed === 1 ? '' : 's'}`);
    },
  );
  return jobs;
}
