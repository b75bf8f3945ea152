/** Reading terraform's own output in provider tests: wrapped diagnostics and `after_unknown`. */

/** Terraform wraps diagnostics in a box and at the terminal width: one line of plain words. */
export function flat(text: string): string {
  return text.replace(/│/g, ' ').replace(/\s+/g, ' ');
}

/** Every path that `after_unknown` of a planned change (`show -json`) marks "(known after apply)". */
export function unknownPaths(afterUnknown: unknown, at = ''): string[] {
  if (afterUnknown === true) return [at];
  if (Array.isArray(afterUnknown)) return afterUnknown.flatMap((item, i) => unknownPaths(item, `${at}.${i}`));
  if (afterUnknown !== null && typeof afterUnknown === 'object') {
    return Object.entries(afterUnknown).flatMap(([key, value]) => unknownPaths(value, at === '' ? key : `${at}.${key}`));
  }
  return [];
}
