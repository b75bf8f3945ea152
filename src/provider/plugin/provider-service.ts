/** Maps every tfplugin6.Provider RPC to its `ProviderServer` method through `wrapRpc`. */
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { ProviderServer } from './provider-server.js';
import { wrapRpc, type RpcHandler, type RpcRuntime } from './wrap-rpc.js';

/** RPC name → method name; the order follows the proto's service block. */
export const PROVIDER_RPCS = [
  ['GetMetadata', 'getMetadata'],
  ['GetProviderSchema', 'getProviderSchema'],
  ['ValidateProviderConfig', 'validateProviderConfig'],
  ['ValidateResourceConfig', 'validateResourceConfig'],
  ['ValidateDataResourceConfig', 'validateDataResourceConfig'],
  ['UpgradeResourceState', 'upgradeResourceState'],
  ['ConfigureProvider', 'configureProvider'],
  ['ReadResource', 'readResource'],
  ['PlanResourceChange', 'planResourceChange'],
  ['ApplyResourceChange', 'applyResourceChange'],
  ['ImportResourceState', 'importResourceState'],
  ['MoveResourceState', 'moveResourceState'],
  ['ReadDataSource', 'readDataSource'],
  ['ValidateEphemeralResourceConfig', 'validateEphemeralResourceConfig'],
  ['OpenEphemeralResource', 'openEphemeralResource'],
  ['RenewEphemeralResource', 'renewEphemeralResource'],
  ['CloseEphemeralResource', 'closeEphemeralResource'],
  ['GetFunctions', 'getFunctions'],
  ['CallFunction', 'callFunction'],
  ['StopProvider', 'stopProvider'],
] as const satisfies readonly (readonly [string, keyof ProviderServer])[];

export function providerService(provider: ProviderServer, runtime: RpcRuntime): UntypedServiceImplementation {
  const implementation: UntypedServiceImplementation = {};
  for (const [rpc, method] of PROVIDER_RPCS) {
    const bound = provider[method]?.bind(provider) as RpcHandler<object, object> | undefined;
    implementation[rpc] = wrapRpc(rpc, bound, runtime);
  }
  return implementation;
}
