/**
 * Attribute paths: where in a value something is, for errors and diagnostics.
 *
 * The steps mirror tfplugin6 `AttributePath.Step` (attribute_name, element_key_string,
 * element_key_int), plus `setElement`: set elements have no key Terraform can address, so
 * when converting to protobuf cut the path before the first `setElement` step.
 */

export type PathStep =
  | { readonly kind: 'attr'; readonly name: string }
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'setElement'; readonly index: number };

export type AttributePath = readonly PathStep[];

export const ROOT: AttributePath = Object.freeze([]);

export const step = Object.freeze({
  attr: (name: string): PathStep => ({ kind: 'attr', name }),
  key: (key: string): PathStep => ({ kind: 'key', key }),
  index: (index: number): PathStep => ({ kind: 'index', index }),
  setElement: (index: number): PathStep => ({ kind: 'setElement', index }),
});

/** A new path with one more step (paths are never mutated). */
export function appendPath(path: AttributePath, next: PathStep): AttributePath {
  return [...path, next];
}

/** Terraform-style text: `disk_device_mapping[0].size`, `tags["env"]`, `features.nvme_support`. */
export function formatPath(path: AttributePath): string {
  let out = '';
  for (const s of path) {
    switch (s.kind) {
      case 'attr':
        out += out === '' ? s.name : `.${s.name}`;
        break;
      case 'key':
        out += `[${JSON.stringify(s.key)}]`;
        break;
      case 'index':
        out += `[${s.index}]`;
        break;
      case 'setElement':
        out += '[*]';
        break;
    }
  }
  return out;
}

export function pathEquals(a: AttributePath, b: AttributePath): boolean {
  if (a.length !== b.length) return false;
  return a.every((s, i) => {
    const o = b[i] as PathStep;
    if (s.kind !== o.kind) return false;
    switch (s.kind) {
      case 'attr':
        return s.name === (o as typeof s).name;
      case 'key':
        return s.key === (o as typeof s).key;
      case 'index':
      case 'setElement':
        return s.index === (o as typeof s).index;
    }
  });
}

/**
 * An error about a value, carrying where it is. `message` is `<path>: <detail>` (just the
 * detail at the root), so logs are useful; diagnostics should use `path` and `detail`.
 */
export class CtyError extends Error {
  readonly path: AttributePath;
  readonly detail: string;

  constructor(path: AttributePath, detail: string) {
    super(path.length === 0 ? detail : `${formatPath(path)}: ${detail}`);
    this.name = 'CtyError';
    this.path = path;
    this.detail = detail;
  }
}
