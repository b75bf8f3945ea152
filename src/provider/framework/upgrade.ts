/**
 * UpgradeResourceState: terraform calls it for every instance in state on every plan,
 * refresh and apply, even when versions match, with the state file's raw JSON
 * in the shape of the schema version that wrote it. We run the resource's upgraders from
 * the stored version up to the current one, then fit the result to the current schema:
 * attributes removed from the schema are dropped, added ones become null (empty lists for
 * blocks). The result is wholly known (JSON has no unknowns).
 */
import type { ResourceDefinition } from './definitions.js';
import type { CompiledBlock } from './schema.js';
import { shapeObject } from './shape.js';
import type { ValueObject } from './value.js';

export function upgradeState(
  definition: ResourceDefinition<unknown>,
  schema: CompiledBlock,
  storedVersion: number,
  rawJson: Uint8Array | undefined,
  flatmap: Readonly<Record<string, string>> | undefined,
): ValueObject | null {
  const current = definition.version ?? 0;
  if (storedVersion > current) {
    throw new Error(
      `the state of ${definition.typeName} was written by a newer provider (schema version ${storedVersion}, this provider knows ${current}); upgrade the provider`,
    );
  }
  if (rawJson === undefined || rawJson.byteLength === 0) {
    if (flatmap !== undefined && Object.keys(flatmap).length > 0) {
      throw new Error(`the state of ${definition.typeName} is in the pre-0.12 flatmap format, which this provider cannot read`);
    }
    return null;
  }
  const parsed: unknown = JSON.parse(new TextDecoder().decode(rawJson));
  if (parsed === null) return null;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('raw state is not a JSON object');
  let raw = parsed as Record<string, unknown>;
  for (let version = storedVersion; version < current; version += 1) {
    const upgrader = definition.upgradeState?.[version];
    // Without an upgrader a version step only adds or removes attributes, which the
    // schema fit below handles.
    if (upgrader !== undefined) raw = upgrader(raw);
  }
  return shapeObject(schema, raw, { strict: false });
}
