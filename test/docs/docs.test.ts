/**
 * docs/ against the code: every registered resource and data source of both providers has a
 * page in the registry layout, and each page lists exactly the schema's arguments (with the
 * same Required/Optional/Computed/ForceNew/Sensitive/Deprecated flags), the schema's
 * computed attributes, the declared timeouts with their defaults, and an Import section
 * when the resource can be imported. No terraform: the definitions are read directly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alicloudProvider } from '../../src/provider/alicloud/provider.js';
import { alibabacloudStackProvider } from '../../src/provider/alibabacloudstack/provider.js';
import type { AttributeSchema, AttributeType, BlockSchema, NestedBlockSchema } from '../../src/provider/framework/schema.js';
import { parseGoDuration } from '../../src/provider/framework/timeouts.js';
import type { ResourceDefinition } from '../../src/provider/framework/definitions.js';
import { REPO_ROOT } from '../support/terraform.js';
import { parseDocPage, type DocPage, type Flag } from './doc-page.js';

const DOCS = join(REPO_ROOT, 'docs');

interface Expected {
  readonly arguments: Map<string, Flag[]>;
  readonly attributes: Set<string>;
}

function attributeFlags(decl: AttributeSchema): Flag[] {
  const flags: Flag[] = [];
  if (decl.required === true) flags.push('Required');
  if (decl.optional === true) flags.push('Optional');
  if (decl.computed === true) flags.push('Computed');
  if (decl.forceNew === true) flags.push('ForceNew');
  if (decl.sensitive === true) flags.push('Sensitive');
  if (decl.deprecated !== undefined) flags.push('Deprecated');
  return flags;
}

function blockFlags(decl: NestedBlockSchema): Flag[] {
  const flags: Flag[] = [(decl.minItems ?? 0) > 0 ? 'Required' : 'Optional'];
  if (decl.computed === true) flags.push('Computed');
  if (decl.forceNew === true) flags.push('ForceNew');
  if (decl.deprecated !== undefined) flags.push('Deprecated');
  return flags;
}

/** Fields of an object type (through lists and sets), for nested attribute bullets. */
function objectFields(type: AttributeType): Readonly<Record<string, AttributeType>> | undefined {
  if (typeof type === 'string') return undefined;
  if (type[0] === 'object') return type[1] as Readonly<Record<string, AttributeType>>;
  if (type[0] === 'list' || type[0] === 'set') return objectFields(type[1] as AttributeType);
  return undefined;
}

function addComputedFields(path: string, type: AttributeType, into: Set<string>): void {
  into.add(path);
  for (const [name, field] of Object.entries(objectFields(type) ?? {})) addComputedFields(`${path}.${name}`, field, into);
}

/**
 * Arguments: every configurable attribute and every block, nested ones dotted. Attributes:
 * `id`, every computed-only attribute (object fields dotted), and a block with computed-only
 * attributes together with them.
 */
function expectedOf(schema: BlockSchema, kind: 'resource' | 'data-source' | 'provider'): Expected {
  const expected: Expected = { arguments: new Map(), attributes: new Set(kind === 'provider' ? [] : ['id']) };
  const walk = (block: BlockSchema | NestedBlockSchema, prefix: string): void => {
    for (const [name, decl] of Object.entries(block.attributes)) {
      if (name === 'id' && prefix === '') continue;
      if (decl.required === true || decl.optional === true) expected.arguments.set(prefix + name, attributeFlags(decl));
      else {
        if (prefix !== '') expected.attributes.add(prefix.slice(0, -1));
        addComputedFields(prefix + name, decl.type, expected.attributes);
      }
    }
    for (const [name, decl] of Object.entries(block.blocks ?? {})) {
      expected.arguments.set(prefix + name, blockFlags(decl));
      walk(decl, `${prefix}${name}.`);
    }
  };
  walk(schema, '');
  return expected;
}

function sorted<T>(values: Iterable<T>): T[] {
  return [...values].sort();
}

function compare(page: DocPage, expected: Expected): void {
  expect(page.problems).toEqual([]);
  expect(sorted(page.arguments.keys()), 'argument names').toEqual(sorted(expected.arguments.keys()));
  for (const [path, flags] of expected.arguments) {
    expect({ path, flags: page.arguments.get(path) }, 'argument flags').toEqual({ path, flags });
  }
  expect(sorted(page.attributes), 'attribute names').toEqual(sorted(expected.attributes));
}

function readPage(path: string): DocPage {
  expect(existsSync(path), `${relative(REPO_ROOT, path)} is missing`).toBe(true);
  return parseDocPage(readFileSync(path, 'utf8'));
}

const PROVIDERS = [
  { provider: alicloudProvider(), dir: DOCS, layout: 'alicloud' },
  { provider: alibabacloudStackProvider(), dir: join(DOCS, 'alibabacloudstack'), layout: 'alibabacloudstack' },
] as const;

describe.each(PROVIDERS)('docs of the $layout provider', ({ provider, dir, layout }) => {
  const pageName = (typeName: string): string => `${typeName.replace(`${provider.typeName}_`, '')}.md`;

  it('index.md documents the provider block', () => {
    const page = readPage(join(dir, 'index.md'));
    expect(page.frontMatter['layout']).toBe(layout);
    expect(page.sections).toEqual(expect.arrayContaining(['Example Usage', 'Argument Reference']));
    const expected = expectedOf(provider.schema, 'provider');
    expect(page.problems).toEqual([]);
    expect(sorted(page.arguments.keys())).toEqual(sorted(expected.arguments.keys()));
    for (const [path, flags] of expected.arguments) expect({ path, flags: page.arguments.get(path) }).toEqual({ path, flags });
  });

  it.each(provider.resources.map((resource) => [resource.typeName, resource] as const))('resources/%s', (typeName, resource) => {
    const page = readPage(join(dir, 'resources', pageName(typeName)));
    expect(page.frontMatter).toMatchObject({ layout, page_title: `${layout === 'alicloud' ? 'Alicloud' : 'Alibabacloudstack'}: ${typeName}` });
    expect(page.title?.replace(/\\_/g, '_')).toBe(typeName);
    expect(page.sections).toEqual(expect.arrayContaining(['Example Usage', 'Argument Reference', 'Attributes Reference']));
    compare(page, expectedOf(resource.schema, 'resource'));
    checkTimeoutsAndImport(page, resource);
  });

  it.each((provider.dataSources ?? []).map((dataSource) => [dataSource.typeName, dataSource] as const))('data-sources/%s', (typeName, dataSource) => {
    const page = readPage(join(dir, 'data-sources', pageName(typeName)));
    expect(page.frontMatter['layout']).toBe(layout);
    expect(page.title?.replace(/\\_/g, '_')).toBe(typeName);
    expect(page.sections).toEqual(expect.arrayContaining(['Example Usage', 'Argument Reference', 'Attributes Reference']));
    expect(page.sections).not.toContain('Timeouts');
    compare(page, expectedOf(dataSource.schema, 'data-source'));
  });

  it('has no page for a type the provider does not register', () => {
    const listed = (sub: string): string[] => (existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).filter((file) => file.endsWith('.md')).sort() : []);
    expect(listed('resources')).toEqual(provider.resources.map((resource) => pageName(resource.typeName)).sort());
    expect(listed('data-sources')).toEqual((provider.dataSources ?? []).map((dataSource) => pageName(dataSource.typeName)).sort());
  });
});

function checkTimeoutsAndImport(page: DocPage, resource: ResourceDefinition<unknown>): void {
  const declared = Object.entries(resource.timeouts ?? {}).filter(([key]) => key !== 'default');
  if (declared.length === 0) expect(page.sections).not.toContain('Timeouts');
  else {
    expect(page.sections).toContain('Timeouts');
    expect(Object.fromEntries(page.timeouts)).toEqual(Object.fromEntries(declared.map(([key, text]) => [key, parseGoDuration(text as string)])));
  }
  if (resource.importable === false) expect(page.sections).not.toContain('Import');
  else expect(page.sections).toContain('Import');
}

describe('the docs test reads what it checks', () => {
  it('a drifted page fails: missing argument, wrong flag, extra attribute', () => {
    const schema: BlockSchema = {
      attributes: {
        name: { type: 'string', required: true, forceNew: true },
        size: { type: 'number', optional: true, computed: true },
        status: { type: 'string', computed: true },
      },
      blocks: { disk: { nesting: 'list', computed: true, attributes: { device: { type: 'string', optional: true }, format: { type: 'string', computed: true } } } },
    };
    const good = [
      '## Argument Reference',
      '* `name` - (Required, ForceNew) The name.',
      '* `size` - (Optional, Computed) The size.',
      '* `disk` - (Optional, Computed) Disks. See below.',
      '### `disk`',
      '* `device` - (Optional) Device.',
      '## Attributes Reference',
      '* `id` - The id.',
      '* `status` - The status.',
      '* `disk` - Disks.',
      '  * `format` - Format.',
    ].join('\n');
    expect(() => compare(parseDocPage(good), expectedOf(schema, 'resource'))).not.toThrow();
    const drifts = [
      good.replace('* `size` - (Optional, Computed) The size.\n', ''),
      good.replace('(Required, ForceNew)', '(Required)'),
      good.replace('* `device` - (Optional) Device.', '* `device` - Device.'),
      `${good}\n* \`extra\` - Not in the schema.`,
      good.replace('  * `format` - Format.', '* `format` - Format.'),
    ];
    for (const drifted of drifts) expect(() => compare(parseDocPage(drifted), expectedOf(schema, 'resource'))).toThrow();
  });
});
