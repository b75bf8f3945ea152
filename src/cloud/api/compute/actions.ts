/**
 * The compute area's ECS actions: instances, disks and snapshots, the
 * resources images are made from. Each handler lives in its own file.
 */
import type { ActionTable } from '../action.js';
import { createInstance, runInstances } from './launch-instances.js';
import { describeInstances } from './describe-instances.js';
import { startInstance, stopInstance } from './instance-power.js';
import { deleteInstance } from './delete-instance.js';
import { createDisk } from './create-disk.js';
import { describeDisks } from './describe-disks.js';
import { attachDisk, detachDisk } from './disk-attachment.js';
import { deleteDisk } from './delete-disk.js';
import { createSnapshot } from './create-snapshot.js';
import { describeSnapshots } from './describe-snapshots.js';
import { deleteSnapshot } from './delete-snapshot.js';
import { modifyInstanceAttribute } from './modify-instance-attribute.js';
import { modifyDiskAttribute } from './modify-disk-attribute.js';
import { resizeDisk } from './resize-disk.js';
import { modifySnapshotAttribute } from './modify-snapshot-attribute.js';
import { modifyInstanceNetworkSpec } from './modify-instance-network-spec.js';
import { modifyInstanceSpec, modifyPrepayInstanceSpec } from './modify-instance-spec.js';
import { modifyInstanceVpcAttribute } from './modify-instance-vpc-attribute.js';
import { modifyDiskChargeType, modifyInstanceChargeType } from './modify-charge-type.js';
import { modifyDiskSpec } from './modify-disk-spec.js';
import {
  describeInstanceAttachmentAttributes,
  describeInstanceAttribute,
  describeInstanceAutoRenewAttribute,
  describeInstanceMaintenanceAttributes,
  describeInstanceRamRole,
  describeNetworkInterfaces,
  describeUserData,
} from './instance-reads.js';

export const computeEcsActions: ActionTable = {
  RunInstances: { handler: runInstances, regionIdRequired: true },
  CreateInstance: { handler: createInstance, regionIdRequired: true },
  DescribeInstances: { handler: describeInstances, readOnly: true, regionIdRequired: true },
  StartInstance: { handler: startInstance },
  StopInstance: { handler: stopInstance },
  DeleteInstance: { handler: deleteInstance },
  CreateDisk: { handler: createDisk, regionIdRequired: true },
  DescribeDisks: { handler: describeDisks, readOnly: true, regionIdRequired: true },
  AttachDisk: { handler: attachDisk },
  DetachDisk: { handler: detachDisk },
  DeleteDisk: { handler: deleteDisk },
  CreateSnapshot: { handler: createSnapshot },
  DescribeSnapshots: { handler: describeSnapshots, readOnly: true, regionIdRequired: true },
  DeleteSnapshot: { handler: deleteSnapshot },
  ModifyInstanceAttribute: { handler: modifyInstanceAttribute },
  ModifyDiskAttribute: { handler: modifyDiskAttribute },
  ResizeDisk: { handler: resizeDisk },
  ModifySnapshotAttribute: { handler: modifySnapshotAttribute },
  ModifyInstanceNetworkSpec: { handler: modifyInstanceNetworkSpec },
  DescribeInstanceAttribute: { handler: describeInstanceAttribute, readOnly: true },
  DescribeUserData: { handler: describeUserData, readOnly: true, regionIdRequired: true },
  // aliyungo's spelling, which has its own page in the 2021 reference.
  DescribeUserdata: { handler: describeUserData, readOnly: true, regionIdRequired: true },
  DescribeInstanceRamRole: { handler: describeInstanceRamRole, readOnly: true, regionIdRequired: true },
  DescribeNetworkInterfaces: { handler: describeNetworkInterfaces, readOnly: true, regionIdRequired: true },
  DescribeInstanceMaintenanceAttributes: { handler: describeInstanceMaintenanceAttributes, readOnly: true, regionIdRequired: true },
  DescribeInstanceAutoRenewAttribute: { handler: describeInstanceAutoRenewAttribute, readOnly: true, regionIdRequired: true },
  DescribeInstanceAttachmentAttributes: { handler: describeInstanceAttachmentAttributes, readOnly: true, regionIdRequired: true },
  ModifyInstanceSpec: { handler: modifyInstanceSpec },
  ModifyPrepayInstanceSpec: { handler: modifyPrepayInstanceSpec, regionIdRequired: true },
  ModifyInstanceVpcAttribute: { handler: modifyInstanceVpcAttribute },
  ModifyInstanceChargeType: { handler: modifyInstanceChargeType, regionIdRequired: true },
  ModifyDiskChargeType: { handler: modifyDiskChargeType, regionIdRequired: true },
  ModifyDiskSpec: { handler: modifyDiskSpec },
};
