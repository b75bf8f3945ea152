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
import { build } from 'esbuild';
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

export async function bundleProviders(): Promise<void> {
  const root = packagePath();
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, source]) => [name, packagePath(source)])),
    outdir: packagePath('dist', 'providers'),
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
    logLevel: 'warning',
  });
}

await bundleProviders();
