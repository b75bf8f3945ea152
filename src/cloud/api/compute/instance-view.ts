/**
 * One instance as DescribeInstances renders it: every field of the SDK's
 * `DescribeInstancesResponseBodyInstancesInstance`, the ones this cloud does
 * not model included (empty or their pay-as-you-go defaults), so clients and
 * terraform read what they expect.
 */
import type { EcsTag } from '../tags/tag-store.js';
import { findInstanceType } from '../catalog/catalog.js';
import type { InstanceRow } from './instance-lookup.js';
import { macAddressOf, primaryEniIdOf, publicIpOf, serialNumberOf } from './derived-attributes.js';
import { NEVER_EXPIRES, isoMinutes } from './time-format.js';

export interface InstanceExtras {
  readonly securityGroupIds: readonly string[];
  readonly tags: readonly EcsTag[];
  readonly osNameEn: string;
  readonly imageNvmeSupport: string;
}

/** `StoppedMode` as ECS reports it: only a stopped instance has one. */
function stoppedMode(status: string): string {
  return status === 'Stopped' ? 'KeepCharging' : 'Not-applicable';
}

function family(instanceType: string): string {
  return findInstanceType(instanceType)?.family ?? instanceType.split('.').slice(0, 2).join('.');
}

function networkInterfaces(row: InstanceRow): Record<string, unknown> {
  return {
    NetworkInterface: [
      {
        NetworkInterfaceId: primaryEniIdOf(row.id),
        MacAddress: macAddressOf(row.id),
        PrimaryIpAddress: row.private_ip,
        Type: 'Primary',
        PrivateIpSets: { PrivateIpSet: [{ Primary: true, PrivateIpAddress: row.private_ip, PrivateDnsName: '' }] },
        Ipv6Sets: { Ipv6Set: [] },
        Ipv4PrefixSets: { Ipv4PrefixSet: [] },
        Ipv6PrefixSets: { Ipv6PrefixSet: [] },
      },
    ],
  };
}

export function renderInstance(row: InstanceRow, extras: InstanceExtras): Record<string, unknown> {
  const cpu = Number(row.cpu);
  const hasPublicIp = Number(row.internet_max_bandwidth_out) > 0;
  return {
    InstanceId: row.id,
    InstanceName: row.instance_name,
    Description: row.description,
    HostName: row.host_name,
    RegionId: row.region_id,
    ZoneId: row.zone_id,
    Status: row.status,
    StoppedMode: stoppedMode(row.status),
    InstanceType: row.instance_type,
    InstanceTypeFamily: family(row.instance_type),
    Cpu: cpu,
    Memory: Number(row.memory),
    CpuOptions: {
      CoreCount: Math.max(1, Math.floor(cpu / 2)),
      ThreadsPerCore: cpu > 1 ? 2 : 1,
      Numa: '',
      TopologyType: '',
      NestedVirtualization: '',
      TurboMode: '',
      EnableVISST: false,
      EnableVRDT: false,
    },
    GPUAmount: 0,
    GPUSpec: '',
    ImageId: row.image_id,
    ImageOptions: { CurrentOSNVMeSupported: extras.imageNvmeSupport === 'supported', LoginAsNonRoot: false },
    OSType: row.os_type,
    OSName: row.os_name,
    OSNameEn: extras.osNameEn,
    InstanceNetworkType: 'vpc',
    VpcAttributes: {
      VpcId: row.vpc_id,
      VSwitchId: row.vswitch_id,
      PrivateIpAddress: { IpAddress: [row.private_ip] },
      NatIpAddress: '',
    },
    NetworkInterfaces: networkInterfaces(row),
    InnerIpAddress: { IpAddress: [] },
    PublicIpAddress: { IpAddress: hasPublicIp ? [publicIpOf(row.id)] : [] },
    RdmaIpAddress: { IpAddress: [] },
    EipAddress: { AllocationId: '', IpAddress: '', Bandwidth: 0, InternetChargeType: '', IsSupportUnassociate: false },
    SecurityGroupIds: { SecurityGroupId: [...extras.securityGroupIds] },
    InternetChargeType: row.internet_charge_type,
    InternetMaxBandwidthIn: hasPublicIp ? 200 : -1,
    InternetMaxBandwidthOut: Number(row.internet_max_bandwidth_out),
    InstanceChargeType: row.instance_charge_type,
    SpotStrategy: 'NoSpot',
    SpotPriceLimit: 0,
    SpotDuration: 0,
    SpotInterruptionBehavior: 'Terminate',
    SaleCycle: '',
    KeyPairName: row.key_pair_name,
    DeletionProtection: Number(row.deletion_protection) === 1,
    ResourceGroupId: row.resource_group_id,
    CreationTime: isoMinutes(row.creation_time),
    StartTime: isoMinutes(row.status_changed_at),
    ExpiredTime: NEVER_EXPIRES,
    AutoReleaseTime: '',
    IoOptimized: true,
    DeviceAvailable: true,
    Recyclable: false,
    CreditSpecification: row.instance_type.startsWith('ecs.t6') ? 'Standard' : '',
    DeploymentSetId: '',
    DeploymentSetGroupNo: 0,
    HpcClusterId: '',
    ClusterId: '',
    VlanId: '',
    ISP: '',
    SerialNumber: serialNumberOf(row.id),
    LocalStorageAmount: 0,
    LocalStorageCapacity: 0,
    EnableNVS: false,
    OperationLocks: { LockReason: [] },
    Tags: { Tag: [...extras.tags] },
    MetadataOptions: { HttpEndpoint: 'enabled', HttpTokens: 'optional', HttpPutResponseHopLimit: 1, InstanceMetadataTags: 'disabled' },
    HibernationOptions: { Configured: false },
    SecurityOptions: { EnableSecureBoot: false },
    DedicatedHostAttribute: { DedicatedHostId: '', DedicatedHostName: '', DedicatedHostClusterId: '' },
    DedicatedInstanceAttribute: { Affinity: '', Tenancy: '' },
    EcsCapacityReservationAttr: { CapacityReservationId: '', CapacityReservationPreference: '' },
    PrivateDnsNameOptions: {
      HostnameType: 'Custom',
      EnableInstanceIdDnsARecord: false,
      EnableInstanceIdDnsAAAARecord: false,
      EnableIpDnsARecord: false,
      EnableIpDnsPtrRecord: false,
    },
    AdditionalInfo: { EnableHighDensityMode: false, ManagedHostId: '', NodeSerialNumber: '' },
    ClockOptions: { PtpStatus: '' },
  };
}
