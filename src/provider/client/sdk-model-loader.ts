/**
 * The generated SDKs' model files in the bundled providers. `dev/bundle-providers.ts` keeps
 * them out of the bundle (they are two thirds of the ECS SDK's source, and V8 parses a
 * bundle whole before running any of it) and writes each beside it, in
 * `dist/providers/sdk-models/<sdk>/`; the SDK's model index then loads a model here on first
 * use. A model file is a CommonJS module that requires only its sibling models and the
 * packages in `shared`, which are the bundle's own copies: a model must extend the very
 * `$dara.Model` the bundled client casts to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFunction } from 'node:vm';
import { packagePath } from '../../package-root.js';

/** Where the bundle step writes one SDK's model files (`sdk` as in `@alicloud/<sdk>`). */
export function sdkModelDirectory(sdk: string): string {
  return packagePath('dist', 'providers', 'sdk-models', sdk);
}

/** `require` for one SDK's model files: `./Name` loads `Name.js` once; any other name must be in `shared`. */
export function sdkModelLoader(
  sdk: string,
  shared: Readonly<Record<string, unknown>>,
  directory: string = sdkModelDirectory(sdk),
): (specifier: string) => unknown {
  const modules = new Map<string, { exports: unknown }>();
  const load = (specifier: string): unknown => {
    if (!specifier.startsWith('./')) {
      if (Object.hasOwn(shared, specifier)) return shared[specifier];
      throw new Error(`@alicloud/${sdk} model requires ${specifier}, which the provider bundle does not share with its models`);
    }
    const name = specifier.slice(2);
    const cached = modules.get(name);
    if (cached !== undefined) return cached.exports;
    const module = { exports: {} as unknown };
    // Registered before it runs, so models that require each other get the exports so far, as from Node's require.
    modules.set(name, module);
    const file = join(directory, `${name}.js`);
    try {
      const body = compileFunction(readFileSync(file, 'utf8'), ['exports', 'require', 'module'], { filename: file });
      body.call(module.exports, module.exports, load, module);
    } catch (error) {
      modules.delete(name);
      throw error;
    }
    return module.exports;
  };
  return load;
}
