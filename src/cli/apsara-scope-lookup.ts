/**
 * The Apsara Stack tenant `ecs-image env` exports for the alibabacloudstack provider, which
 * refuses to start without one (department + resource set). In the local cloud's tenant model
 * (`cloud/http/apsara-scope.ts`) the department is the account's numeric id and a resource
 * set is one of its resource groups other than the default one; one Resource Manager call
 * (ListResourceGroups) gives both. `dev` is preferred, as every account is seeded with it.
 */
import { $OpenApiUtil } from '@alicloud/openapi-core';
import ResourceManagerModule, { ListResourceGroupsRequest } from '@alicloud/resourcemanager20200331';
import type { CloudTarget } from './terraform-wiring.js';

export interface ApsaraScope {
  readonly department: string;
  readonly resourceGroup: string;
}

/** The package is CommonJS: under Node's ESM loader the client class is at `.default`. */
function clientClass(): typeof ResourceManagerModule.default {
  const module: unknown = ResourceManagerModule;
  return typeof module === 'function' ? (module as typeof ResourceManagerModule.default) : ResourceManagerModule.default;
}

const PREFERRED_RESOURCE_SET = 'dev';
const DEFAULT_GROUP = 'default';

export async function lookupApsaraScope(target: CloudTarget): Promise<ApsaraScope> {
  const url = new URL(/^[a-z]+:\/\//i.test(target.url) ? target.url : `https://${target.url}`);
  const Client = clientClass();
  const client = new Client(
    new $OpenApiUtil.Config({
      accessKeyId: target.accessKeyId,
      accessKeySecret: target.accessKeySecret,
      ...(target.securityToken ? { securityToken: target.securityToken } : {}),
      regionId: target.regionId,
      endpoint: url.host,
      protocol: url.protocol.replace(':', ''),
      connectTimeout: 5_000,
      readTimeout: 10_000,
    }),
  );
  const response = await client.listResourceGroups(new ListResourceGroupsRequest({ pageSize: 100 }));
  const groups = response.body?.resourceGroups?.resourceGroup ?? [];
  const sets = groups.filter((group) => group.name !== DEFAULT_GROUP && group.id && group.accountId);
  const chosen = sets.find((group) => group.name === PREFERRED_RESOURCE_SET) ?? sets[0];
  if (!chosen?.id || !chosen.accountId) throw new Error('the account has no resource group other than the default one');
  return { department: chosen.accountId, resourceGroup: chosen.id };
}
