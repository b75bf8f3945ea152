/**
 * What a process keeps of DescribeImages (counts, rows read by id) while a
 * viewer's image stamp (`image-markers.ts`) stays the same: values by key,
 * each with the stamp read before it was. At most `capacity` are kept; when
 * full, the one set longest ago goes first.
 */
export class KeptByStamp<V> {
  readonly #capacity: number;
  /** Newest last. */
  readonly #entries = new Map<string, { readonly stamp: string; readonly value: V }>();

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** The value kept under `stamp`, boxed (a kept `undefined` is a value too); undefined when none is. */
  get(key: string, stamp: string): { readonly value: V } | undefined {
    const entry = this.#entries.get(key);
    return entry?.stamp === stamp ? entry : undefined;
  }

  set(key: string, stamp: string, value: V): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.#capacity) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, { stamp, value });
  }
}
