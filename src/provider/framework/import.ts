/**
 * ImportResourceState: builds the stub state terraform passes to ReadResource next.
 * Default is passthrough (`{ id }`), as the SDK's ImportStatePassthrough. Attributes with a
 * `default` start at their default: Read cannot return arguments the remote side does not
 * store (e.g. `force`), and without it the first plan after an import would show
 * `null → default`.
 */
import type { ImportRequest, ResourceDefinition, StateInput } from './definitions.js';
import type { CompiledBlock } from './schema.js';
import { shapeObject } from './shape.js';
import type { ValueObject } from './value.js';

export async function importStub<Client>(
  definition: ResourceDefinition<Client>,
  schema: CompiledBlock,
  request: ImportRequest<Client>,
): Promise<ValueObject> {
  if (definition.importable === false) {
    throw new Error(`${definition.typeName} does not support import`);
  }
  if (request.id.trim() === '') throw new Error('the import ID must not be empty');
  const stub: StateInput = definition.importState === undefined ? { id: request.id } : await definition.importState(request);
  const shaped = shapeObject(schema, stub, { strict: true });
  const defaults = Object.fromEntries(
    schema.attributes
      .filter((a) => a.default !== undefined && shaped[a.name] === null)
      .map((a) => [a.name, a.default as string | number | boolean]),
  );
  return { ...shaped, ...defaults };
}
