/**
 * How the console reads the cloud: the API's own handlers, called in-process
 * as the account being shown, so a tenant sees exactly what its SDK calls
 * would return (shared images included, other accounts' resources never).
 * The admin sees every account by reading as each of them in turn.
 */
import type { Kysely } from 'kysely';
import { ECS_VERSION, VPC_VERSION, type Account, type ActionResult, type CloudSettings } from '../api/action.js';
import { Params } from '../api/params.js';
import type { ActionRegistry } from '../api/registry.js';
import { dispatch } from '../http/dispatch.js';
import type { Database } from '../store/schema.js';

export type Row = Readonly<Record<string, unknown>>;

/** A Describe action and where its list sits in the answer (`Images.Image`). */
export interface ListAction {
  readonly version: string;
  readonly action: string;
  readonly list: readonly [string, string];
  readonly pageSize: number;
}

export const LISTS = {
  images: { version: ECS_VERSION, action: 'DescribeImages', list: ['Images', 'Image'], pageSize: 100 },
  instances: { version: ECS_VERSION, action: 'DescribeInstances', list: ['Instances', 'Instance'], pageSize: 100 },
  disks: { version: ECS_VERSION, action: 'DescribeDisks', list: ['Disks', 'Disk'], pageSize: 100 },
  snapshots: { version: ECS_VERSION, action: 'DescribeSnapshots', list: ['Snapshots', 'Snapshot'], pageSize: 100 },
  securityGroups: { version: ECS_VERSION, action: 'DescribeSecurityGroups', list: ['SecurityGroups', 'SecurityGroup'], pageSize: 100 },
  vpcs: { version: VPC_VERSION, action: 'DescribeVpcs', list: ['Vpcs', 'Vpc'], pageSize: 50 },
  vswitches: { version: VPC_VERSION, action: 'DescribeVSwitches', list: ['VSwitches', 'VSwitch'], pageSize: 50 },
} as const satisfies Record<string, ListAction>;

export interface ReaderDeps {
  readonly registry: ActionRegistry;
  readonly db: Kysely<Database>;
  readonly settings: CloudSettings;
  readonly now: () => number;
}

export class ApiReader {
  readonly #deps: ReaderDeps;

  constructor(deps: ReaderDeps) {
    this.#deps = deps;
  }

  /** One action as `account`; throws the handler's EcsError as the API would. */
  async call(account: Account, regionId: string, version: string, action: string, params: Record<string, string> = {}): Promise<ActionResult> {
    const routed = this.#deps.registry.find(version, action);
    if (routed === undefined) throw new Error(`console bug: no action ${version} ${action}`);
    return dispatch(routed, this.#deps.db, {
      requestId: 'console',
      action,
      account,
      regionId,
      params: Params.of({ RegionId: regionId, ...params }),
      now: this.#deps.now,
      settings: this.#deps.settings,
    });
  }

  /** Every page of a Describe action, as `account`. */
  async all(account: Account, regionId: string, list: ListAction, params: Record<string, string> = {}): Promise<Row[]> {
    const rows: Row[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await this.call(account, regionId, list.version, list.action, {
        ...params,
        PageNumber: String(page),
        PageSize: String(list.pageSize),
      });
      const items = listOf(answer, list.list);
      rows.push(...items);
      const total = Number(answer['TotalCount'] ?? rows.length);
      if (items.length < list.pageSize || rows.length >= total) return rows;
    }
  }

  async regions(account: Account): Promise<string[]> {
    const answer = await this.call(account, this.#deps.settings.defaultRegionId, ECS_VERSION, 'DescribeRegions');
    return listOf(answer, ['Regions', 'Region']).map((region) => String(region['RegionId']));
  }
}

export function listOf(answer: ActionResult, [outer, inner]: readonly [string, string]): Row[] {
  const wrapper = answer[outer] as Record<string, unknown> | undefined;
  const items = wrapper?.[inner];
  return Array.isArray(items) ? (items as Row[]) : [];
}
