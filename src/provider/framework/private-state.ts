/**
 * Private state: bytes terraform stores with the instance but never shows or diffs. The
 * flow is PlanResourceChange.planned_private → ApplyResourceChange.planned_private →
 * ApplyResourceChange.private (stored) → ReadResource.private → PlanResourceChange.
 * prior_private. We keep a JSON object of keys → JSON values (like
 * terraform-plugin-framework), so a resource can remember something across operations
 * without a schema attribute. Empty means "nothing stored" and is sent as empty bytes.
 */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export class PrivateState {
  readonly #entries: Map<string, JsonValue>;

  private constructor(entries: Map<string, JsonValue>) {
    this.#entries = entries;
  }

  static empty(): PrivateState {
    return new PrivateState(new Map());
  }

  /**
   * Decodes bytes written by `encode`. Bytes that are not a JSON object (e.g. written by
   * another provider implementation) are dropped rather than failing the operation.
   */
  static decode(bytes: Uint8Array | undefined | null): PrivateState {
    if (bytes === undefined || bytes === null || bytes.byteLength === 0) return PrivateState.empty();
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return PrivateState.empty();
      return new PrivateState(new Map(Object.entries(parsed as Record<string, JsonValue>)));
    } catch {
      return PrivateState.empty();
    }
  }

  get(key: string): JsonValue | undefined {
    return this.#entries.get(key);
  }

  set(key: string, value: JsonValue): void {
    this.#entries.set(key, value);
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  get isEmpty(): boolean {
    return this.#entries.size === 0;
  }

  /** A copy, so a plan's private state can be edited without touching the prior one. */
  clone(): PrivateState {
    return new PrivateState(new Map(this.#entries));
  }

  encode(): Uint8Array {
    if (this.#entries.size === 0) return new Uint8Array();
    const sorted = [...this.#entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return new TextEncoder().encode(JSON.stringify(Object.fromEntries(sorted)));
  }
}
