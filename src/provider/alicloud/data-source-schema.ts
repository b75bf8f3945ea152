/**
 * What the alicloud data sources share: their id/name lists, the `name_regex` check, and the
 * `id` they hash from the ids they found.
 */
export const stringList = ['list', 'string'] as const;

/** `name_regex` must compile, so a typo fails at plan time rather than on read. */
export function validRegex(value: unknown, context: { key: string }): string | undefined {
  try {
    new RegExp(String(value));
    return undefined;
  } catch (error) {
    return `${JSON.stringify(value)}: ${context.key} is not a valid regular expression: ${(error as Error).message}`;
  }
}

/** The local id list the data sources hash into their `id`, as the SDK's `dataResourceIdHash`. */
export function idHash(ids: readonly string[]): string {
  let hash = 0;
  for (const char of ids.join('')) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return String(Math.abs(hash));
}
