/**
 * One plugin gRPC server on a unix socket: TLS (or plaintext), the provider service and
 * go-plugin's services, bound before the handshake line exists. No process-wide effects
 * (no stdout, signals or exit): `serve.ts` adds those, tests start this in-process.
 */
import { chmodSync, chownSync, readFileSync, rmSync } from 'node:fs';
import { Server } from '@grpc/grpc-js';
import { handshakeLine, negotiateProtocolVersion, unixSocketPath } from './handshake.js';
import type { Logger } from './logger.js';
import { brokerService, controllerService, healthService, OpenStreams, stdioService } from './go-plugin-services.js';
import { loadPluginServices } from './proto-definitions.js';
import type { ProviderServer } from './provider-server.js';
import { providerService } from './provider-service.js';
import { serverTls, type SelfSignedCertificate } from './tls.js';
import type { RpcRuntime } from './wrap-rpc.js';

export interface PluginServerOptions {
  /** Handshake variables: `PLUGIN_CLIENT_CERT`, `PLUGIN_PROTOCOL_VERSIONS`, `PLUGIN_UNIX_SOCKET_DIR`/`_GROUP`. */
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  /** How long a graceful stop may take before open calls are cut. */
  readonly gracefulStopMs?: number;
}

export interface RunningPlugin {
  /** `1|6|unix|<path>|grpc|<cert>` plus newline. */
  readonly handshakeLine: string;
  readonly socketPath: string;
  /** Undefined when serving plaintext. */
  readonly certificate: SelfSignedCertificate | undefined;
  /** Resolves once the server has stopped, for whatever reason (Shutdown RPC or `stop()`). */
  readonly stopped: Promise<void>;
  /** Aborts in-flight calls' signals, ends idle streams, closes the server, removes the socket. */
  stop(reason: string): Promise<void>;
}

/** go-plugin sends MaxInt32 both ways; grpc-js would cap receives at 4 MiB. */
const MAX_MESSAGE_BYTES = 2_147_483_647;

function groupId(group: string): number | undefined {
  if (/^\d+$/.test(group)) return Number(group);
  try {
    const line = readFileSync('/etc/group', 'utf8')
      .split('\n')
      .find((entry) => entry.split(':')[0] === group);
    const gid = line?.split(':')[2];
    return gid === undefined ? undefined : Number(gid);
  } catch {
    return undefined;
  }
}

function bind(server: Server, address: string, credentials: ReturnType<typeof serverTls>['credentials']): Promise<void> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, credentials, (error) => (error ? reject(error) : resolve()));
  });
}

export async function startPluginServer(provider: ProviderServer, options: PluginServerOptions): Promise<RunningPlugin> {
  const { env, logger } = options;
  const negotiation = negotiateProtocolVersion(env);
  if (negotiation.warning !== undefined) logger.warn(negotiation.warning);

  const tls = serverTls(env['PLUGIN_CLIENT_CERT']);
  const services = loadPluginServices();
  const lifetime = new AbortController();
  let requestCounter = 0;
  const runtime: RpcRuntime = { logger, lifetime: lifetime.signal, nextRequestId: () => ++requestCounter };
  const streams = new OpenStreams();

  const server = new Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  });

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  let stopping: Promise<void> | undefined;
  const socketPath = unixSocketPath(env);

  const stop = (reason: string): Promise<void> => {
    stopping ??= (async (): Promise<void> => {
      logger.debug('plugin server stopping', { reason });
      lifetime.abort(new Error(reason));
      streams.endAll();
      await new Promise<void>((resolve) => {
        const cut = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, options.gracefulStopMs ?? 500);
        server.tryShutdown(() => {
          clearTimeout(cut);
          resolve();
        });
      });
      rmSync(socketPath, { force: true });
      resolveStopped();
    })();
    return stopping;
  };

  server.addService(services.provider, providerService(provider, runtime));
  server.addService(services.controller, controllerService(() => void stop('terraform called GRPCController.Shutdown')));
  server.addService(services.stdio, stdioService(streams));
  server.addService(services.broker, brokerService(streams));
  server.addService(services.health, healthService(streams));

  await bind(server, `unix:${socketPath}`, tls.credentials);
  const group = env['PLUGIN_UNIX_SOCKET_GROUP'];
  if (group) {
    const gid = groupId(group);
    if (gid === undefined) logger.warn('unknown PLUGIN_UNIX_SOCKET_GROUP, socket group left unchanged', { group });
    else {
      chownSync(socketPath, -1, gid);
      chmodSync(socketPath, 0o660);
    }
  }

  const line = handshakeLine({
    version: negotiation.version,
    network: 'unix',
    address: socketPath,
    certDer: tls.certificate?.der,
  });
  logger.debug('plugin server listening', { address: socketPath, tls: tls.certificate !== undefined });
  return { handshakeLine: line, socketPath, certificate: tls.certificate, stopped, stop };
}
