/**
 * What every reviewers' page shares: the document around the content (language, viewport, landmarks, a skip
 * link, the breadcrumb trail) and the small formatters. Every value goes through `h` (html.ts): nothing from
 * a file name, a column or a snapshot is ever markup.
 */
import { formatNumber } from '../../../domain/money';
import type { Forum } from '../../../domain/versions';
import { escapeHtml as h } from '../html';
import { SITE_NAME, type Item } from '../state';
import { forumOf } from './libraryIndex';
import { STYLE_ELEMENT } from './style';
import { PAGE_PATH } from './urls';

export { h };

export interface Crumb {
  label: string;
  href?: string;
}

/** A whole page: `title` for the tab, `heading` the h1, the trail above it, `body` inside <main>. */
export function pageHtml(o: { title: string; heading: string; lead?: string; crumbs?: Crumb[]; body: string; after?: string }): string {
  const trail = [{ label: SITE_NAME, href: PAGE_PATH }, ...(o.crumbs ?? [])];
  const crumbs = trail.map((c, i) => (c.href && i < trail.length - 1 ? `<li><a href="${h(c.href)}">${h(c.label)}</a></li>` : `<li aria-current="page">${h(c.label)}</li>`)).join('');
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${h(o.title)} – ${h(SITE_NAME)}</title>
${STYLE_ELEMENT}
</head>
<body>
<a class="skip" href="#innehall">Hoppa till innehållet</a>
<header>
<nav class="crumbs" aria-label="Sökväg"><ol>${crumbs}</ol></nav>
</header>
<main id="innehall" tabindex="-1">
<h1>${h(o.heading)}</h1>
${o.lead ? `<p class="lead">${h(o.lead)}</p>` : ''}
${o.body}
</main>
${o.after ?? ''}
<footer><p>Lokalt bibliotek: står för SharePoint-bibliotekets vy som forumens ledamöter använder i Office 365. Belopp i tkr.</p></footer>
</body>
</html>
`;
}

/** A table in its own horizontally scrolling box, reachable by keyboard (a focusable region with a name). */
export function scrollTable(label: string, table: string): string {
  return `<div class="scroll" role="region" aria-label="${h(label)}" tabindex="0">${table}</div>`;
}

/** `4 500`, `−1 460`, or an empty cell's text. */
export const tkr = (v: number | null | undefined, unknown = '–'): string => (v === null || v === undefined ? unknown : formatNumber(v));

export const day = (iso: string | undefined | null): string => (iso ? iso.slice(0, 10) : '');

export const size = (n: number): string =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1).replace('.', ',')} kB` : `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

export const FORUM_NAMES: Record<Forum, string> = { TF: 'Tjänsteforum (TF)', PF: 'Prioriteringsforum (PF)', BF: 'Beslutsforum (BF)' };

/** The Forum column as a reader knows it: the forum's name, or the text as it stands when it names none. */
export function forumName(value: string | undefined): string {
  const forum = forumOf(value);
  return forum ? FORUM_NAMES[forum] : (value ?? '');
}

/**
 * A decision as text, styled by its value (the class from a fixed set only); a submitted version still
 * waiting says so, one the forum has answered names the answer.
 */
export function decisionLabel(value: string | undefined, waiting: { pending: boolean; answer?: string } = { pending: false }): string {
  const v = value ?? '';
  if (!['Utkast', 'Inskickad', 'Fastställd', 'Återremitterad'].includes(v)) return h(v);
  const note = waiting.pending ? ' <span class="pending">väntar på beslut</span>' : waiting.answer ? ` <span class="answered">(besvarad: ${h(waiting.answer)})</span>` : '';
  return `<span class="beslut-${v}">${h(v)}</span>${note}`;
}

export const decisionCell = (value: string | undefined, waiting?: { pending: boolean; answer?: string }): string => `<td>${decisionLabel(value, waiting)}</td>`;

/** What a submitted row's decision cell says about the forum's answer. */
export function waitingOf(pending: boolean, answeredBy: Item | undefined): { pending: boolean; answer?: string } {
  return answeredBy ? { pending, answer: `${answeredBy.fields.Beslut ?? ''} v${answeredBy.fields.Version ?? ''}` } : { pending };
}
