/**
 * The closed vocabularies of ECS images, as the CreateImage / DescribeImages /
 * ModifyImageAttribute documentation spells them (case-sensitive). Shared by
 * the cloud (request validation) and the providers (schema validators).
 */

export const ARCHITECTURES = ['i386', 'x86_64', 'arm64'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];
export const DEFAULT_ARCHITECTURE: Architecture = 'x86_64';

/** CreateImage `Platform` values, in the documented order. */
export const PLATFORMS = [
  'Aliyun',
  'Anolis',
  'CentOS',
  'Ubuntu',
  'CoreOS',
  'SUSE',
  'Debian',
  'OpenSUSE',
  'FreeBSD',
  'RedHat',
  'Kylin',
  'UOS',
  'Fedora',
  'Fedora CoreOS',
  'CentOS Stream',
  'AlmaLinux',
  'Rocky Linux',
  'Gentoo',
  'Customized Linux',
  'Others Linux',
  'Windows Server 2022',
  'Windows Server 2019',
  'Windows Server 2016',
  'Windows Server 2012',
  'Windows Server 2008',
  'Windows Server 2003',
] as const;
export type Platform = (typeof PLATFORMS)[number];
export const DEFAULT_PLATFORM: Platform = 'Others Linux';

export const BOOT_MODES = ['BIOS', 'UEFI', 'UEFI-Preferred'] as const;
export type BootMode = (typeof BOOT_MODES)[number];

/** Image statuses; `ALL` is a DescribeImages query value only, not a status. */
export const IMAGE_STATUSES = ['Creating', 'Waiting', 'Available', 'UnAvailable', 'CreateFailed', 'Deprecated'] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];
export const ALL_STATUSES_QUERY = 'ALL';

/** ModifyImageAttribute `Status` accepts only these two. */
export const SETTABLE_IMAGE_STATUSES = ['Available', 'Deprecated'] as const satisfies readonly ImageStatus[];

export const IMAGE_OWNER_ALIASES = ['system', 'self', 'others', 'marketplace'] as const;
export type ImageOwnerAlias = (typeof IMAGE_OWNER_ALIASES)[number];

export const OS_TYPES = ['linux', 'windows'] as const;
export type OsType = (typeof OS_TYPES)[number];

/** `cloud` is the basic disk, the one with its own size range and `/dev/xvd*` devices. */
export const DISK_CATEGORIES = [
  'cloud',
  'cloud_efficiency',
  'cloud_ssd',
  'cloud_essd',
  'cloud_auto',
  'cloud_essd_entry',
] as const;
export type DiskCategory = (typeof DISK_CATEGORIES)[number];
export const BASIC_DISK_CATEGORY: DiskCategory = 'cloud';

/** Disk type inside an image (`DiskDeviceMapping.N.DiskType`). */
export const IMAGE_DISK_TYPES = ['system', 'data'] as const;
export type ImageDiskType = (typeof IMAGE_DISK_TYPES)[number];

/** Only the standard check mode exists. */
export const DETECTION_STRATEGIES = ['Standard'] as const;
export type DetectionStrategy = (typeof DETECTION_STRATEGIES)[number];

export const LICENSE_TYPES = ['Auto', 'Aliyun', 'BYOL'] as const;
export type LicenseType = (typeof LICENSE_TYPES)[number];

export const NVME_SUPPORT_VALUES = ['supported', 'unsupported'] as const;
export type NvmeSupport = (typeof NVME_SUPPORT_VALUES)[number];

export const IMDS_SUPPORT_VALUES = ['v1', 'v2'] as const;
export type ImdsSupport = (typeof IMDS_SUPPORT_VALUES)[number];

export const SECURE_BOOT_SUPPORT_VALUES = ['supported', 'unsupported'] as const;
export type SecureBootSupport = (typeof SECURE_BOOT_SUPPORT_VALUES)[number];

/** DescribeImages `Usage`: images some instance runs on, or idle ones. */
export const IMAGE_USAGES = ['instance', 'none'] as const;

/** Type guard for any of the vocabularies above: `isOneOf(BOOT_MODES, value)`. */
export function isOneOf<T extends string>(values: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (values as readonly string[]).includes(value);
}

/** "must be one of A, B or C" — the tail of a user-facing message. */
export function describeChoices(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
