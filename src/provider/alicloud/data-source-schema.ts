/** Schema parts the alicloud data sources share: their id/name lists and the `name_regex` check. */
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
