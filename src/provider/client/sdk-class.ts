/**
 * The official Alibaba Cloud SDK packages are CommonJS modules compiled from TypeScript with
 * `exports.default = Client`; under Node's ESM loader a default import yields the whole
 * `module.exports` object (the class is its `.default`), while vitest's loader hands over the
 * class itself. `classOf` accepts both.
 */
export function classOf<C>(module: { default: C }): C {
  return typeof module === 'function' ? (module as unknown as C) : module.default;
}
