/** `ecs-image accounts create`: a new account (own AccessKey, resource groups) in a data directory. */
import { Command, Option } from 'commander';
import { createAccount } from '../cloud/seed/accounts.js';
import { seedCloud } from '../cloud/seed/seed.js';
import { DEFAULT_DATA_DIR } from '../cloud/server.js';
import { openStore } from '../cloud/store/open-store.js';
import { join } from 'node:path';

export function accountsCommand(): Command {
  const accounts = new Command('accounts').description('manage the accounts of the local cloud');
  accounts
    .command('create')
    .description('create an account and print its AccessKey as JSON')
    .addOption(new Option('--data <dir>', 'data directory (SQLite store)').default(DEFAULT_DATA_DIR).env('ECS_IMAGE_DATA'))
    .option('--name <name>', 'account name')
    .action(async (options: { data: string; name?: string }) => {
      const store = await openStore({ kind: 'sqlite', file: join(options.data, 'cloud.sqlite') });
      try {
        // A fresh directory gets the same seed a server start would give it.
        await seedCloud(store.db, { now: Date.now() });
        const account = await createAccount(store.db, options.name === undefined ? {} : { name: options.name });
        process.stdout.write(`${JSON.stringify(account)}\n`);
      } finally {
        await store.close();
      }
    });
  return accounts;
}
