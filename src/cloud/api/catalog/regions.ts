/**
 * The regions and zones this cloud offers, as static data. Zone letters follow
 * the real ones; each zone lists the instance type families it sells (older
 * zones lack the newest generations, as in the real cloud) and its disk categories.
 */

export interface LocalNames {
  readonly 'zh-CN': string;
  readonly 'en-US': string;
}

export interface Zone {
  readonly zoneId: string;
  readonly regionId: string;
  readonly localName: LocalNames;
  /** Instance type families that are NOT sold in this zone. */
  readonly missingFamilies: readonly string[];
  readonly diskCategories: readonly string[];
}

export interface Region {
  readonly regionId: string;
  readonly localName: LocalNames;
  readonly endpoint: string;
  readonly zones: readonly Zone[];
}

const MODERN_DISKS = ['cloud_efficiency', 'cloud_ssd', 'cloud_essd', 'cloud_auto', 'cloud_essd_entry'] as const;
const OLD_DISKS = ['cloud', 'cloud_efficiency', 'cloud_ssd', 'cloud_essd'] as const;
const NEW_FAMILIES = ['ecs.g8i', 'ecs.g8y', 'ecs.c8y'] as const;

interface RegionSpec {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** zone letter → "old" (no newest families, older disk set) or "new". */
  readonly zones: Readonly<Record<string, 'old' | 'new'>>;
}

const SPECS: readonly RegionSpec[] = [
  { id: 'cn-hangzhou', zh: '华东1（杭州）', en: 'China (Hangzhou)', zones: { g: 'old', h: 'new', i: 'new', j: 'new', k: 'new' } },
  { id: 'cn-shanghai', zh: '华东2（上海）', en: 'China (Shanghai)', zones: { e: 'old', f: 'new', g: 'new', l: 'new' } },
  { id: 'cn-beijing', zh: '华北2（北京）', en: 'China (Beijing)', zones: { g: 'old', h: 'new', i: 'new', k: 'new', l: 'new' } },
  { id: 'cn-shenzhen', zh: '华南1（深圳）', en: 'China (Shenzhen)', zones: { d: 'old', e: 'new', f: 'new' } },
  { id: 'ap-southeast-1', zh: '新加坡', en: 'Singapore', zones: { a: 'old', b: 'new', c: 'new' } },
  { id: 'us-west-1', zh: '美国（硅谷）', en: 'US (Silicon Valley)', zones: { a: 'old', b: 'new' } },
  { id: 'eu-central-1', zh: '德国（法兰克福）', en: 'Germany (Frankfurt)', zones: { a: 'new', b: 'new' } },
];

function buildRegion(spec: RegionSpec): Region {
  const zones = Object.entries(spec.zones).map(([letter, age]): Zone => ({
    zoneId: `${spec.id}-${letter}`,
    regionId: spec.id,
    localName: {
      'zh-CN': `${spec.zh} 可用区${letter.toUpperCase()}`,
      'en-US': `${spec.en.replace(/^China \((.*)\)$/, '$1')} Zone ${letter.toUpperCase()}`,
    },
    missingFamilies: age === 'old' ? NEW_FAMILIES : [],
    diskCategories: age === 'old' ? OLD_DISKS : MODERN_DISKS,
  }));
  return {
    regionId: spec.id,
    localName: { 'zh-CN': spec.zh, 'en-US': spec.en },
    endpoint: spec.id === 'cn-hangzhou' ? 'ecs-cn-hangzhou.aliyuncs.com' : `ecs.${spec.id}.aliyuncs.com`,
    zones,
  };
}

export const REGIONS: readonly Region[] = SPECS.map(buildRegion);
