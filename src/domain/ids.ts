/**
 * Resource ids as ECS forms them: a type prefix and twenty lowercase
 * alphanumerics (the first two name the region, `bp` for cn-hangzhou).
 */
import { randomBytes } from 'node:crypto';

export const ID_PREFIX = {
  image: 'm-',
  instance: 'i-',
  disk: 'd-',
  snapshot: 's-',
  securityGroup: 'sg-',
  securityGroupRule: 'sgr-',
  keyPair: 'ssh-',
  vpc: 'vpc-',
  vswitch: 'vsw-',
  vrouter: 'vrt-',
  routeTable: 'vtb-',
  resourceGroup: 'rg-',
} as const;

export type ResourceKind = keyof typeof ID_PREFIX;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Two-letter region codes the real cloud uses in ids; unknown regions get `xx`. */
const REGION_CODES: Readonly<Record<string, string>> = {
  'cn-hangzhou': 'bp',
  'cn-shanghai': 'uf',
  'cn-beijing': '2z',
  'cn-shenzhen': 'wz',
  'ap-southeast-1': 't4',
  'us-west-1': 'rj',
  'eu-central-1': 'gw',
};

export function newId(kind: ResourceKind, regionId: string): string {
  const bytes = randomBytes(18);
  let tail = '';
  for (const byte of bytes) tail += ALPHABET[byte % ALPHABET.length];
  return `${ID_PREFIX[kind]}${REGION_CODES[regionId] ?? 'xx'}${tail}`;
}
