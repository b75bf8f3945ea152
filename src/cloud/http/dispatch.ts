/**
 * Step 6: call the handler. A write action runs in one transaction, so a
 * failure (any thrown error) leaves the store untouched; a read-only action
 * reads through the plain connection. With `writes`, the transactions of one
 * account wait their turn in this process before taking a connection.
 */
import type { Kysely } from 'kysely';
import type { ActionContext, ActionResult } from '../api/action.js';
import type { RoutedAction } from '../api/registry.js';
import { lockAccount } from '../store/account-lock.js';
import type { AccountWriteQueue } from './account-queue.js';
import type { Database } from '../store/schema.js';

export async function dispatch(
  routed: RoutedAction,
  db: Kysely<Database>,
  context: Omit<ActionContext, 'db'>,
  writes?: AccountWriteQueue,
): Promise<ActionResult> {
  const { definition } = routed;
  if (definition.readOnly === true) return definition.handler({ ...context, db });
  const write = (): Promise<ActionResult> =>
    db.transaction().execute(async (trx) => {
      await lockAccount(trx, context.account.id); // one writer per account, across replicas too
      return definition.handler({ ...context, db: trx });
    });
  return writes === undefined ? write() : writes.run(context.account.id, write);
}
