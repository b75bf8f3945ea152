/**
 * Debug/test mode without the managed handshake, as terraform-plugin-go's debug serving
 * does: start the provider yourself (plaintext, e.g. in the test process with
 * `startPluginServer(provider, { env: {}, logger })`) and give terraform
 * `TF_REATTACH_PROVIDERS`. Terraform then neither launches, TLS-wraps nor
 * shuts down the provider and needs no `terraform init` for it — a whole apply takes a
 * fraction of a second, and in-process state survives across commands.
 *
 * Terraform must not be run with a synchronous spawn from the process serving the provider:
 * the blocked event loop could not answer it.
 */
import type { RunningPlugin } from './plugin-server.js';

/**
 * The `TF_REATTACH_PROVIDERS` value for one provider. `source` is the full provider
 * address, e.g. `registry.terraform.io/aliyun/alicloud`.
 */
export function reattachProvidersValue(running: RunningPlugin, source: string, pid: number = process.pid): string {
  if (running.certificate !== undefined) {
    throw new Error('reattach needs a plaintext server: start it without PLUGIN_CLIENT_CERT');
  }
  return JSON.stringify({
    [source]: {
      Protocol: 'grpc',
      ProtocolVersion: 6,
      Pid: pid,
      Test: true,
      Addr: { Network: 'unix', String: running.socketPath },
    },
  });
}
