/**
 * Loads our .proto files (package root `proto/`) with the loader options the whole
 * runtime and `tfplugin6-types.ts` assume.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPackageDefinition, type GrpcObject, type ServiceDefinition } from '@grpc/grpc-js';
import { loadSync, type Options } from '@grpc/proto-loader';

export const LOADER_OPTIONS: Readonly<Options> = Object.freeze({
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: false,
  oneofs: true,
});

const PROTO_FILES = ['tfplugin6.proto', 'grpc_controller.proto', 'grpc_stdio.proto', 'grpc_broker.proto', 'grpc_health.proto'];

/**
 * `proto/` sits at the package root: three levels above this file in `src/`, four in
 * `dist/src/`. Walk up rather than hard-code either.
 */
export function protoDirectory(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    const candidate = join(dir, 'proto');
    if (existsSync(join(candidate, 'tfplugin6.proto'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`cannot find proto/tfplugin6.proto above ${fileURLToPath(import.meta.url)}`);
}

export interface PluginServices {
  readonly provider: ServiceDefinition;
  readonly controller: ServiceDefinition;
  readonly stdio: ServiceDefinition;
  readonly broker: ServiceDefinition;
  readonly health: ServiceDefinition;
  /** The whole loaded tree, for clients in tests. */
  readonly root: GrpcObject;
}

function service(root: GrpcObject, path: string): ServiceDefinition {
  let node: unknown = root;
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  const definition = (node as { service?: ServiceDefinition } | undefined)?.service;
  if (definition === undefined) throw new Error(`service ${path} missing from proto/`);
  return definition;
}

export function loadPluginServices(): PluginServices {
  const packageDefinition = loadSync(PROTO_FILES, { ...LOADER_OPTIONS, includeDirs: [protoDirectory()] });
  const root = loadPackageDefinition(packageDefinition);
  return {
    provider: service(root, 'tfplugin6.Provider'),
    controller: service(root, 'plugin.GRPCController'),
    stdio: service(root, 'plugin.GRPCStdio'),
    broker: service(root, 'plugin.GRPCBroker'),
    health: service(root, 'grpc.health.v1.Health'),
    root,
  };
}
