/**
 * Reads a registry-layout documentation page (`docs/resources/image.md` …) into what the docs
 * test compares with the schema: the argument list with its flags, the attribute list,
 * the timeouts with their defaults, and whether an Import section exists.
 *
 * The page grammar is the registry's: `## Argument Reference` holds bullets
 * `* \`name\` - (Optional, ForceNew, Computed) text`; a nested block's arguments are either
 * indented bullets under its own bullet or bullets under a `### \`block\`` heading (dotted for
 * deeper blocks); `## Attributes Reference` holds bullets whose indentation gives nesting;
 * `## Timeouts` holds `* \`create\` - (Defaults to 10 mins) …`.
 */

/** The flags the test compares; other words in the parenthesis (Map, Available since …) are ignored. */
export const FLAGS = ['Required', 'Optional', 'Computed', 'ForceNew', 'Sensitive', 'Deprecated'] as const;
export type Flag = (typeof FLAGS)[number];

export interface DocPage {
  readonly frontMatter: Readonly<Record<string, string>>;
  readonly title: string | undefined;
  readonly sections: readonly string[];
  /** Dotted path → flags, e.g. `disk_device_mapping.size` → ['Optional','ForceNew','Computed']. */
  readonly arguments: ReadonlyMap<string, readonly Flag[]>;
  /** Dotted paths of the Attributes Reference. */
  readonly attributes: ReadonlySet<string>;
  /** Timeout name → default in milliseconds. */
  readonly timeouts: ReadonlyMap<string, number>;
  /** Problems with the page's own grammar (a bullet without flags …). */
  readonly problems: readonly string[];
}

const BULLET = /^(\s*)[*-] `([A-Za-z0-9_.]+)` - ?(.*)$/;
const FLAG_PAREN = /^\(([^)]*)\)/;

function flagsOf(text: string): Flag[] | undefined {
  const paren = FLAG_PAREN.exec(text);
  if (!paren?.[1]) return undefined;
  const flags = new Set<Flag>();
  for (const word of paren[1].split(',').map((part) => part.trim())) {
    const flag = FLAGS.find((candidate) => word === candidate || (candidate === 'Deprecated' && word.startsWith('Deprecated')));
    if (flag) flags.add(flag);
  }
  return FLAGS.filter((flag) => flags.has(flag));
}

function durationMs(text: string): number | undefined {
  const match = /Defaults to (\d+) ?(mins?|minutes?|secs?|seconds?|hours?|h|m|s)\b/i.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const unit = match[2].toLowerCase();
  const scale = unit.startsWith('h') ? 3_600_000 : unit.startsWith('m') ? 60_000 : 1_000;
  return Number(match[1]) * scale;
}

function parseFrontMatter(lines: readonly string[]): { frontMatter: Record<string, string>; body: number } {
  const frontMatter: Record<string, string> = {};
  if (lines[0] !== '---') return { frontMatter, body: 0 };
  let index = 1;
  for (; index < lines.length && lines[index] !== '---'; index++) {
    const match = /^([a-z_]+):\s*(.*)$/.exec(lines[index] ?? '');
    if (match?.[1]) frontMatter[match[1]] = (match[2] ?? '').replace(/^"|"$/g, '');
  }
  return { frontMatter, body: index + 1 };
}

export function parseDocPage(text: string): DocPage {
  const lines = text.split('\n');
  const { frontMatter, body } = parseFrontMatter(lines);
  const sections: string[] = [];
  const args = new Map<string, Flag[]>();
  const attributes = new Set<string>();
  const timeouts = new Map<string, number>();
  const problems: string[] = [];
  let title: string | undefined;
  let section = '';
  let prefix = '';
  let inCode = false;
  /** Bullet paths by indentation, for nesting. */
  let stack: { indent: number; path: string }[] = [];

  for (const line of lines.slice(body)) {
    if (line.startsWith('```')) {
      inCode = !inCode;
      continue;
    }
    if (inCode) continue;
    if (line.startsWith('# ') && title === undefined) title = line.slice(2).trim();
    if (line.startsWith('## ')) {
      section = line.slice(3).trim();
      sections.push(section);
      prefix = '';
      stack = [];
      continue;
    }
    if (line.startsWith('### ')) {
      const heading = /^### `([A-Za-z0-9_.]+)`/.exec(line);
      prefix = heading?.[1] ? `${heading[1]}.` : '';
      stack = [];
      continue;
    }
    const bullet = BULLET.exec(line);
    if (!bullet) continue;
    const indent = bullet[1]?.length ?? 0;
    const name = bullet[2] ?? '';
    const rest = bullet[3] ?? '';
    while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
    const path = `${stack.at(-1)?.path ?? prefix.slice(0, -1)}${stack.length > 0 || prefix ? '.' : ''}${name}`;
    stack.push({ indent, path });
    if (section === 'Argument Reference') {
      const flags = flagsOf(rest);
      if (flags === undefined || !(flags.includes('Required') || flags.includes('Optional'))) {
        problems.push(`argument ${path}: no (Required|Optional, …) flags`);
      }
      if (args.has(path)) problems.push(`argument ${path} is listed twice`);
      args.set(path, flags ?? []);
    } else if (section === 'Attributes Reference') {
      if (attributes.has(path)) problems.push(`attribute ${path} is listed twice`);
      attributes.add(path);
    } else if (section === 'Timeouts') {
      const ms = durationMs(rest);
      if (ms === undefined) problems.push(`timeout ${path}: no "(Defaults to N mins)"`);
      else timeouts.set(path, ms);
    }
  }
  return { frontMatter, title, sections, arguments: args, attributes, timeouts, problems };
}
