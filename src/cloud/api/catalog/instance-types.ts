/**
 * Instance types across several families and generations, x86 and ARM. The
 * figures (vCPU, GiB, ENIs, NVMe) follow the real families' published specs
 * closely enough for validation and for terraform's `alicloud_instance_types`.
 */

export type CpuArchitecture = 'X86' | 'ARM';

export interface InstanceType {
  readonly instanceTypeId: string;
  readonly family: string;
  readonly generation: string;
  readonly category: string;
  readonly familyLevel: 'EntryLevel' | 'EnterpriseLevel' | 'CreditEntryLevel';
  readonly cpuCoreCount: number;
  /** GiB, as DescribeInstanceTypes reports it. */
  readonly memorySize: number;
  readonly cpuArchitecture: CpuArchitecture;
  /** `required`: the system disk is attached over NVMe; images must support NVMe. */
  readonly nvmeSupport: 'required' | 'unsupported';
  readonly eniQuantity: number;
  readonly eniPrivateIpAddressQuantity: number;
  readonly processorModel: string;
  readonly cpuSpeedFrequency: number;
  readonly cpuTurboFrequency: number;
  readonly bandwidthMbps: number;
  readonly ppsKilo: number;
  readonly diskQuantity: number;
  readonly bootModes: readonly string[];
}

interface FamilySpec {
  readonly family: string;
  readonly generation: string;
  readonly category: string;
  readonly familyLevel?: InstanceType['familyLevel'];
  readonly arch: CpuArchitecture;
  readonly nvme: InstanceType['nvmeSupport'];
  readonly memoryPerCore: number;
  readonly processor: string;
  readonly speed: number;
  readonly turbo: number;
  readonly bootModes: readonly string[];
  /** size suffix → vCPUs */
  readonly sizes: Readonly<Record<string, number>>;
}

const STANDARD_SIZES = { large: 2, xlarge: 4, '2xlarge': 8, '4xlarge': 16, '8xlarge': 32 } as const;

const FAMILIES: readonly FamilySpec[] = [
  {
    family: 'ecs.sn1ne', generation: 'ecs-3', category: 'Compute-optimized', arch: 'X86', nvme: 'unsupported',
    memoryPerCore: 2, processor: 'Intel Xeon(Skylake) Platinum 8163', speed: 2.5, turbo: 2.7, bootModes: ['BIOS'],
    sizes: { large: 2, xlarge: 4, '2xlarge': 8, '4xlarge': 16 },
  },
  {
    family: 'ecs.g6', generation: 'ecs-4', category: 'General-purpose', arch: 'X86', nvme: 'unsupported',
    memoryPerCore: 4, processor: 'Intel Xeon(Cascade Lake) Platinum 8269CY', speed: 2.5, turbo: 3.2, bootModes: ['BIOS'],
    sizes: STANDARD_SIZES,
  },
  {
    family: 'ecs.g7', generation: 'ecs-5', category: 'General-purpose', arch: 'X86', nvme: 'unsupported',
    memoryPerCore: 4, processor: 'Intel Xeon(Ice Lake) Platinum 8369B', speed: 2.7, turbo: 3.5, bootModes: ['BIOS', 'UEFI'],
    sizes: STANDARD_SIZES,
  },
  {
    family: 'ecs.c7', generation: 'ecs-5', category: 'Compute-optimized', arch: 'X86', nvme: 'unsupported',
    memoryPerCore: 2, processor: 'Intel Xeon(Ice Lake) Platinum 8369B', speed: 2.7, turbo: 3.5, bootModes: ['BIOS', 'UEFI'],
    sizes: STANDARD_SIZES,
  },
  {
    family: 'ecs.r7', generation: 'ecs-5', category: 'Memory-optimized', arch: 'X86', nvme: 'unsupported',
    memoryPerCore: 8, processor: 'Intel Xeon(Ice Lake) Platinum 8369B', speed: 2.7, turbo: 3.5, bootModes: ['BIOS', 'UEFI'],
    sizes: STANDARD_SIZES,
  },
  {
    family: 'ecs.g8i', generation: 'ecs-6', category: 'General-purpose', arch: 'X86', nvme: 'required',
    memoryPerCore: 4, processor: 'Intel Xeon(Sapphire Rapids) Platinum 8475B', speed: 2.7, turbo: 3.2,
    bootModes: ['BIOS', 'UEFI'], sizes: STANDARD_SIZES,
  },
  {
    family: 'ecs.g8y', generation: 'ecs-6', category: 'General-purpose', arch: 'ARM', nvme: 'required',
    memoryPerCore: 4, processor: 'Yitian 710', speed: 2.75, turbo: 2.75, bootModes: ['UEFI'], sizes: STANDARD_SIZES,
  },
  {
    family: 'ecs.c8y', generation: 'ecs-6', category: 'Compute-optimized', arch: 'ARM', nvme: 'required',
    memoryPerCore: 2, processor: 'Yitian 710', speed: 2.75, turbo: 2.75, bootModes: ['UEFI'], sizes: STANDARD_SIZES,
  },
  {
    family: 'ecs.t6', generation: 'ecs-4', category: 'Shared', familyLevel: 'CreditEntryLevel', arch: 'X86',
    nvme: 'unsupported', memoryPerCore: 1, processor: 'Intel Xeon(Skylake) Platinum 8163', speed: 2.5, turbo: 2.5,
    bootModes: ['BIOS'], sizes: { 'c1m1.large': 2, 'c1m2.large': 2 },
  },
];

function memoryFor(spec: FamilySpec, size: string, cores: number): number {
  if (spec.family === 'ecs.t6') return size === 'c1m2.large' ? 4 : 2;
  return cores * spec.memoryPerCore;
}

function separator(spec: FamilySpec): string {
  return spec.family === 'ecs.t6' ? '-' : '.';
}

function buildFamily(spec: FamilySpec): InstanceType[] {
  return Object.entries(spec.sizes).map(([size, cores]) => ({
    instanceTypeId: `${spec.family}${separator(spec)}${size}`,
    family: spec.family,
    generation: spec.generation,
    category: spec.category,
    familyLevel: spec.familyLevel ?? 'EnterpriseLevel',
    cpuCoreCount: cores,
    memorySize: memoryFor(spec, size, cores),
    cpuArchitecture: spec.arch,
    nvmeSupport: spec.nvme,
    eniQuantity: Math.min(2 + Math.floor(cores / 2), 15),
    eniPrivateIpAddressQuantity: Math.min(6 * Math.max(1, Math.floor(cores / 4)), 30),
    processorModel: spec.processor,
    cpuSpeedFrequency: spec.speed,
    cpuTurboFrequency: spec.turbo,
    bandwidthMbps: 1000 * Math.max(1, cores / 2),
    ppsKilo: 300 * Math.max(1, cores / 2),
    diskQuantity: 17,
    bootModes: spec.bootModes,
  }));
}

export const INSTANCE_TYPES: readonly InstanceType[] = FAMILIES.flatMap(buildFamily);
