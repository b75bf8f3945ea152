/**
 * The network area's action tables: security groups, their rules and the legacy
 * ECS-versioned VPC actions on ECS (2014-05-26);
 * VPCs, vSwitches, the system route table and the VPC product's tag actions
 * on VPC (2016-04-28).
 */
import type { ActionTable } from '../action.js';
import { tagsVpcActions } from '../tags/actions.js';
import { ecsVpcActions } from './ecs-vpc-actions.js';
import { securityGroupActions } from './security-group-actions.js';
import { securityGroupRuleActions } from './rule-actions.js';
import { vpcActions } from './vpc-actions.js';
import { vswitchActions } from './vswitch-actions.js';
import { securityGroupModifyActions, vpcModifyActions } from './modify-actions.js';
import { secondaryCidrActions } from './secondary-cidrs.js';

export const networkEcsActions: ActionTable = { ...securityGroupActions, ...securityGroupModifyActions, ...securityGroupRuleActions, ...ecsVpcActions };
export const networkVpcActions: ActionTable = { ...vpcActions, ...vswitchActions, ...tagsVpcActions, ...vpcModifyActions, ...secondaryCidrActions };
