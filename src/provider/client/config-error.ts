/**
 * A provider configuration problem the user has to fix, reported at plan time. `attribute`
 * names the provider argument (the framework turns it into the diagnostic's attribute path);
 * `detail` says how to fix it.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly attribute: string | undefined;
  readonly detail: string | undefined;

  constructor(message: string, options: { attribute?: string; detail?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.attribute = options.attribute;
    this.detail = options.detail;
  }
}
