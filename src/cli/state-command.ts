/**
 * `ecs-image state save FILE | load FILE | reset [--account ID]`: the whole
 * local cloud to a file and back (GET/PUT /_ecs-image/state), or every
 * resource gone (POST /_ecs-image/state/reset) — what a test suite does
 * between tests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { callAdmin, countsText, printResult, resolveAdminTarget, withAdminTarget, type AdminTargetOptions } from './admin-client.js';

interface StateDocumentAnswer {
  readonly tables: Readonly<Record<string, readonly unknown[]>>;
}

function rowCounts(tables: Readonly<Record<string, readonly unknown[]>>): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([table, rows]) => [table, rows.length]));
}

export function stateCommand(): Command {
  const state = new Command('state').description('save, load or reset the state of a running local cloud');
  withAdminTarget(state.command('save').description('write the whole cloud to FILE (JSON)').argument('<file>')).action(
    async (file: string, options: AdminTargetOptions) => {
      const document = (await callAdmin(resolveAdminTarget(options), 'GET', 'state')) as StateDocumentAnswer;
      writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600 });
      const counts = rowCounts(document.tables);
      printResult(options, { file, rows: counts }, `saved the state to ${file} (${countsText(counts, 'empty')})`);
    },
  );
  withAdminTarget(state.command('load').description('replace the whole cloud with the state saved in FILE').argument('<file>')).action(
    async (file: string, options: AdminTargetOptions) => {
      let document: unknown;
      try {
        document = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      } catch (error) {
        throw new Error(`cannot read the state in ${file}: ${(error as Error).message}`);
      }
      const answer = (await callAdmin(resolveAdminTarget(options), 'PUT', 'state', document)) as { loaded: Record<string, number> };
      printResult(options, answer, `loaded the state from ${file} (${countsText(answer.loaded, 'empty')})`);
    },
  );
  withAdminTarget(
    state
      .command('reset')
      .description("remove every resource (accounts, keys and resource groups stay)")
      .addOption(new Option('--account <id>', 'only this account')),
  ).action(async (options: AdminTargetOptions & { readonly account?: string }) => {
    const route = options.account === undefined ? 'state/reset' : `state/reset?accountId=${encodeURIComponent(options.account)}`;
    const answer = (await callAdmin(resolveAdminTarget(options), 'POST', route)) as { reset: Record<string, number> };
    printResult(options, answer, `reset: ${countsText(answer.reset, 'nothing to remove')}`);
  });
  return state;
}
