/**
 * Plan-time validators both providers' image resources use, built on the `domain/` rules so
 * the provider and the cloud agree on what is valid.
 */
import { isValidTagKey, isValidTagValue, MAX_TAGS_PER_RESOURCE, MAX_TAG_LENGTH } from '../../domain/tags.js';
import { ID_PREFIX, type ResourceKind } from '../../domain/ids.js';
import { validators, type Validator } from '../framework/index.js';

/** A `domain/` text rule as a validator: `invalid value for image_name (the image name must start with a letter), got "1x"`. */
export function rule(problem: (value: string) => string | undefined): Validator {
  return (value, { key }) => {
    if (typeof value !== 'string') return `expected type of ${key} to be string`;
    const found = problem(value);
    return found === undefined ? undefined : `invalid value for ${key} (${found}), got ${JSON.stringify(value)}`;
  };
}

/** An image's `tags`: at most the documented count, each key and value within the documented rules. */
export const tagsRule: Validator = (value, { key }) => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length > MAX_TAGS_PER_RESOURCE) return `${key}: an image carries at most ${MAX_TAGS_PER_RESOURCE} tags, got ${entries.length}`;
  for (const [tagKey, tagValue] of entries) {
    if (!isValidTagKey(tagKey)) {
      return `invalid tag key ${JSON.stringify(tagKey)} in ${key} (1 to ${MAX_TAG_LENGTH} characters, not starting with "aliyun" or "acs:", without "http://" or "https://")`;
    }
    if (typeof tagValue === 'string' && !isValidTagValue(tagValue)) {
      return `invalid value of tag ${JSON.stringify(tagKey)} in ${key} (at most ${MAX_TAG_LENGTH} characters, not starting with "acs:", without "http://" or "https://")`;
    }
  }
  return undefined;
};

/** What an id of each kind looks like in a message (`an image ID such as m-bp1...`). */
const ID_EXAMPLES: Readonly<Partial<Record<ResourceKind, string>>> = {
  image: 'an image ID such as m-bp1...',
  instance: 'an instance ID such as i-bp1...',
  snapshot: 'a snapshot ID such as s-bp1...',
  securityGroup: 'a security group ID such as sg-bp1...',
  resourceGroup: 'a resource group ID such as rg-aek2...',
};

/** An id of this kind: the domain's prefix (`domain/ids.ts`) then lowercase alphanumerics. */
export function idRule(kind: ResourceKind): Validator {
  const prefix = ID_PREFIX[kind];
  return validators.stringMatch(new RegExp(`^${prefix}[a-z0-9]+$`), ID_EXAMPLES[kind] ?? `an ID such as ${prefix}...`);
}
