/**
 * DescribeInstanceTypes: the catalog's types, filtered, paged with
 * `MaxResults` (1–1600, default 1600) and an opaque `NextToken`.
 */
import type { ActionContext, ActionResult } from '../action.js';
import { EcsError } from '../errors.js';
import type { Params } from '../params.js';
import { hexToken, tokenOffset } from '../paging.js';
import { listInstanceTypes, type InstanceType } from './catalog.js';

/** Offsets stay below 1600 (the catalog's size), so six digits are plenty. */
const TOKENS = hexToken('it', 6);

type Filter = (type: InstanceType) => boolean;

export async function describeInstanceTypes(ctx: ActionContext): Promise<ActionResult> {
  const { params } = ctx;
  const maxResults = params.integer('MaxResults', { min: 1, max: 1600 }) ?? 1600;
  const offset = tokenOffset(params, TOKENS);
  const filters = buildFilters(params);
  const matching = listInstanceTypes().filter((type) => filters.every((filter) => filter(type)));
  const page = matching.slice(offset, offset + maxResults);
  const next = offset + page.length;
  return {
    InstanceTypes: { InstanceType: page.map(instanceTypeView) },
    NextToken: next < matching.length ? TOKENS.encode(next) : '',
  };
}

function buildFilters(params: Params): Filter[] {
  const filters: Filter[] = [];
  const ids = params.list('InstanceTypes');
  if (ids.length > 10) throw EcsError.invalidParameter('InstanceTypes');
  if (ids.length > 0) filters.push((type) => ids.includes(type.instanceTypeId));
  const families = [...params.list('InstanceTypeFamilies'), ...optional(params.string('InstanceTypeFamily'))];
  if (families.length > 0) filters.push((type) => families.includes(type.family));
  const architectures = [...params.list('CpuArchitectures'), ...optional(params.string('CpuArchitecture'))];
  for (const arch of architectures) if (arch !== 'X86' && arch !== 'ARM') throw EcsError.invalidParameter('CpuArchitecture');
  if (architectures.length > 0) filters.push((type) => architectures.includes(type.cpuArchitecture));
  const categories = [...params.list('InstanceCategories'), ...optional(params.string('InstanceCategory'))];
  if (categories.length > 0) filters.push((type) => categories.includes(type.category));
  const level = params.string('InstanceFamilyLevel');
  if (level !== undefined) filters.push((type) => type.familyLevel === level);
  const nvme = params.string('NvmeSupport');
  if (nvme !== undefined) {
    if (nvme !== 'required' && nvme !== 'unsupported') throw EcsError.invalidParameter('NvmeSupport');
    filters.push((type) => type.nvmeSupport === nvme);
  }
  const gpuSpec = params.string('GPUSpec');
  if (gpuSpec !== undefined) filters.push(() => false); // no GPU types in this catalog
  range(filters, params, 'MinimumCpuCoreCount', 'MaximumCpuCoreCount', (type) => type.cpuCoreCount);
  range(filters, params, 'MinimumMemorySize', 'MaximumMemorySize', (type) => type.memorySize);
  range(filters, params, 'MinimumGPUAmount', 'MaximumGPUAmount', () => 0);
  range(filters, params, 'MinimumEniQuantity', undefined, (type) => type.eniQuantity);
  range(filters, params, 'MinimumEniPrivateIpAddressQuantity', undefined, (type) => type.eniPrivateIpAddressQuantity);
  range(filters, params, 'MinimumCpuSpeedFrequency', 'MaximumCpuSpeedFrequency', (type) => type.cpuSpeedFrequency);
  range(filters, params, 'MinimumCpuTurboFrequency', 'MaximumCpuTurboFrequency', (type) => type.cpuTurboFrequency);
  return filters;
}

function optional(value: string | undefined): string[] {
  return value === undefined ? [] : [value];
}

function range(
  filters: Filter[],
  params: Params,
  minName: string,
  maxName: string | undefined,
  read: (type: InstanceType) => number,
): void {
  const min = number(params, minName);
  const max = maxName === undefined ? undefined : number(params, maxName);
  if (min !== undefined) filters.push((type) => read(type) >= min);
  if (max !== undefined) filters.push((type) => read(type) <= max);
}

function number(params: Params, name: string): number | undefined {
  const raw = params.string(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw EcsError.invalidParameter(name);
  return value;
}

export function instanceTypeView(type: InstanceType): Record<string, unknown> {
  return {
    InstanceTypeId: type.instanceTypeId,
    InstanceTypeFamily: type.family,
    InstanceCategory: type.category,
    InstanceFamilyLevel: type.familyLevel,
    CpuArchitecture: type.cpuArchitecture,
    CpuCoreCount: type.cpuCoreCount,
    MemorySize: type.memorySize,
    CpuSpeedFrequency: type.cpuSpeedFrequency,
    CpuTurboFrequency: type.cpuTurboFrequency,
    PhysicalProcessorModel: type.processorModel,
    NvmeSupport: type.nvmeSupport,
    GPUAmount: 0,
    GPUSpec: '',
    GPUMemorySize: 0,
    LocalStorageCategory: '',
    LocalStorageAmount: 0,
    LocalStorageCapacity: 0,
    BaselineCredit: type.familyLevel === 'CreditEntryLevel' ? 10 : 0,
    InitialCredit: type.familyLevel === 'CreditEntryLevel' ? 60 : 0,
    EniQuantity: type.eniQuantity,
    EniTotalQuantity: type.eniQuantity,
    EniPrivateIpAddressQuantity: type.eniPrivateIpAddressQuantity,
    EniIpv6AddressQuantity: type.eniPrivateIpAddressQuantity,
    EniTrunkSupported: type.generation >= 'ecs-5',
    EriQuantity: 0,
    InstanceBandwidthRx: type.bandwidthMbps * 1024,
    InstanceBandwidthTx: type.bandwidthMbps * 1024,
    InstancePpsRx: type.ppsKilo * 1000,
    InstancePpsTx: type.ppsKilo * 1000,
    PrimaryEniQueueNumber: Math.min(type.cpuCoreCount, 16),
    SecondaryEniQueueNumber: Math.min(type.cpuCoreCount, 16),
    TotalEniQueueQuantity: Math.min(type.cpuCoreCount, 16) * type.eniQuantity,
    MaximumQueueNumberPerEni: Math.min(type.cpuCoreCount, 16),
    QueuePairNumber: 0,
    DiskQuantity: type.diskQuantity,
    JumboFrameSupport: type.generation >= 'ecs-6',
    NetworkEncryptionSupport: type.generation >= 'ecs-6',
    NetworkCardQuantity: 1,
    NetworkCards: { NetworkCardInfo: [{ NetworkCardIndex: 0 }] },
    SupportedBootModes: { SupportedBootMode: [...type.bootModes] },
    CpuOptions: {
      Core: type.cpuArchitecture === 'ARM' ? type.cpuCoreCount : Math.max(1, type.cpuCoreCount / 2),
      ThreadsPerCore: type.cpuArchitecture === 'ARM' ? 1 : 2,
      CoreFactor: type.cpuArchitecture === 'ARM' ? 1 : 2,
      HyperThreadingAdjustable: type.cpuArchitecture === 'X86',
      NestedVirtualizationSupport: 'unsupported',
      SupportedTopologyTypes: { SupportedTopologyType: [] },
    },
    EnhancedNetwork: { SriovSupport: false, RssSupport: true, ExpressSupport: false, VfQueueNumberPerEni: 0 },
    Clock: { PtpSupport: 'unsupported' },
    SecurityOptions: { SecureBootSupport: type.bootModes.includes('UEFI') ? 'supported' : 'unsupported' },
    Attributes: { Attribute: [] },
    NetworkInfo: { BandwidthWeighting: { WeightingInfos: { WeightingInfo: [] } } },
  };
}
