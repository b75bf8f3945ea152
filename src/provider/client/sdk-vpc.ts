/**
 * The VPC SDK, loaded only by what uses VPC (the `alicloud_vpc` and `alicloud_vswitch`
 * handlers, and `CloudClients.vpc()`): see `sdk-core.ts` for why products load apart.
 */
import vpcModule from '@alicloud/vpc20160428';
import { classOf } from './sdk-class.js';

export * as $Vpc from '@alicloud/vpc20160428';

export const VpcClient = classOf(vpcModule);
export type VpcClient = InstanceType<typeof vpcModule.default>;
