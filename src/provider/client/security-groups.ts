/** ECS security groups: find, as `images.ts` does for images (a group has no states to wait for). */
import { callWithRetry, type CallOptions } from './call.js';
import type { CloudClients } from './clients.js';
import { orNotFound } from './errors.js';
import { $Ecs } from './sdk.js';

export type SecurityGroup = $Ecs.DescribeSecurityGroupsResponseBodySecurityGroupsSecurityGroup;

export const securityGroupSubject = (id: string): string => `Security Group (${id})`;

/**
 * The group as DescribeSecurityGroups lists it, with its `InnerAccessPolicy` from
 * DescribeSecurityGroupAttribute (the list does not carry it); undefined when either says
 * the group does not exist.
 */
export async function findSecurityGroup(
  client: CloudClients,
  securityGroupId: string,
  options: CallOptions,
): Promise<{ readonly group: SecurityGroup; readonly innerAccessPolicy: string } | undefined> {
  const listRequest = new $Ecs.DescribeSecurityGroupsRequest({ regionId: client.config.regionId, securityGroupId });
  const listed = await callWithRetry(() => client.ecs.describeSecurityGroupsWithOptions(listRequest, client.runtime()), { ...options, action: 'DescribeSecurityGroups' });
  const group = listed.body?.securityGroups?.securityGroup?.find((candidate) => candidate.securityGroupId === securityGroupId);
  if (group === undefined) return undefined;
  const attributeRequest = new $Ecs.DescribeSecurityGroupAttributeRequest({ regionId: client.config.regionId, securityGroupId });
  const attribute = await orNotFound(
    () => callWithRetry(() => client.ecs.describeSecurityGroupAttributeWithOptions(attributeRequest, client.runtime()), { ...options, action: 'DescribeSecurityGroupAttribute' }),
    undefined,
  );
  return attribute === undefined ? undefined : { group, innerAccessPolicy: attribute.body?.innerAccessPolicy ?? '' };
}
