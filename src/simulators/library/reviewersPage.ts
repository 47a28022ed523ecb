/**
 * The reviewers' view (`GET /` and `/_library/`): what forum members see in SharePoint — the library by
 * folder (one per plan period), each file with its columns (Tjänsteområde, Version, Forum, Beslut,
 * Beslutsdatum) and a download link. Rendered on the server with every value escaped, under a content
 * security policy that allows no script at all and only this page's own style (by hash).
 */
import { createHash } from 'node:crypto';
import { escapeHtml as h } from './html';
import { childrenOf, pathOf } from './names';
import { downloadUrl } from './signedUrls';
import { SITE_NAME, type Item, type State } from './state';

const STYLE = `
body{font-family:"Segoe UI",system-ui,sans-serif;margin:2rem;color:#1b1b1b;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
p.lead{color:#555;margin:0 0 1.5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
th{background:#f3f2f1;font-weight:600}
td.num{text-align:right;white-space:nowrap}
a{color:#0f6cbd}
.empty{color:#666;font-style:italic}
.beslut-Fastställd{color:#107c10;font-weight:600}.beslut-Återremitterad{color:#a4262c;font-weight:600}
`.trim();

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

export const REVIEWERS_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const COLUMNS: [string, string][] = [
  ['Tjansteomrade', 'Tjänsteområde'],
  ['Version', 'Version'],
  ['Forum', 'Forum'],
  ['Beslut', 'Beslut'],
  ['Beslutsdatum', 'Beslutsdatum'],
];

const size = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1).replace('.', ',')} kB` : `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`);
const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');

function folders(state: State): Item[] {
  const out: Item[] = [];
  const walk = (f: Item) => {
    out.push(f);
    for (const c of childrenOf(state, f.id)) if (c.folder) walk(c);
  };
  walk(state.items[state.rootId]);
  // Newest period first: period folders are named by years, so a reverse sort by path puts 2025–2027 first.
  return out.sort((a, b) => pathOf(state, b).join('/').localeCompare(pathOf(state, a).join('/'), 'sv'));
}

function row(state: State, f: Item, now: Date, fileOrigin: string): string {
  const cells = COLUMNS.map(([key]) => {
    const value = key === 'Beslutsdatum' ? day(f.fields[key]) : (f.fields[key] ?? '');
    return key === 'Beslut' && value ? `<td class="beslut-${h(value)}">${h(value)}</td>` : `<td>${h(value)}</td>`;
  }).join('');
  return `<tr id="item-${h(f.id)}"><td><a href="${h(downloadUrl(fileOrigin, state.secret, f.id, now))}" download="${h(f.name)}">${h(f.name)}</a></td>${cells}<td class="num">${h(size(f.size))}</td><td>${h(day(f.modified))}</td></tr>`;
}

function section(state: State, folder: Item, now: Date, fileOrigin: string): string {
  const files = childrenOf(state, folder.id).filter((c) => !c.folder);
  if (files.length === 0 && folder.parentId === null) return '';
  const title = folder.parentId === null ? 'Biblioteket (utan mapp)' : pathOf(state, folder).join(' / ');
  const head = `<tr><th scope="col">Fil</th>${COLUMNS.map(([, label]) => `<th scope="col">${h(label)}</th>`).join('')}<th scope="col">Storlek</th><th scope="col">Ändrad</th></tr>`;
  const body = files.length ? files.map((f) => row(state, f, now, fileOrigin)).join('\n') : `<tr><td colspan="${COLUMNS.length + 3}" class="empty">Inga filer ännu.</td></tr>`;
  return `<section id="folder-${h(folder.id)}"><h2>${h(title)}</h2><table><thead>${head}</thead><tbody>\n${body}\n</tbody></table></section>`;
}

/** `fileOrigin`: where the signed download links point (the library's file origin). */
export function renderReviewersPage(state: State, now: Date, fileOrigin: string): string {
  const sections = folders(state).map((f) => section(state, f, now, fileOrigin)).filter((s) => s !== '');
  const content = sections.length ? sections.join('\n') : '<p class="empty">Biblioteket är tomt: inga versioner är publicerade ännu.</p>';
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${h(SITE_NAME)} – granskning</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${h(SITE_NAME)}</h1>
<p class="lead">Godkända versioner per planperiod, som forumens ledamöter ser dem i SharePoint (lokalt bibliotek).</p>
${content}
</main>
</body>
</html>
`;
}
