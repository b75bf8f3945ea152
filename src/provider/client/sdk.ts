/**
 * The ECS SDK, loaded by the handlers that call ECS (through `client/index.ts`) and by
 * `CloudClients.prepare()`; see `sdk-core.ts` for why products load apart.
 */
import ecsModule from '@alicloud/ecs20140526';
import { classOf } from './sdk-class.js';

export * as $Ecs from '@alicloud/ecs20140526';

export const EcsClient = classOf(ecsModule);
export type EcsClient = InstanceType<typeof ecsModule.default>;
