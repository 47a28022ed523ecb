/**
 * One period folder as a section: its plan versions by forum (TF, PF, BF), submitted ones first, one row
 * per version (its snapshot folded into the row), then the forum's documents (review packs, decision
 * workbooks) in a small list of their own. Shared by the library page and a folder's own page.
 */
import { downloadUrl } from '../signedUrls';
import type { Item } from '../state';
import { day, decisionCell, FORUM_NAMES, h, scrollTable, size, waitingOf } from './layout';
import { groupRows, isPending, orderDocuments, orderRows, type DocumentRow, type PeriodView, type PlanRow } from './libraryIndex';
import { folderPath, versionPath } from './urls';

export interface Links {
  fileOrigin: string;
  secret: string;
  now: Date;
}

const download = (l: Links, item: Item, text: string, label?: string): string =>
  `<a href="${h(downloadUrl(l.fileOrigin, l.secret, item.id, l.now))}" download="${h(item.name)}"${label ? ` aria-label="${h(label)}"` : ''}>${h(text)}</a>`;

function versionRow(l: Links, r: PlanRow): string {
  const f = r.item.fields;
  const what = `${f.Tjansteomrade} v${f.Version}`;
  // The file's name is the download link, as SharePoint's Name column; the snapshot rides along.
  const files = [download(l, r.item, r.item.name), r.snapshot ? download(l, r.snapshot, 'Data (JSON)', `Data (JSON): ${r.snapshot.name}`) : ''].filter(Boolean).join(' · ');
  return `<tr id="item-${h(r.item.id)}"><th scope="row"><a href="${h(versionPath(r.item.id))}" aria-label="${h(`Öppna ${what}`)}">${h(f.Tjansteomrade)}</a></th><td>${h(f.Version)}</td><td>${h(f.Forum ?? '')}</td>${decisionCell(f.Beslut, waitingOf(isPending(r), r.answeredBy))}<td>${h(day(f.Beslutsdatum))}</td><td>${files}</td><td>${h(day(r.item.modified))}</td></tr>`;
}

const HEAD = '<thead><tr><th scope="col">Tjänsteområde</th><th scope="col">Version</th><th scope="col">Forum</th><th scope="col">Beslut</th><th scope="col">Beslutsdatum</th><th scope="col">Fil</th><th scope="col">Ändrad</th></tr></thead>';

/** Which of the period's rows a section shows. */
export type RowChoice =
  /** The library page: everything when it fits in `allowance` rows, else its pending versions (at most that many) and a link to the period's page. */
  | { kind: 'summary'; allowance: number }
  /** The period's own page: rows `start` to `start + count` of its versions, then its documents. */
  | { kind: 'slice'; start: number; count: number };

export interface Section {
  html: string;
  /** Version and document rows rendered, for the page's row budget. */
  rows: number;
}

/**
 * `level`: the heading level of the period's title (2 on the library page, none on its own page). Only the
 * rows chosen are sorted, signed and escaped: a period of 1 000 versions costs what its shown rows cost.
 */
export function periodSection(l: Links, view: PeriodView, title: string, level: 2 | null, choice: RowChoice): Section {
  const id = `folder-${view.folder.id}`;
  const heading = level ? `<h2 id="${h(id)}-rubrik"><a href="${h(folderPath(view.folder.id))}">${h(title)}</a></h2>` : '';
  const sub = level ? 'h3' : 'h2';
  const parts: string[] = [];
  const total = view.versions.length;
  if (total === 0) parts.push('<p class="empty">Inga planversioner här ännu.</p>');
  else parts.push(`<p>${total} ${total === 1 ? 'planversion' : 'planversioner'}${view.pending ? `, <span class="pending">${view.pending} väntar på beslut</span>` : ''}.</p>`);
  let versions: PlanRow[];
  let documents: DocumentRow[];
  let more = false;
  if (choice.kind === 'summary' && total + view.documents.length > choice.allowance) {
    // Too many for the library page: the versions waiting for a decision (what forum members act on) first.
    versions = orderRows(view.versions.filter((v) => isPending(v))).slice(0, choice.allowance);
    documents = [];
    more = true;
    if (versions.length < view.pending) parts.push(`<p>Här visas ${versions.length} av de ${view.pending} som väntar på beslut.</p>`);
    else if (view.pending > 0) parts.push('<p>Här visas de som väntar på beslut.</p>');
  } else if (choice.kind === 'summary') {
    versions = orderRows(view.versions);
    documents = orderDocuments(view.documents);
  } else {
    const end = choice.start + choice.count;
    versions = choice.start < total ? orderRows(view.versions).slice(choice.start, end) : [];
    documents = end > total ? orderDocuments(view.documents).slice(Math.max(0, choice.start - total), end - total) : [];
  }
  for (const g of groupRows(versions)) {
    const name = g.forum ? FORUM_NAMES[g.forum] : 'Utan forum';
    const rows = g.versions.map((r) => versionRow(l, r)).join('\n');
    parts.push(`<${sub}>${h(name)}</${sub}>`, scrollTable(`${title}: ${name}`, `<table>${HEAD}<tbody>\n${rows}\n</tbody></table>`));
  }
  if (documents.length > 0) {
    const items = documents
      .map((d) => `<li id="item-${h(d.item.id)}">${download(l, d.item, [...d.under, d.item.name].join(' / '))} <span class="empty">(${h(size(d.item.size))}, ${h(day(d.item.modified))})</span> · <a href="${h(versionPath(d.item.id))}" aria-label="${h(`Uppgifter om ${d.item.name}`)}">uppgifter</a></li>`)
      .join('\n');
    parts.push(`<${sub}>Forumens dokument och övriga filer</${sub}>`, `<ul>\n${items}\n</ul>`);
  }
  if (more) {
    const docs = view.documents.length ? ` och ${view.documents.length} dokument` : '';
    parts.push(`<p class="more"><a href="${h(folderPath(view.folder.id))}">${h(`Visa alla ${total} versioner${docs} i ${title}`)}</a></p>`);
  }
  return { html: `<section id="${h(id)}"${level ? ` aria-labelledby="${h(id)}-rubrik"` : ''}>${heading}\n${parts.join('\n')}\n</section>`, rows: versions.length + documents.length };
}
