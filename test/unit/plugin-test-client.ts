/** A gRPC client for the plugin server, shaped like terraform's go-plugin client. */
import { credentials, makeGenericClientConstructor, type Client, type ServiceDefinition } from '@grpc/grpc-js';
import { loadPluginServices } from '../../src/provider/plugin/proto-definitions.js';
import type { RunningPlugin } from '../../src/provider/plugin/plugin-server.js';
import type { SelfSignedCertificate } from '../../src/provider/plugin/tls.js';

export type Call = (method: string, request: object) => Promise<Record<string, unknown>>;

export interface TestClient {
  call: Call;
  close(): void;
}

export interface ClientIdentity {
  /** The client certificate presented; omit for none. */
  clientCert?: SelfSignedCertificate;
  /** Plaintext instead of TLS. */
  insecure?: boolean;
}

export function connect(running: RunningPlugin, service: 'provider' | 'controller' | 'health', identity: ClientIdentity): TestClient {
  const services = loadPluginServices();
  const definition: ServiceDefinition = services[service];
  const Constructor = makeGenericClientConstructor(definition, service);
  const creds = identity.insecure
    ? credentials.createInsecure()
    : credentials.createSsl(
        Buffer.from(running.certificate?.certPem ?? ''),
        identity.clientCert ? Buffer.from(identity.clientCert.keyPem) : null,
        identity.clientCert ? Buffer.from(identity.clientCert.certPem) : null,
      );
  const client: Client = new Constructor(`unix:${running.socketPath}`, creds, {
    'grpc.ssl_target_name_override': 'localhost',
    'grpc.default_authority': 'localhost',
  });
  const call: Call = (method, request) =>
    new Promise((resolve, reject) => {
      const fn = (client as unknown as Record<string, Function>)[method];
      if (fn === undefined) throw new Error(`no method ${method}`);
      fn.call(client, request, { deadline: Date.now() + 5000 }, (error: Error | null, response: Record<string, unknown>) =>
        error ? reject(error) : resolve(response),
      );
    });
  return { call, close: () => client.close() };
}
