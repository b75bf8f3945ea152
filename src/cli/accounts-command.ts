/** `ecs-image accounts create`: a new account (own AccessKey, resource groups) in a data directory or a PostgreSQL database. */
import { Command, Option } from 'commander';
import { createAccount } from '../cloud/seed/accounts.js';
import { seedCloud } from '../cloud/seed/seed.js';
import { DEFAULT_DATA_DIR } from '../cloud/server.js';
import { openStore } from '../cloud/store/open-store.js';
import { databaseOption, storeConfigOf } from './store-options.js';

export function accountsCommand(): Command {
  const accounts = new Command('accounts').description('manage the accounts of the local cloud');
  accounts
    .command('create')
    .description('create an account and print its AccessKey as JSON')
    .addOption(new Option('--data <dir>', 'data directory (SQLite store)').default(DEFAULT_DATA_DIR).env('ECS_IMAGE_DATA'))
    .addOption(databaseOption())
    .option('--name <name>', 'account name')
    .action(async (options: { data: string; database?: string; name?: string }) => {
      // A fresh store gets the same seed a server start would give it (under the same startup lock).
      const store = await openStore(storeConfigOf(options), async (opened) => {
        await seedCloud(opened.db, { now: Date.now() });
      });
      try {
        const account = await createAccount(store.db, options.name === undefined ? {} : { name: options.name });
        process.stdout.write(`${JSON.stringify(account)}\n`);
      } finally {
        await store.close();
      }
    });
  return accounts;
}
