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
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build, transform, type Plugin } from 'esbuild';
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
/** A generated SDK's model index, `@alicloud/<sdk>/dist/models/model.js`. */
const MODEL_INDEX = /[\\/]@alicloud[\\/]([\w-]+)[\\/]dist[\\/]models[\\/]model\.js$/;
/** What a model file may require besides its sibling models: the bundle hands it its own copy. */
const MODEL_SHARED_PACKAGES = ['@darabonba/typescript'];
const MODEL_LOADER = packagePath('src', 'provider', 'client', 'sdk-model-loader.ts');

/** One SDK's model files the bundle leaves out, to be written beside it. */
interface SdkModels {
  readonly directory: string;
  readonly files: Set<string>;
}

/**
 * The generated Alibaba Cloud SDKs' `models/model.js` requires every model file (ECS has
 * 1,150) and re-exports each through a getter. Bundled as they are, loading the ECS SDK
 * evaluates them all (about 0.3 s), and even left unevaluated they are two thirds of the
 * source V8 parses before the SDK's first call. Rewritten here, the index keeps no model in
 * the bundle: each getter loads its file on first use through `sdk-model-loader.ts`, from
 * the copies `writeSdkModels` puts beside the bundle. Nothing else changes. A model index not
 * in this shape fails the build rather than being bundled as it is.
 */
export function lazySdkModels(models: Map<string, SdkModels>): Plugin {
  return {
    name: 'lazy-sdk-models',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: MODEL_INDEX }, async ({ path }) => {
        const sdk = MODEL_INDEX.exec(path)?.[1] as string;
        const source = await readFile(path, 'utf8');
        const modules = new Map<string, string>();
        const withoutRequires = source.replace(MODEL_REQUIRE, (_line, name: string, file: string) => {
          modules.set(name, file);
          return '';
        });
        if (modules.size === 0) throw new Error(`${path}: no model requires found; the SDK's model index changed shape`);
        models.set(sdk, { directory: dirname(path), files: new Set([...modules.values()].map((file) => file.slice(2))) });
        const getter = new RegExp(`return (${[...modules.keys()].join('|')})\\.`, 'g');
        const shared = MODEL_SHARED_PACKAGES.map((name) => `${JSON.stringify(name)}: require(${JSON.stringify(name)})`).join(', ');
        const loader = `var __sdkModel = require(${JSON.stringify(MODEL_LOADER)}).sdkModelLoader(${JSON.stringify(sdk)}, { ${shared} });\n`;
        const contents = loader + withoutRequires.replace(getter, (_match, name: string) => `return __sdkModel(${JSON.stringify(modules.get(name))}).`);
        return { contents, loader: 'js' };
      });
    },
  };
}

/** `require("…")` in a model file. */
const ANY_REQUIRE = /\brequire\("([^"]+)"\)/g;

/**
 * Writes the model files the bundle left out, minified, to `dist/providers/sdk-models/<sdk>/`.
 * A model that requires anything the loader cannot give it fails the build.
 */
async function writeSdkModels(models: Map<string, SdkModels>, outdir: string): Promise<number> {
  let written = 0;
  for (const [sdk, { directory, files }] of models) {
    const target = join(outdir, 'sdk-models', sdk);
    await mkdir(target, { recursive: true });
    for (const file of files) {
      const source = await readFile(join(directory, `${file}.js`), 'utf8');
      for (const [, required] of source.matchAll(ANY_REQUIRE)) {
        const known = required?.startsWith('./') ? files.has(required.slice(2)) : MODEL_SHARED_PACKAGES.includes(required ?? '');
        if (!known) throw new Error(`@alicloud/${sdk} model ${file} requires ${required}, which the model loader cannot give it`);
      }
      const { code } = await transform(source, { loader: 'js', minifyWhitespace: true, minifySyntax: true, target: 'node20' });
      await writeFile(join(target, `${file}.js`), code);
      written += 1;
    }
  }
  return written;
}

export async function bundleProviders(): Promise<void> {
  const root = packagePath();
  const outdir = packagePath('dist', 'providers');
  // Chunk names carry content hashes: clear out the last build's.
  await rm(outdir, { recursive: true, force: true });
  const models = new Map<string, SdkModels>();
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
    plugins: [lazySdkModels(models)],
    logLevel: 'warning',
  });
  if ((await writeSdkModels(models, outdir)) === 0) throw new Error('no SDK model index was bundled; the providers no longer use the generated SDKs?');
}

await bundleProviders();
