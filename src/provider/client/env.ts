/** The environment as configuration sees it; tests pass their own table instead of `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface Sourced<T> {
  readonly value: T;
  /** Where the value came from, for messages: `provider argument "access_key"`, `environment variable ALICLOUD_REGION`. */
  readonly source: string;
}

/** The first non-empty (after trimming) of the argument and then the environment variables, in order. */
export function pick(argument: { readonly name: string; readonly value: string | null | undefined }, env: Env, ...envNames: readonly string[]): Sourced<string> | undefined {
  const fromArgument = argument.value?.trim();
  if (fromArgument) return { value: fromArgument, source: `provider argument "${argument.name}"` };
  for (const name of envNames) {
    const fromEnv = env[name]?.trim();
    if (fromEnv) return { value: fromEnv, source: `environment variable ${name}` };
  }
  return undefined;
}

/** Terraform-style boolean parsing of an environment value (`true`/`1`/`false`/`0`, any case). */
export function parseBool(value: string, what: string): boolean {
  switch (value.trim().toLowerCase()) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    default:
      throw new Error(`${what}: "${value}" is not a boolean (use true or false)`);
  }
}
