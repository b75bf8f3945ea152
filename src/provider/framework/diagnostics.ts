/**
 * Diagnostics as the framework produces them, before `convert/` turns them into tfplugin6
 * messages. A path lets terraform underline the offending expression in the config.
 *
 * Grammar (STYLE.md §2): summaries are lower case where they continue a sentence
 * ("creating ECS Image (m-…): waiting for Available: …"); validation summaries follow
 * terraform's own capitalised titles ("Invalid attribute value", "Conflicting
 * configuration arguments") with the rule in the detail.
 */

/** One step: attribute name (string), list/tuple index (number) or map/set key ({key}). */
export type PathStep = string | number | { readonly key: string };
export type Path = readonly PathStep[];

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  readonly summary: string;
  readonly detail?: string;
  readonly path?: Path;
}

/** Thrown by resource handlers to report an error with a detail or a path. */
export class DiagnosticError extends Error {
  readonly detail: string | undefined;
  readonly path: Path | undefined;

  constructor(summary: string, options: { detail?: string; path?: Path; cause?: unknown } = {}) {
    super(summary, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DiagnosticError';
    this.detail = options.detail;
    this.path = options.path;
  }
}

/** Collects diagnostics in order; `hasErrors` decides whether an RPC result is usable. */
export class Diagnostics {
  readonly #items: Diagnostic[] = [];

  get items(): readonly Diagnostic[] {
    return this.#items;
  }

  get hasErrors(): boolean {
    return this.#items.some((d) => d.severity === 'error');
  }

  add(diagnostic: Diagnostic): void {
    this.#items.push(diagnostic);
  }

  addAll(diagnostics: Iterable<Diagnostic>): void {
    for (const d of diagnostics) this.#items.push(d);
  }

  error(summary: string, detail?: string, path?: Path): void {
    this.#items.push(withOptional({ severity: 'error', summary }, detail, path));
  }

  warning(summary: string, detail?: string, path?: Path): void {
    this.#items.push(withOptional({ severity: 'warning', summary }, detail, path));
  }

  /** Records a thrown value: a DiagnosticError keeps its detail and path, anything else its message. */
  fromThrown(thrown: unknown, prefix?: string): void {
    const lead = prefix === undefined ? '' : `${prefix}: `;
    if (thrown instanceof DiagnosticError) {
      this.#items.push(withOptional({ severity: 'error', summary: lead + thrown.message }, thrown.detail, thrown.path));
    } else if (thrown instanceof Error) {
      this.#items.push({ severity: 'error', summary: lead + thrown.message });
    } else {
      this.#items.push({ severity: 'error', summary: lead + String(thrown) });
    }
  }
}

function withOptional(base: { severity: Severity; summary: string }, detail?: string, path?: Path): Diagnostic {
  return {
    ...base,
    ...(detail === undefined ? {} : { detail }),
    ...(path === undefined ? {} : { path }),
  };
}

/** `disk_device_mapping.0.size`: the SDK's flat key, used in validation messages. */
export function pathToKey(path: Path): string {
  return path.map((step) => (typeof step === 'object' ? step.key : String(step))).join('.');
}
