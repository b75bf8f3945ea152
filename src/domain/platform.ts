/**
 * What ECS derives from an image's platform and architecture: the OS type
 * (`OSType`) and the display names (`OSName`, Chinese; `OSNameEn`, English),
 * e.g. "CentOS 64位" / "CentOS 64 bit" for a CentOS x86_64 custom image.
 */
import type { Architecture, OsType, Platform } from './image-enums.js';

export interface OsDescription {
  readonly osType: OsType;
  readonly osName: string;
  readonly osNameEn: string;
}

export function osTypeOf(platform: Platform): OsType {
  return platform.startsWith('Windows') ? 'windows' : 'linux';
}

export function describeOs(platform: Platform, architecture: Architecture): OsDescription {
  const bits = architecture === 'i386' ? 32 : 64;
  return {
    osType: osTypeOf(platform),
    osName: `${platform} ${bits}位`,
    osNameEn: `${platform} ${bits} bit`,
  };
}
