import { describe, expect, it } from 'vitest';
import {
  ARCHITECTURES,
  BOOT_MODES,
  describeChoices,
  isOneOf,
  LICENSE_TYPES,
  PLATFORMS,
  type Platform,
} from '../../src/domain/image-enums.js';
import { describeOs, osTypeOf } from '../../src/domain/platform.js';

describe('image vocabularies', () => {
  it('lists the documented values, case-sensitively', () => {
    expect(ARCHITECTURES).toEqual(['i386', 'x86_64', 'arm64']);
    expect(BOOT_MODES).toEqual(['BIOS', 'UEFI', 'UEFI-Preferred']);
    expect(LICENSE_TYPES).toEqual(['Auto', 'Aliyun', 'BYOL']);
    expect(PLATFORMS).toHaveLength(26);
    expect(isOneOf(ARCHITECTURES, 'arm64')).toBe(true);
    expect(isOneOf(ARCHITECTURES, 'ARM64')).toBe(false);
    expect(isOneOf(ARCHITECTURES, undefined)).toBe(false);
  });

  it('describes choices for messages', () => {
    expect(describeChoices(['a', 'b', 'c'])).toBe('a, b or c');
    expect(describeChoices(['a'])).toBe('a');
  });
});

describe('platform → OS', () => {
  const cases: Array<[Platform, 'i386' | 'x86_64' | 'arm64', string, string, string]> = [
    ['CentOS', 'x86_64', 'linux', 'CentOS 64位', 'CentOS 64 bit'],
    ['Ubuntu', 'arm64', 'linux', 'Ubuntu 64位', 'Ubuntu 64 bit'],
    ['Others Linux', 'i386', 'linux', 'Others Linux 32位', 'Others Linux 32 bit'],
    ['Windows Server 2022', 'x86_64', 'windows', 'Windows Server 2022 64位', 'Windows Server 2022 64 bit'],
  ];
  it.each(cases)('%s %s', (platform, architecture, osType, osName, osNameEn) => {
    expect(describeOs(platform, architecture)).toEqual({ osType, osName, osNameEn });
  });
  it('every platform has an OS type', () => {
    for (const platform of PLATFORMS) expect(['linux', 'windows']).toContain(osTypeOf(platform));
  });
});
