import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trustedHtml } from '../../src/cloud/console/html.js';

describe('console html', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const value = `<script>alert(1)</script>"><img src=x onerror='alert(2)'>\``;
    const rendered = html`<p title="${value}">${value}</p>`.text;
    expect(rendered).toBe(`<p title="${escapeHtml(value)}">${escapeHtml(value)}</p>`);
    expect(rendered).not.toMatch(/<(script|img)/);
    expect(escapeHtml(`&<>"'\``)).toBe('&amp;&lt;&gt;&quot;&#39;&#96;');
  });

  it('nests markup it built, joins lists, and drops absent values', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${undefined}${null}${false}${0}`.text).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
    expect(html`${trustedHtml('<br>')}`.text).toBe('<br>');
  });
});
