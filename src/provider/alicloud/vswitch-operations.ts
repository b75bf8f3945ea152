/** The handlers of `vswitchResource` (contract and schema in `vswitch.ts`); loaded on first use, with the SDK. */
import { buildClientToken, byStatus, callWithRetry, orNotFound, waitFor, waitGone, type CallOptions, type CloudClients } from '../client/index.js';
import { $Vpc } from '../client/sdk-vpc.js';
import type { StateInput } from '../framework/index.js';
import { callOptions, mapOf, mustExist, nullIfEmpty, readOptions, tagsState, textOf, vpcTagEntries } from './resource-values.js';
import { updateVpcTags } from './vpc-tags.js';
import type { ResourceHandlers } from './lazy-definition.js';

type VSwitch = $Vpc.DescribeVSwitchAttributesResponseBody;

const subject = (id: string): string => `VSwitch (${id})`;
const CREATE_RETRY_CODES = [
  'TaskConflict',
  'IncorrectStatus',
  'IncorrectVpcStatus',
  'IncorrectVSwitchStatus',
  'OperationConflict',
  'OperationFailed.IdempotentTokenProcessing',
  'InvalidStatus.RouteEntry',
];

async function findVSwitch(client: CloudClients, vSwitchId: string, options: CallOptions): Promise<VSwitch | undefined> {
  const request = new $Vpc.DescribeVSwitchAttributesRequest({ regionId: client.config.regionId, vSwitchId });
  const response = await orNotFound(
    () => callWithRetry(async () => (await client.vpc()).describeVSwitchAttributesWithOptions(request, client.runtime()), { ...options, action: 'DescribeVSwitchAttributes' }),
    undefined,
  );
  return response?.body?.vSwitchId ? response.body : undefined;
}

async function waitAvailable(client: CloudClients, vSwitchId: string, options: CallOptions): Promise<void> {
  await waitFor<VSwitch>({
    subject: subject(vSwitchId),
    refresh: byStatus(() => findVSwitch(client, vSwitchId, options)),
    pending: ['Pending'],
    target: ['Available'],
    minTimeoutMs: 1000,
    ...options,
  });
}

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
    const options = callOptions(request, 'create');
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
    const response = await callWithRetry(async () => (await client.vpc()).createVSwitchWithOptions(createRequest, client.runtime()), {
      ...options,
      action: 'CreateVSwitch',
      retryCodes: CREATE_RETRY_CODES,
    });
    const vSwitchId = response.body?.vSwitchId;
    if (!vSwitchId) throw new Error('CreateVSwitch answered without a VSwitchId');
    request.created({ id: vSwitchId });
    await waitAvailable(client, vSwitchId, options);
    return mustExist(await readVSwitch(client, vSwitchId, options), subject(vSwitchId), 'create');
  },

  async read(request) {
    return readVSwitch(request.client, request.state['id'] as string, readOptions(request));
  },

  async update(request) {
    const { client, config, prior } = request;
    const vSwitchId = prior['id'] as string;
    const options = callOptions(request, 'update');
    const modify = new $Vpc.ModifyVSwitchAttributeRequest({ regionId: client.config.regionId, vSwitchId });
    const name = textOf(config, 'vswitch_name') ?? textOf(config, 'name');
    const description = textOf(config, 'description');
    let changed = false;
    if (name !== undefined && name !== prior['vswitch_name']) {
      modify.vSwitchName = name;
      changed = true;
    }
    if (description !== undefined && description !== prior['description']) {
      modify.description = description;
      changed = true;
    }
    if (changed) {
      await callWithRetry(async () => (await client.vpc()).modifyVSwitchAttributeWithOptions(modify, client.runtime()), {
        ...options,
        action: 'ModifyVSwitchAttribute',
        retryCodes: ['OperationConflict', 'IncorrectVSwitchStatus'],
      });
      await waitAvailable(client, vSwitchId, options);
    }
    await updateVpcTags(client, 'VSWITCH', vSwitchId, mapOf(prior, 'tags'), mapOf(config, 'tags'), options);
    return mustExist(await readVSwitch(client, vSwitchId, options), subject(vSwitchId), 'update');
  },

  async delete(request) {
    const { client } = request;
    const vSwitchId = request.state['id'] as string;
    const options = callOptions(request, 'delete');
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
    await waitGone(() => findVSwitch(client, vSwitchId, options), { subject: subject(vSwitchId), minTimeoutMs: 1000, ...options });
  },
};
