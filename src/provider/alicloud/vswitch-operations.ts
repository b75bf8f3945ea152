/** The handlers of `vswitchResource` (contract and schema in `vswitch.ts`); loaded on first use, with the SDK. */
import { buildClientToken, callWithRetry, orNotFound, type CallOptions, type CloudClients } from '../client/index.js';
import { $Vpc } from '../client/sdk-vpc.js';
import { updateVpcTags } from '../client/vpc-tags.js';
import { findVSwitch, vswitchSubject, waitVSwitchAvailable, waitVSwitchGone } from '../client/vswitches.js';
import type { StateInput } from '../framework/index.js';
import type { ResourceHandlers } from '../shared/lazy-definition.js';
import { createResource, modifyIfChanged, operationOptions, readOptions, updateResource } from '../shared/operations.js';
import { mapOf, nullIfEmpty, tagsState, textOf, vpcTagEntries } from '../shared/values.js';

const CREATE_RETRY_CODES = [
  'TaskConflict',
  'IncorrectStatus',
  'IncorrectVpcStatus',
  'IncorrectVSwitchStatus',
  'OperationConflict',
  'OperationFailed.IdempotentTokenProcessing',
  'InvalidStatus.RouteEntry',
];

async function readVSwitch(client: CloudClients, vSwitchId: string, options: CallOptions): Promise<StateInput | null> {
  const found = await findVSwitch(client, vSwitchId, options);
  if (found === undefined) return null;
  return {
    id: vSwitchId,
    vpc_id: found.vpcId ?? '',
    cidr_block: found.cidrBlock ?? '',
    zone_id: found.zoneId ?? '',
    availability_zone: found.zoneId ?? '',
    vswitch_name: found.vSwitchName ?? '',
    name: found.vSwitchName ?? '',
    description: nullIfEmpty(found.description),
    status: found.status ?? '',
    create_time: found.creationTime ?? '',
    ipv6_cidr_block: found.ipv6CidrBlock ?? '',
    tags: tagsState(client, vpcTagEntries(found.tags)),
  };
}

export const vswitchOperations: ResourceHandlers = {
  async create(request) {
    const { client, config } = request;
    const createRequest = new $Vpc.CreateVSwitchRequest({
      regionId: client.config.regionId,
      clientToken: buildClientToken('CreateVSwitch'),
      vpcId: textOf(config, 'vpc_id'),
      zoneId: textOf(config, 'zone_id') ?? textOf(config, 'availability_zone'),
      cidrBlock: textOf(config, 'cidr_block'),
      vSwitchName: textOf(config, 'vswitch_name') ?? textOf(config, 'name'),
      description: textOf(config, 'description'),
      tag: Object.entries(mapOf(config, 'tags')).map(([key, value]) => new $Vpc.CreateVSwitchRequestTag({ key, value })),
    });
    return createResource(request, {
      subject: vswitchSubject,
      action: 'CreateVSwitch',
      retryCodes: CREATE_RETRY_CODES,
      send: async (options) => (await callWithRetry(async () => (await client.vpc()).createVSwitchWithOptions(createRequest, client.runtime()), options)).body?.vSwitchId,
      settle: (vSwitchId, options) => waitVSwitchAvailable(client, vSwitchId, options),
      read: (vSwitchId, options) => readVSwitch(client, vSwitchId, options),
    });
  },

  async read(request) {
    return readVSwitch(request.client, request.state['id'] as string, readOptions(request));
  },

  async update(request) {
    const { client, config, prior } = request;
    return updateResource(request, {
      subject: vswitchSubject,
      async apply(vSwitchId, options) {
        const modified = await modifyIfChanged<$Vpc.ModifyVSwitchAttributeRequest>(
          prior,
          {
            vSwitchName: [textOf(config, 'vswitch_name') ?? textOf(config, 'name'), 'vswitch_name'],
            description: [textOf(config, 'description'), 'description'],
          },
          async (changes) => {
            const modify = new $Vpc.ModifyVSwitchAttributeRequest({ regionId: client.config.regionId, vSwitchId, ...changes });
            await callWithRetry(async () => (await client.vpc()).modifyVSwitchAttributeWithOptions(modify, client.runtime()), {
              ...options,
              action: 'ModifyVSwitchAttribute',
              retryCodes: ['OperationConflict', 'IncorrectVSwitchStatus'],
            });
          },
        );
        if (modified) await waitVSwitchAvailable(client, vSwitchId, options);
        await updateVpcTags(client, 'VSWITCH', vSwitchId, mapOf(prior, 'tags'), mapOf(config, 'tags'), options);
      },
      read: (vSwitchId, options) => readVSwitch(client, vSwitchId, options),
    });
  },

  async delete(request) {
    const { client } = request;
    const vSwitchId = request.state['id'] as string;
    const options = operationOptions(request, 'delete');
    const deleteRequest = new $Vpc.DeleteVSwitchRequest({ regionId: client.config.regionId, vSwitchId });
    const deleted = await orNotFound(
      () =>
        callWithRetry(async () => (await client.vpc()).deleteVSwitchWithOptions(deleteRequest, client.runtime()), {
          ...options,
          action: 'DeleteVSwitch',
          retryable: (error) =>
            error.code.startsWith('DependencyViolation') ||
            ['OperationConflict', 'IncorrectRouteEntryStatus', 'InternalError', 'TaskConflict', 'IncorrectVSwitchStatus', 'ServiceUnavailable'].includes(error.code) ||
            error.code.includes('Throttling') ||
            (error.status !== undefined && error.status >= 500) ||
            error.kind === 'transport',
        }),
      undefined,
    );
    if (deleted === undefined) return;
    await waitVSwitchGone(client, vSwitchId, options);
  },
};
