/**
 * The gRPC service definitions, built from `proto/plugin-descriptor.json` (compiled from
 * our .proto files by `proto-descriptor-gen.ts`) with protobufjs/light.
 *
 * Messages are converted exactly as `@grpc/proto-loader` would with
 * `keepCase: true, longs: Number, enums: String, defaults: false, oneofs: true` — the
 * shapes `tfplugin6-types.ts` describes — but without proto-loader's .proto parsing and
 * reflection descriptors, which dominated start-up time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import protobuf from 'protobufjs/light.js';
import { packagePath } from '../../package-root.js';

export const PROTO_FILES: readonly string[] = [
  'tfplugin6.proto',
  'grpc_controller.proto',
  'grpc_stdio.proto',
  'grpc_broker.proto',
  'grpc_health.proto',
];
export const DESCRIPTOR_FILE = 'plugin-descriptor.json';

/** protobufjs `toObject` options: proto-loader's with the settings listed above. */
export const DECODE_OPTIONS: Readonly<protobuf.IConversionOptions> = Object.freeze({
  longs: Number,
  enums: String,
  defaults: false,
  oneofs: true,
});

/** `proto/` at the package root. */
export function protoDirectory(): string {
  return packagePath('proto');
}

export interface PluginServices {
  readonly provider: ServiceDefinition;
  readonly controller: ServiceDefinition;
  readonly stdio: ServiceDefinition;
  readonly broker: ServiceDefinition;
  readonly health: ServiceDefinition;
}

function codec(type: protobuf.Type): { serialize(value: object): Buffer; deserialize(bytes: Buffer): object } {
  return {
    serialize: (value) => {
      const message = type.fromObject(value as Record<string, unknown>);
      const bytes = type.encode(message).finish();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    deserialize: (bytes) => type.toObject(type.decode(bytes), DECODE_OPTIONS),
  };
}

function serviceDefinition(root: protobuf.Root, fullName: string): ServiceDefinition {
  const service = root.lookupService(fullName);
  const definition: Record<string, MethodDefinition<object, object>> = {};
  for (const method of service.methodsArray) {
    const request = codec(root.lookupType(method.resolvedRequestType?.fullName ?? method.requestType));
    const response = codec(root.lookupType(method.resolvedResponseType?.fullName ?? method.responseType));
    definition[method.name] = {
      path: `/${fullName}/${method.name}`,
      requestStream: method.requestStream === true,
      responseStream: method.responseStream === true,
      requestSerialize: request.serialize,
      requestDeserialize: request.deserialize,
      responseSerialize: response.serialize,
      responseDeserialize: response.deserialize,
      originalName: method.name,
    };
  }
  return definition;
}

export function loadPluginServices(protoDir: string = protoDirectory()): PluginServices {
  const json = JSON.parse(readFileSync(join(protoDir, DESCRIPTOR_FILE), 'utf8')) as protobuf.INamespace;
  const root = protobuf.Root.fromJSON(json);
  root.resolveAll();
  return {
    provider: serviceDefinition(root, 'tfplugin6.Provider'),
    controller: serviceDefinition(root, 'plugin.GRPCController'),
    stdio: serviceDefinition(root, 'plugin.GRPCStdio'),
    broker: serviceDefinition(root, 'plugin.GRPCBroker'),
    health: serviceDefinition(root, 'grpc.health.v1.Health'),
  };
}
