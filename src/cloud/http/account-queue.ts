/**
 * The write transactions of one account, one at a time within this process.
 * The store serializes them anyway (`store/account-lock.ts`, across processes
 * too), but on PostgreSQL a transaction waiting for the account's row lock
 * holds a pooled connection meanwhile: fifty concurrent CreateImage calls of
 * one account took every connection of the pool, and the reads and nonce
 * writes of all other requests queued behind them. Waiting here holds none.
 */
export class AccountWriteQueue {
  /** Per account, the promise that settles when its last queued transaction is done. */
  readonly #tails = new Map<string, Promise<void>>();

  async run<T>(accountId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(accountId);
    let done!: () => void;
    const tail = new Promise<void>((resolve) => (done = resolve));
    const queued = previous === undefined ? tail : previous.then(() => tail);
    this.#tails.set(accountId, queued);
    try {
      await previous;
      return await work();
    } finally {
      done();
      // The last one out forgets the account, so idle accounts take no room.
      if (this.#tails.get(accountId) === queued) this.#tails.delete(accountId);
    }
  }
}
