/**
 * The lists of instances, disks, snapshots, VPCs, vSwitches and security
 * groups: one Describe action each, read as every account the viewer sees,
 * with the fields a user looks for and links between them. `?id=` narrows a
 * list to one resource (where the other pages' links land).
 */
import type { Account } from '../../api/action.js';
import { LISTS, type ListAction, type Row } from '../api-reader.js';
import { html, type Html } from '../html.js';
import { CONSOLE_PATH } from '../layout.js';
import {
  asEachAccount,
  regionOf,
  regionPicker,
  resourceLink,
  text,
  type PageContext,
  type PageView,
  type ResourceKind,
} from '../page-context.js';

interface Column {
  readonly label: string;
  readonly field: string;
  /** The kind the value names, rendered as a link to it. */
  readonly link?: ResourceKind;
}

interface ResourceList {
  readonly title: string;
  readonly list: ListAction;
  readonly idField: string;
  readonly columns: readonly Column[];
}

const securityGroupIds = (row: Row): unknown => (row['SecurityGroupIds'] as { SecurityGroupId?: unknown[] } | undefined)?.SecurityGroupId ?? [];
const vpcOf = (row: Row): unknown => (row['VpcAttributes'] as { VpcId?: unknown } | undefined)?.VpcId;
const vswitchOf = (row: Row): unknown => (row['VpcAttributes'] as { VSwitchId?: unknown } | undefined)?.VSwitchId;

/** Fields that sit deeper in an answer than the top level. */
const DERIVED: Readonly<Record<string, (row: Row) => unknown>> = {
  'instance.vpc': vpcOf,
  'instance.vswitch': vswitchOf,
  'instance.securityGroups': securityGroupIds,
};

export const RESOURCE_LISTS: Readonly<Record<Exclude<ResourceKind, 'images'>, ResourceList>> = {
  instances: {
    title: 'Instances',
    list: LISTS.instances,
    idField: 'InstanceId',
    columns: [
      { label: 'ID', field: 'InstanceId' },
      { label: 'Name', field: 'InstanceName' },
      { label: 'Status', field: 'Status' },
      { label: 'Type', field: 'InstanceType' },
      { label: 'Image', field: 'ImageId', link: 'images' },
      { label: 'Zone', field: 'ZoneId' },
      { label: 'VPC', field: 'instance.vpc', link: 'vpcs' },
      { label: 'vSwitch', field: 'instance.vswitch', link: 'vswitches' },
      { label: 'Security groups', field: 'instance.securityGroups', link: 'security-groups' },
      { label: 'Created', field: 'CreationTime' },
    ],
  },
  disks: {
    title: 'Disks',
    list: LISTS.disks,
    idField: 'DiskId',
    columns: [
      { label: 'ID', field: 'DiskId' },
      { label: 'Name', field: 'DiskName' },
      { label: 'Status', field: 'Status' },
      { label: 'Type', field: 'Type' },
      { label: 'Category', field: 'Category' },
      { label: 'Size (GiB)', field: 'Size' },
      { label: 'Instance', field: 'InstanceId', link: 'instances' },
      { label: 'Image', field: 'ImageId', link: 'images' },
      { label: 'Snapshot', field: 'SourceSnapshotId', link: 'snapshots' },
      { label: 'Zone', field: 'ZoneId' },
    ],
  },
  snapshots: {
    title: 'Snapshots',
    list: LISTS.snapshots,
    idField: 'SnapshotId',
    columns: [
      { label: 'ID', field: 'SnapshotId' },
      { label: 'Name', field: 'SnapshotName' },
      { label: 'Status', field: 'Status' },
      { label: 'Progress', field: 'Progress' },
      { label: 'Source disk', field: 'SourceDiskId', link: 'disks' },
      { label: 'Disk size (GiB)', field: 'SourceDiskSize' },
      { label: 'Disk type', field: 'SourceDiskType' },
      { label: 'Created', field: 'CreationTime' },
    ],
  },
  vpcs: {
    title: 'VPCs',
    list: LISTS.vpcs,
    idField: 'VpcId',
    columns: [
      { label: 'ID', field: 'VpcId' },
      { label: 'Name', field: 'VpcName' },
      { label: 'Status', field: 'Status' },
      { label: 'CIDR block', field: 'CidrBlock' },
      { label: 'Description', field: 'Description' },
      { label: 'Created', field: 'CreationTime' },
    ],
  },
  vswitches: {
    title: 'vSwitches',
    list: LISTS.vswitches,
    idField: 'VSwitchId',
    columns: [
      { label: 'ID', field: 'VSwitchId' },
      { label: 'Name', field: 'VSwitchName' },
      { label: 'Status', field: 'Status' },
      { label: 'VPC', field: 'VpcId', link: 'vpcs' },
      { label: 'Zone', field: 'ZoneId' },
      { label: 'CIDR block', field: 'CidrBlock' },
      { label: 'Free IPs', field: 'AvailableIpAddressCount' },
    ],
  },
  'security-groups': {
    title: 'Security groups',
    list: LISTS.securityGroups,
    idField: 'SecurityGroupId',
    columns: [
      { label: 'ID', field: 'SecurityGroupId' },
      { label: 'Name', field: 'SecurityGroupName' },
      { label: 'Type', field: 'SecurityGroupType' },
      { label: 'VPC', field: 'VpcId', link: 'vpcs' },
      { label: 'Description', field: 'Description' },
      { label: 'Created', field: 'CreationTime' },
    ],
  },
};

function cell(column: Column, row: Row, regionId: string, account: Account): Html {
  const value = DERIVED[column.field]?.(row) ?? row[column.field];
  const kind = column.link;
  if (kind === undefined) return html`<td>${text(value)}</td>`;
  const values = Array.isArray(value) ? value : [value];
  return html`<td>${values.map((item, index) => html`${index > 0 ? ', ' : ''}${resourceLink(kind, regionId, item, account)}`)}</td>`;
}

export function resourcePage(kind: Exclude<ResourceKind, 'images'>) {
  const spec = RESOURCE_LISTS[kind];
  return async (ctx: PageContext): Promise<PageView> => {
    const regionId = regionOf(ctx);
    const wanted = ctx.query.get('id')?.trim() ?? '';
    const rows = (await asEachAccount(ctx, (account) => ctx.reader.all(account, regionId, spec.list))).filter(
      ({ row }) => wanted === '' || row[spec.idField] === wanted,
    );
    const regions = await ctx.reader.regions(ctx.viewer.accounts[0] as Account);
    const { columns } = spec;
    const body = html`<form method="get" action="${CONSOLE_PATH}${kind}" class="filters" aria-label="${spec.title} filters">
${regionPicker(regions, regionId)}<label>ID <input name="id" value="${wanted}"></label><button type="submit">Show</button></form>
<div class="table-wrap"><table><caption>${rows.length} ${spec.title.toLowerCase()} in ${regionId}</caption>
<thead><tr>${columns.map((column) => html`<th scope="col">${column.label}</th>`)}${ctx.viewer.isAdmin ? html`<th scope="col">Account</th>` : ''}</tr></thead>
<tbody>${rows.map(
      ({ account, row }) =>
        html`<tr>${columns.map((column) => cell(column, row, regionId, account))}${
          ctx.viewer.isAdmin ? html`<td>${account.id}</td>` : ''
        }</tr>`,
    )}</tbody></table></div>`;
    return { title: spec.title, body };
  };
}
