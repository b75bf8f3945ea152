/** The page shell every console page shares: header, navigation, sign-out, main. */
import { html, type Html } from './html.js';
import type { Viewer } from './viewer.js';

export const CONSOLE_PATH = '/_ecs-image/console/';

export interface Shell {
  readonly title: string;
  /** The navigation entry to mark as current (a path after the prefix). */
  readonly section: string;
  readonly viewer?: Viewer;
  readonly csrf?: string;
  readonly body: Html;
}

const SECTIONS: readonly (readonly [string, string, boolean])[] = [
  ['', 'Overview', false],
  ['images', 'Images', false],
  ['instances', 'Instances', false],
  ['disks', 'Disks', false],
  ['snapshots', 'Snapshots', false],
  ['vpcs', 'VPCs', false],
  ['vswitches', 'vSwitches', false],
  ['security-groups', 'Security groups', false],
  ['jobs', 'Jobs', false],
  ['operations', 'Operations', true],
];

export function page(shell: Shell): Html {
  const { viewer } = shell;
  const nav =
    viewer === undefined
      ? ''
      : html`<nav aria-label="Sections"><ul>${SECTIONS.filter(([, , adminOnly]) => !adminOnly || viewer.isAdmin).map(
          ([path, label]) =>
            html`<li><a href="${CONSOLE_PATH}${path}"${path === shell.section ? html` aria-current="page"` : ''}>${label}</a></li>`,
        )}</ul></nav>
        <form method="post" action="${CONSOLE_PATH}sign-out" class="sign-out">
          <span>Signed in as <strong>${viewer.label}</strong></span>
          <input type="hidden" name="csrf" value="${shell.csrf ?? ''}">
          <button type="submit">Sign out</button>
        </form>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${shell.title} · ecs-image console</title>
<link rel="icon" href="${CONSOLE_PATH}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${CONSOLE_PATH}assets/console.css">
<script src="${CONSOLE_PATH}assets/console.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><a class="brand" href="${CONSOLE_PATH}">ecs-image console</a>${nav}</header>
<main id="main" tabindex="-1">
<h1>${shell.title}</h1>
${shell.body}
</main>
</body>
</html>
`;
}

/** A notice above a page's content: a success or a failure, as text. */
export function notice(message: string | undefined, kind: 'ok' | 'error' = 'ok'): Html {
  if (message === undefined) return html``;
  return kind === 'error'
    ? html`<p class="notice error" role="alert">${message}</p>`
    : html`<p class="notice ok" role="status">${message}</p>`;
}

/** A hidden CSRF field for a state-changing form. */
export function csrfField(csrf: string): Html {
  return html`<input type="hidden" name="csrf" value="${csrf}">`;
}
