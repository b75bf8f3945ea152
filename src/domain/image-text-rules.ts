/**
 * The documented rules on an image's free-text attributes. Each validator
 * returns a user-facing description of the first problem, or `undefined` when
 * the value is acceptable. Callers decide what "absent" means (the API treats
 * an empty ImageName/Description on ModifyImageAttribute as "unchanged"), so
 * these functions judge only values that were given.
 */

export interface NameRuleOptions {
  /**
   * Accept a Chinese (CJK) character as the first character and inside the
   * value. ECS's API reference and the Apsara Stack docs allow it; the alicloud
   * provider docs say "must start with a letter".
   */
  readonly allowChinese?: boolean;
}

const CJK = '\\u4e00-\\u9fff\\u3400-\\u4dbf';
const HTTP_PREFIX = /^https?:\/\//i;
const HTTP_ANYWHERE = /https?:\/\//i;
const RESERVED_PREFIX = /^(aliyun|acs:)/i;

function lengthProblem(what: string, value: string, min: number, max: number): string | undefined {
  const length = [...value].length;
  if (length < min || length > max) return `${what} must be ${min} to ${max} characters long (got ${length})`;
  return undefined;
}

function shapeProblem(what: string, value: string, options: NameRuleOptions): string | undefined {
  const letters = options.allowChinese === true ? `a-zA-Z${CJK}` : 'a-zA-Z';
  const first = new RegExp(`^[${letters}]`, 'u');
  const body = new RegExp(`^[${letters}0-9.:_-]*$`, 'u');
  const startsWith = options.allowChinese === true ? 'a letter or a Chinese character' : 'a letter';
  if (!first.test(value)) return `${what} must start with ${startsWith}`;
  if (RESERVED_PREFIX.test(value)) return `${what} must not start with "aliyun" or "acs:"`;
  if (HTTP_ANYWHERE.test(value)) return `${what} must not contain "http://" or "https://"`;
  if (!body.test(value)) {
    const extra = options.allowChinese === true ? ', Chinese characters' : '';
    return `${what} may contain only letters${extra}, digits, periods (.), colons (:), underscores (_) and hyphens (-)`;
  }
  return undefined;
}

/** ImageName: 2–128 characters, starts with a letter, no `aliyun`/`acs:` prefix, no http(s)://. */
export function imageNameProblem(name: string, options: NameRuleOptions = {}): string | undefined {
  return lengthProblem('the image name', name, 2, 128) ?? shapeProblem('the image name', name, options);
}

/** ImageFamily: the same shape as a name. */
export function imageFamilyProblem(family: string, options: NameRuleOptions = {}): string | undefined {
  return lengthProblem('the image family', family, 2, 128) ?? shapeProblem('the image family', family, options);
}

/** Description: 2–256 characters, must not start with http:// or https://. */
export function imageDescriptionProblem(description: string): string | undefined {
  const length = lengthProblem('the description', description, 2, 256);
  if (length !== undefined) return length;
  if (HTTP_PREFIX.test(description)) return 'the description must not start with "http://" or "https://"';
  return undefined;
}

/**
 * ImageVersion: the API documents no format (its example is "2017011017");
 * we require 1–40 characters of letters, digits, periods, underscores and
 * hyphens, which every version scheme in the docs and examples satisfies.
 */
export function imageVersionProblem(version: string): string | undefined {
  const length = lengthProblem('the image version', version, 1, 40);
  if (length !== undefined) return length;
  if (!/^[a-zA-Z0-9._-]+$/.test(version)) {
    return 'the image version may contain only letters, digits, periods (.), underscores (_) and hyphens (-)';
  }
  return undefined;
}
