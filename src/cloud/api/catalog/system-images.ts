/**
 * The public images every region offers, owned by the `system` account. Ids
 * follow the real naming scheme `<os>_<version>_<arch>_<size>G_alibase_<date>.vhd`.
 */

export interface SystemImage {
  readonly imageId: string;
  readonly imageName: string;
  readonly description: string;
  readonly imageFamily: string;
  readonly imageVersion: string;
  readonly architecture: 'x86_64' | 'arm64';
  readonly platform: string;
  readonly osType: 'linux' | 'windows';
  readonly osName: string;
  readonly osNameEn: string;
  readonly bootMode: 'BIOS' | 'UEFI';
  readonly size: number;
  readonly nvmeSupport: 'supported' | 'unsupported';
  readonly creationTime: number;
}

interface OsSpec {
  readonly key: string;
  readonly platform: string;
  readonly osType: 'linux' | 'windows';
  readonly name: string;
  readonly family: string;
  readonly size: number;
  readonly date: string;
  readonly arm: boolean;
  readonly nvme: boolean;
}

const SPECS: readonly OsSpec[] = [
  { key: 'ubuntu_18_04', platform: 'Ubuntu', osType: 'linux', name: 'Ubuntu 18.04 64位', family: 'acs:ubuntu_18_04_x64', size: 20, date: '20240115', arm: true, nvme: false },
  { key: 'ubuntu_20_04', platform: 'Ubuntu', osType: 'linux', name: 'Ubuntu 20.04 64位', family: 'acs:ubuntu_20_04_x64', size: 20, date: '20240130', arm: true, nvme: true },
  { key: 'ubuntu_22_04', platform: 'Ubuntu', osType: 'linux', name: 'Ubuntu 22.04 64位', family: 'acs:ubuntu_22_04_x64', size: 20, date: '20240220', arm: true, nvme: true },
  { key: 'centos_7_9', platform: 'CentOS', osType: 'linux', name: 'CentOS 7.9 64位', family: 'acs:centos_7_9_x64', size: 20, date: '20240314', arm: true, nvme: false },
  { key: 'aliyun_3', platform: 'Aliyun', osType: 'linux', name: 'Alibaba Cloud Linux 3.2104 LTS 64位', family: 'acs:alibaba_cloud_linux_3_2104_lts_x64', size: 40, date: '20240326', arm: true, nvme: true },
  { key: 'win2022_21H2_dtc_en-us', platform: 'Windows Server 2022', osType: 'windows', name: 'Windows Server 2022 数据中心版 64位英文版', family: 'acs:windows_server_2022_datacenter_en-us', size: 40, date: '20240410', arm: false, nvme: true },
];

function build(spec: OsSpec, arch: 'x86_64' | 'arm64'): SystemImage {
  const archToken = arch === 'x86_64' ? 'x64' : 'arm64';
  const suffix = arch === 'x86_64' ? '64位' : 'ARM版 64位';
  const nameEn = spec.name.replace(/ 64位.*$/, '').replace(' 数据中心版', ' Datacenter').replace('英文版', '') + ` ${arch === 'x86_64' ? '64 bit' : 'ARM 64 bit'}`;
  const year = Number(spec.date.slice(0, 4));
  const month = Number(spec.date.slice(4, 6));
  const day = Number(spec.date.slice(6, 8));
  return {
    imageId: `${spec.key}_${archToken}_${spec.size}G_alibase_${spec.date}.vhd`,
    imageName: `${spec.key}_${archToken}_${spec.size}G_alibase_${spec.date}.vhd`,
    description: '',
    imageFamily: arch === 'x86_64' ? spec.family : spec.family.replace('_x64', '_arm64'),
    imageVersion: spec.date,
    architecture: arch,
    platform: spec.platform,
    osType: spec.osType,
    osName: spec.name.replace(/ 64位$/, ` ${suffix}`),
    osNameEn: nameEn.replace(/\s+/g, ' ').trim(),
    bootMode: arch === 'arm64' ? 'UEFI' : 'BIOS',
    size: spec.size,
    nvmeSupport: spec.nvme || arch === 'arm64' ? 'supported' : 'unsupported',
    // ARM builds went out a day before the x86 ones, so a newest-first listing (and a name
    // regex such as `^ubuntu_18.*64` taking the first match) finds the x86 image first.
    creationTime: Date.UTC(year, month - 1, day) - (arch === 'arm64' ? 86_400_000 : 0),
  };
}

export const SYSTEM_IMAGES: readonly SystemImage[] = SPECS.flatMap((spec) =>
  spec.arm ? [build(spec, 'x86_64'), build(spec, 'arm64')] : [build(spec, 'x86_64')],
);

export const SYSTEM_ACCOUNT_ID = 'system';
