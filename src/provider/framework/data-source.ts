/**
 * One data source type at runtime, as `managed-resource.ts` is for a managed resource: its
 * compiled schema plus the operations the provider server routes to it (validate, read).
 * Works on framework values; `provider.ts` does the protobuf and msgpack edges.
 */
import type { DataSourceDefinition } from './definitions.js';
import { Diagnostics, type Diagnostic } from './diagnostics.js';
import { compileSchema, type CompiledBlock } from './schema.js';
import { validateConfig } from './validate-config.js';
import { failureOf, operationSignal } from './apply.js';
import { shapeObject } from './shape.js';
import type { RuntimeContext } from './managed-resource.js';
import type { Value, ValueObject } from './value.js';
import { isWhollyKnown, unknownsToNull } from './value.js';

/** A data source read has no declared timeout; this bounds it. */
export const DATA_SOURCE_READ_TIMEOUT_MS = 20 * 60_000;

export interface DataSourceResult {
  readonly state: ValueObject | null;
  readonly diagnostics: readonly Diagnostic[];
}

export class DataSource<Client> {
  readonly definition: DataSourceDefinition<Client>;
  readonly schema: CompiledBlock;

  constructor(definition: DataSourceDefinition<Client>) {
    this.definition = definition;
    this.schema = compileSchema(definition.schema, { kind: 'data-source' });
  }

  get typeName(): string {
    return this.definition.typeName;
  }

  validate(config: Value): Diagnostics {
    return validateConfig(this.schema, config);
  }

  /**
   * The handler's state, shaped to the schema, with every argument the user set echoed
   * exactly (the handler fills only computed values). Terraform reads a data source only
   * once its configuration is wholly known.
   */
  async read(config: ValueObject | null, context: RuntimeContext<Client>): Promise<DataSourceResult> {
    const diagnostics = new Diagnostics();
    const failing = `reading ${this.typeName}`;
    if (config === null || !isWhollyKnown(config)) {
      diagnostics.fromThrown(new Error('provider bug: configuration not wholly known'), failing);
      return { state: null, diagnostics: diagnostics.items };
    }
    const { signal, dispose } = operationSignal(context.signals, DATA_SOURCE_READ_TIMEOUT_MS, 'read');
    try {
      if (context.client === undefined) throw new Error('provider bug: data source read before ConfigureProvider');
      const read = await this.definition.read({ config, client: context.client, logger: context.logger, signal });
      const shaped = shapeObject(this.schema, read, { strict: true });
      const echoed: ValueObject = Object.fromEntries(
        Object.entries(shaped).map(([name, value]) => [name, config[name] !== null && config[name] !== undefined ? config[name] : value]),
      );
      return { state: unknownsToNull(echoed) as ValueObject, diagnostics: [] };
    } catch (error) {
      diagnostics.fromThrown(failureOf(error, signal), failing);
      return { state: null, diagnostics: diagnostics.items };
    } finally {
      dispose();
    }
  }
}
