/**
 * The VPC actions ECS still serves under its own version (2014-05-26):
 * CreateVpc, DescribeVpcs, DeleteVpc, ModifyVpcAttribute, CreateVSwitch,
 * DescribeVSwitches, DeleteVSwitch, ModifyVSwitchAttribute. Packer 1.6 and
 * aliyungo call these. They are facades over the VPC product's handlers, so
 * both versions see, change and delete the same VPCs and vSwitches: each one
 * reads only the parameters the ECS version takes and answers the ECS shape
 * (a subset of the VPC product's fields).
 */
import type { ActionContext, ActionDefinition, ActionResult, ActionTable } from '../action.js';
import { Params } from '../params.js';
import { vpcActions } from './vpc-actions.js';
import { vswitchActions } from './vswitch-actions.js';
import { vpcModifyActions } from './modify-actions.js';

interface Facade {
  /** The parameters the ECS version accepts; the VPC-only ones are dropped before the handler reads them. */
  readonly accepts: readonly string[];
  /** The ECS answer's fields, from the VPC answer. */
  readonly answer?: (result: ActionResult) => ActionResult;
}

const PAGING = ['PageNumber', 'PageSize'];
const VPC_ITEM_FIELDS = [
  'VpcId', 'VpcName', 'Description', 'RegionId', 'Status', 'CidrBlock', 'CreationTime', 'IsDefault', 'VRouterId',
  'VSwitchIds', 'UserCidrs', 'SecondaryCidrBlocks', 'RouterTableIds',
];
const VSWITCH_ITEM_FIELDS = [
  'VSwitchId', 'VSwitchName', 'Description', 'VpcId', 'ZoneId', 'Status', 'CidrBlock', 'CreationTime', 'IsDefault',
  'AvailableIpAddressCount', 'ResourceGroupId',
];

function pick(record: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((field) => field in record).map((field) => [field, record[field]]));
}

/** `{PageNumber, PageSize, TotalCount, <Outer>: {<Inner>: [picked items]}}`. */
function listAnswer(outer: string, inner: string, fields: readonly string[]) {
  return (result: ActionResult): ActionResult => {
    const items = ((result[outer] as Record<string, unknown> | undefined)?.[inner] ?? []) as Array<Record<string, unknown>>;
    return { ...pick(result, ['PageNumber', 'PageSize', 'TotalCount']), [outer]: { [inner]: items.map((item) => pick(item, fields)) } };
  };
}

function facade(definition: ActionDefinition | undefined, spec: Facade, regionIdRequired = false): ActionDefinition {
  if (definition === undefined) throw new Error('cloud bug: an ECS VPC facade has no VPC handler');
  const accepted = new Set(spec.accepts);
  return {
    ...definition,
    regionIdRequired,
    handler: async (ctx: ActionContext) => {
      const params = new Params(new Map([...ctx.params.entries()].filter(([name]) => accepted.has(name))));
      const result = await definition.handler({ ...ctx, params });
      return spec.answer === undefined ? {} : spec.answer(result);
    },
  };
}

export const ecsVpcActions: ActionTable = {
  CreateVpc: facade(
    vpcActions['CreateVpc'],
    {
      accepts: ['CidrBlock', 'VpcName', 'Description', 'ClientToken', 'UserCidr'],
      answer: (result) => pick(result, ['VpcId', 'VRouterId', 'RouteTableId']),
    },
    true,
  ),
  DescribeVpcs: facade(vpcActions['DescribeVpcs'], { accepts: ['VpcId', 'IsDefault', ...PAGING], answer: listAnswer('Vpcs', 'Vpc', VPC_ITEM_FIELDS) }, true),
  DeleteVpc: facade(vpcActions['DeleteVpc'], { accepts: ['VpcId'] }),
  ModifyVpcAttribute: facade(vpcModifyActions['ModifyVpcAttribute'], { accepts: ['VpcId', 'VpcName', 'Description', 'CidrBlock', 'UserCidr'] }),
  CreateVSwitch: facade(vswitchActions['CreateVSwitch'], {
    accepts: ['CidrBlock', 'VpcId', 'ZoneId', 'VSwitchName', 'Description', 'ClientToken'],
    answer: (result) => pick(result, ['VSwitchId']),
  }),
  DescribeVSwitches: facade(vswitchActions['DescribeVSwitches'], {
    accepts: ['VpcId', 'VSwitchId', 'ZoneId', 'IsDefault', ...PAGING],
    answer: listAnswer('VSwitches', 'VSwitch', VSWITCH_ITEM_FIELDS),
  }),
  DeleteVSwitch: facade(vswitchActions['DeleteVSwitch'], { accepts: ['VSwitchId'] }),
  ModifyVSwitchAttribute: facade(vpcModifyActions['ModifyVSwitchAttribute'], { accepts: ['VSwitchId', 'VSwitchName', 'Description'] }),
};
