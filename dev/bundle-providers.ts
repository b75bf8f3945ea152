/**
 * `npm run build`'s second step: the two provider executables as bundles, in
 * `dist/providers/` (bin/terraform-provider-* import them).
 *
 * Why: terraform starts a provider three or more times per command, and each start
 * waits for the handshake line. Compiled module by module, a start resolves and reads
 * some 300 files of grpc-js and protobufjs first (exec → handshake 2.5–3× a bare
 * `node -e 0`). One minified file per executable cuts that by about half.
 *
 * Code splitting keeps the dynamic imports lazy: the `…-operations` modules and the
 * SDKs they pull in become chunks loaded by the first call that needs them, never before
 * the handshake. Shared chunks serve both executables.
 */
import { readFile, rm } from 'node:fs/promises';
import { build, type Plugin } from 'esbuild';
import { packagePath } from '../src/package-root.js';

/** The executable names, as terraform knows them, and their entry modules. */
const ENTRY_POINTS: Record<string, string> = {
  'terraform-provider-alicloud': 'src/provider/alicloud/main.ts',
  'terraform-provider-alibabacloudstack': 'src/provider/alibabacloudstack/main.ts',
};

/**
 * The official SDKs are CommonJS; bundled into ES modules, their `require('fs')` and the
 * like go through esbuild's `__require`, which needs a real `require` in scope.
 */
const REQUIRE_SHIM = "import { createRequire as __ecsImageCreateRequire } from 'node:module';\nconst require = __ecsImageCreateRequire(import.meta.url);";

/** `var AddTagsRequest_1 = require("./AddTagsRequest");` in a generated SDK's model index. */
const MODEL_REQUIRE = /^var (\w+) = require\("(\.\/[\w.-]+)"\);$/gm;

/**
 * The generated Alibaba Cloud SDKs' `models/model.js` requires every model file (ECS has
 * 2,000) and re-exports each through a getter, so loading the ECS SDK evaluates them all:
 * about 0.3 s of every provider process that calls ECS. Rewritten here, each getter requires
 * its file on first use instead; nothing else changes. A model index not in this shape
 * fails the build rather than being bundled as it is.
 */
export function lazySdkModels(): Plugin {
  return {
    name: 'lazy-sdk-models',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]@alicloud[\\/][\w-]+[\\/]dist[\\/]models[\\/]model\.js$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const modules = new Map<string, string>();
        const withoutRequires = source.replace(MODEL_REQUIRE, (_line, name: string, file: string) => {
          modules.set(name, file);
          return '';
        });
        if (modules.size === 0) throw new Error(`${path}: no model requires found; the SDK's model index changed shape`);
        const getter = new RegExp(`return (${[...modules.keys()].join('|')})\\.`, 'g');
        const contents = withoutRequires.replace(getter, (_match, name: string) => `return require(${JSON.stringify(modules.get(name))}).`);
        return { contents, loader: 'js' };
      });
    },
  };
}

export async function bundleProviders(): Promise<void> {
  const root = packagePath();
  const outdir = packagePath('dist', 'providers');
  // Chunk names carry content hashes: clear out the last build's.
  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, source]) => [name, packagePath(source)])),
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Whitespace and syntax only: a crash's stack trace, which terraform shows the user,
    // keeps our function names.
    minifyWhitespace: true,
    minifySyntax: true,
    // The bundled packages' licence notices, in one file beside the bundles.
    legalComments: 'linked',
    banner: { js: REQUIRE_SHIM },
    plugins: [lazySdkModels()],
    logLevel: 'warning',
  });
}

await bundleProviders();
