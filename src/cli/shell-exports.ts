/**
 * Environment variables as commands of a shell, for `ecs-image env` (set) and
 * `ecs-image env --unset` (clear). Every value is single-quoted in the shell's own
 * rules, so secrets, spaces, `$`, backquotes and newlines arrive byte for byte and
 * nothing is expanded when the output is `eval`ed, `source`d or `Invoke-Expression`ed.
 */

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

/** Names are ours (`TF_CLI_CONFIG_FILE`…); refusing anything else keeps them safe unquoted. */
function checkName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`"${name}" is not a valid environment variable name`);
  return name;
}

/** POSIX single quotes: nothing is special inside; a quote is closed, escaped, reopened. */
function posixQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** fish single quotes: only `\\` and `\'` are escapes. */
function fishQuote(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** PowerShell verbatim strings: a quote is doubled; the typographic single quotes count as quotes too. */
function powershellQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (c) => c + c)}'`;
}

export function setCommand(shell: Shell, name: string, value: string): string {
  const checked = checkName(name);
  switch (shell) {
    case 'bash':
    case 'zsh':
      return `export ${checked}=${posixQuote(value)}`;
    case 'fish':
      return `set -gx ${checked} ${fishQuote(value)};`;
    case 'powershell':
      return `$Env:${checked} = ${powershellQuote(value)}`;
  }
}

export function unsetCommand(shell: Shell, name: string): string {
  const checked = checkName(name);
  switch (shell) {
    case 'bash':
    case 'zsh':
      return `unset ${checked}`;
    case 'fish':
      return `set -e ${checked};`;
    case 'powershell':
      return `Remove-Item -Path Env:${checked} -ErrorAction SilentlyContinue`;
  }
}

/** How to apply the output in each shell (printed as a trailing comment, like docker-machine does). */
export function usageHint(shell: Shell, args: string): string {
  const command = `npx ecs-image env${args}`;
  switch (shell) {
    case 'bash':
    case 'zsh':
      return `# Run this command to configure your shell:\n# eval "$(${command})"`;
    case 'fish':
      return `# Run this command to configure your shell:\n# ${command} | source`;
    case 'powershell':
      return `# Run this command to configure your shell:\n# & ${command} | Invoke-Expression`;
  }
}

/** Set commands for `set` (in the given order), then unset commands for `unset`, one per line. */
export function renderShell(
  shell: Shell,
  set: Readonly<Record<string, string>>,
  unset: readonly string[],
  hint: string | undefined,
): string {
  const lines = [
    ...Object.entries(set).map(([name, value]) => setCommand(shell, name, value)),
    ...unset.map((name) => unsetCommand(shell, name)),
    ...(hint === undefined ? [] : [hint]),
  ];
  return `${lines.join('\n')}\n`;
}
