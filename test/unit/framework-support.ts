/**
 * Test support for the framework: a small example resource (in-memory store) shaped like
 * alicloud_image, terraform's own ProposedNew merge, and terraform's plan validity rules
 * (spec §2.3), re-stated here so plan tests fail exactly where terraform would object.
 */
import { createLogger } from '../../src/provider/plugin/logger.js';
import type { RpcContext } from '../../src/provider/plugin/provider-server.js';
import type * as tf from '../../src/provider/plugin/tfplugin6-types.js';
import { FrameworkProvider } from '../../src/provider/framework/provider.js';
import type { ProviderDefinition, ResourceDefinition, StateInput } from '../../src/provider/framework/definitions.js';
import { DiagnosticError } from '../../src/provider/framework/diagnostics.js';
import type { CompiledBlock } from '../../src/provider/framework/schema.js';
import { equalTyped } from '../../src/provider/framework/compare.js';
import { decodeObject, encodeObject } from '../../src/provider/framework/convert/values.js';
import { each, intBetween, stringInSlice, stringLenBetween } from '../../src/provider/framework/validators.js';
import type { KnownObject, Value, ValueObject } from '../../src/provider/framework/value.js';
import { isObject, isUnknown } from '../../src/provider/framework/value.js';

export const quietLogger = createLogger({ module: 'test', level: 'off' });

export function rpc(name = 'Test', signal: AbortSignal = new AbortController().signal): RpcContext {
  return { rpc: name, signal, logger: quietLogger };
}

/** The remote side of the example: objects by id, plus switches to make calls fail. */
export class ExampleCloud {
  readonly objects = new Map<string, Record<string, unknown>>();
  #next = 1;
  failCreateAfterStart = false;
  /** Create waits until its signal aborts (timeouts, StopProvider). */
  hangCreate = false;

  newId(): string {
    return `m-${String(this.#next++).padStart(6, '0')}`;
  }
}

export const exampleImage: ResourceDefinition<ExampleCloud> = {
  typeName: 'example_image',
  displayName: 'Example Image',
  version: 1,
  timeouts: { create: '10m', update: '10m', delete: '10m' },
  schema: {
    attributes: {
      image_name: { type: 'string', optional: true, computed: true, validators: [stringLenBetween(2, 128)], conflictsWith: ['name'] },
      name: { type: 'string', optional: true, computed: true, deprecated: "Field 'name' has been deprecated. New field 'image_name' instead." },
      description: { type: 'string', optional: true, validators: [stringLenBetween(0, 256)] },
      architecture: { type: 'string', optional: true, forceNew: true, default: 'x86_64', validators: [stringInSlice(['i386', 'x86_64', 'arm64'])] },
      instance_id: { type: 'string', optional: true, conflictsWith: ['snapshot_id'] },
      snapshot_id: { type: 'string', optional: true },
      force: { type: 'bool', optional: true, default: false },
      tags: { type: ['map', 'string'], optional: true, validators: [each(stringLenBetween(1, 128))] },
      status: { type: 'string', computed: true },
      create_time: { type: 'string', computed: true, useStateForUnknown: true },
      boot_mode: { type: 'string', optional: true, computed: true },
    },
    blocks: {
      disk_device_mapping: {
        nesting: 'list',
        computed: true,
        forceNew: true,
        attributes: {
          size: { type: 'number', optional: true, computed: true, forceNew: true, validators: [intBetween(1, 32768)] },
          snapshot_id: { type: 'string', optional: true, computed: true, forceNew: true },
          progress: { type: 'string', computed: true },
        },
      },
      features: {
        nesting: 'list',
        computed: true,
        maxItems: 1,
        useStateForUnknown: true,
        attributes: { nvme_support: { type: 'string', optional: true, computed: true, forceNew: true } },
      },
    },
  },
  async create({ client, config, created, signal }) {
    const id = client.newId();
    const name = (config['image_name'] ?? config['name'] ?? `image-${id}`) as string;
    const configured = config['disk_device_mapping'] as KnownObject[];
    const mappings = configured.length > 0 ? configured : [{ size: 40, snapshot_id: null, progress: null }];
    client.objects.set(id, {
      image_name: name,
      description: config['description'],
      architecture: config['architecture'],
      boot_mode: config['boot_mode'] ?? 'BIOS',
      tags: config['tags'],
      create_time: '2025-01-02T03:04:05Z',
      status: 'Available',
      disk_device_mapping: mappings.map((m, i) => ({ size: m['size'] ?? 40, snapshot_id: m['snapshot_id'] ?? `s-${id}-${i}`, progress: '100%' })),
      features: [{ nvme_support: 'supported' }],
    });
    created({ id });
    if (client.failCreateAfterStart) throw new Error('waiting for Available: status CreateFailed');
    if (client.hangCreate) {
      await new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    return readObject(client, id, config);
  },
  async read({ client, state }) {
    const id = state['id'] as string;
    return client.objects.has(id) ? readObject(client, id, state) : null;
  },
  async update({ client, config, prior }) {
    const id = prior['id'] as string;
    const object = client.objects.get(id);
    if (object === undefined) throw new DiagnosticError('modifying attributes', { detail: `${id} is gone` });
    Object.assign(object, {
      image_name: config['image_name'] ?? config['name'] ?? object['image_name'],
      description: config['description'],
      tags: config['tags'],
      boot_mode: config['boot_mode'] ?? object['boot_mode'],
    });
    return readObject(client, id, config);
  },
  async delete({ client, state }) {
    client.objects.delete(state['id'] as string);
  },
};

/** What Read reports; arguments the remote side never stores come from `args`. */
function readObject(client: ExampleCloud, id: string, args: KnownObject): StateInput {
  const o = client.objects.get(id) as Record<string, unknown>;
  return {
    id,
    image_name: o['image_name'] as string,
    name: o['image_name'] as string,
    description: (o['description'] ?? null) as string | null,
    architecture: o['architecture'] as string,
    boot_mode: o['boot_mode'] as string,
    tags: (o['tags'] ?? null) as KnownObject | null,
    status: o['status'] as string,
    create_time: o['create_time'] as string,
    disk_device_mapping: o['disk_device_mapping'] as KnownObject[],
    features: o['features'] as KnownObject[],
    instance_id: args['instance_id'] ?? null,
    snapshot_id: args['snapshot_id'] ?? null,
    force: args['force'] ?? false,
  };
}

export function exampleProvider(cloud: ExampleCloud): FrameworkProvider<ExampleCloud> {
  const definition: ProviderDefinition<ExampleCloud> = {
    typeName: 'example',
    schema: { attributes: { region: { type: 'string', optional: true } } },
    configure: async () => cloud,
    resources: [exampleImage],
    dataSources: [
      {
        typeName: 'example_images',
        schema: {
          attributes: {
            name_regex: { type: 'string', optional: true },
            ids: { type: ['list', 'string'], computed: true },
          },
        },
        read: async ({ client, config }) => ({
          id: 'images',
          name_regex: null,
          ids: [...client.objects.entries()]
            .filter(([, o]) => new RegExp((config['name_regex'] as string | null) ?? '.*').test(o['image_name'] as string))
            .map(([id]) => id),
        }),
      },
    ],
  };
  return new FrameworkProvider(definition);
}

// ---- terraform's side -----------------------------------------------------------------

export const dv = (schema: CompiledBlock, value: ValueObject | null): tf.DynamicValue => encodeObject(schema, value);
export const fromDv = (schema: CompiledBlock, value: tf.DynamicValue | undefined): ValueObject | null => decodeObject(schema, value);

/** A config object as terraform sends it: unset attributes null, absent list blocks empty. */
export function configOf(schema: CompiledBlock, values: Record<string, Value>): ValueObject {
  const out: Record<string, Value> = {};
  for (const a of schema.attributes) out[a.name] = values[a.name] ?? (a.computedBlock === undefined ? null : []);
  for (const b of schema.blocks) out[b.name] = values[b.name] ?? (b.nesting === 'single' ? null : []);
  for (const key of Object.keys(values)) if (!(key in out)) throw new Error(`not in schema: ${key}`);
  return out;
}

/** terraform's objchange.ProposedNew: computed attributes null in config take the prior value. */
export function proposedNew(schema: CompiledBlock, prior: ValueObject | null, config: ValueObject | null): ValueObject | null {
  if (config === null) return null;
  const out: Record<string, Value> = {};
  for (const a of schema.attributes) {
    const c = config[a.name] ?? null;
    const p = prior?.[a.name] ?? null;
    if (a.computedBlock !== undefined) {
      // A nested block to terraform: its list elements merge with the prior ones by index.
      const element = a.computedBlock.element;
      out[a.name] = Array.isArray(c) ? c.map((item, i) => (isObject(item) ? proposedNew(element, Array.isArray(p) && isObject(p[i]) ? (p[i] as ValueObject) : null, item) : item)) : c;
      continue;
    }
    out[a.name] = a.computed && c === null ? p : c;
  }
  for (const b of schema.blocks) {
    const c = config[b.name] ?? null;
    const p = prior?.[b.name] ?? null;
    if (b.nesting === 'single') out[b.name] = isObject(c) ? proposedNew(b.block, isObject(p) ? p : null, c) : c;
    else if (b.nesting === 'list' && Array.isArray(c)) {
      out[b.name] = c.map((item, i) => (isObject(item) ? proposedNew(b.block, Array.isArray(p) && isObject(p[i]) ? (p[i] as ValueObject) : null, item) : item));
    } else out[b.name] = c;
  }
  return out;
}

/** terraform's objchange.AssertPlanValid, as far as our schemas reach. Returns the complaints. */
export function planProblems(schema: CompiledBlock, prior: ValueObject | null, config: ValueObject | null, planned: ValueObject | null, at = ''): string[] {
  if (config === null) return planned === null ? [] : [`${at}: planned a non-null destroy value`];
  if (planned === null) return [`${at}: planned a null value for a non-null config`];
  const problems: string[] = [];
  for (const a of schema.attributes) {
    const p = planned[a.name] ?? null;
    const c = config[a.name] ?? null;
    const b = prior?.[a.name] ?? null;
    const where = `${at}.${a.name}`;
    if (a.computedBlock !== undefined) {
      // A nested block to terraform: the count must match, then each element's attributes.
      if (isUnknown(c)) continue;
      if (!Array.isArray(p) || !Array.isArray(c)) problems.push(`${where}: block list must not be unknown or null`);
      else if (p.length !== c.length) problems.push(`${where}: block count changed from ${c.length} to ${p.length}`);
      else {
        p.forEach((item, i) => {
          const priorItem = Array.isArray(b) && isObject(b[i]) ? (b[i] as ValueObject) : null;
          if (isObject(item) && isObject(c[i])) problems.push(...planProblems(a.computedBlock!.element, priorItem, c[i] as ValueObject, item, `${where}.${i}`));
        });
      }
      continue;
    }
    if (equalTyped(a.type, p, c) || (isUnknown(p) && isUnknown(c))) continue;
    if (b !== null && c !== null && equalTyped(a.type, p, b)) continue;
    if (a.computed && !a.optional) continue;
    if (c === null && a.computed) continue;
    problems.push(c === null ? `${where}: planned value for a non-computed attribute` : `${where}: planned value does not match config value`);
  }
  for (const b of schema.blocks) {
    const p = planned[b.name] ?? null;
    const c = config[b.name] ?? null;
    const where = `${at}.${b.name}`;
    if (b.nesting === 'single') {
      if ((p === null) !== (c === null)) problems.push(`${where}: block presence changed`);
      else if (isObject(p) && isObject(c)) problems.push(...planProblems(b.block, isObject(prior?.[b.name]) ? (prior?.[b.name] as ValueObject) : null, c, p, where));
      continue;
    }
    if (!Array.isArray(p) || !Array.isArray(c)) {
      if (!isUnknown(c)) problems.push(`${where}: ${b.nesting} block must be a collection`);
      continue;
    }
    if (p.length !== c.length) problems.push(`${where}: block count changed from ${c.length} to ${p.length}`);
  }
  return problems;
}
