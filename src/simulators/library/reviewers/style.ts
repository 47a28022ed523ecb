/**
 * The reviewers' pages' one style sheet and the headers every page goes out with. The content security
 * policy allows no script at all and only this style, by its hash, so nothing a file name or a snapshot
 * carries can run or restyle the page even if it slipped past escaping.
 */
import { createHash } from 'node:crypto';

// Phone first: one column, tables that scroll sideways inside their own box (not the page), 44 px targets.
const STYLE = `
*{box-sizing:border-box}
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.45}
header,main,nav.pages,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.4rem;margin:.25rem 0}h2{font-size:1.15rem;margin:2rem 0 .5rem}h3{font-size:1rem;margin:1.25rem 0 .4rem}
p.lead{color:#555;margin:0 0 1rem}
a{color:#0f6cbd}a:focus-visible{outline:3px solid #0f6cbd;outline-offset:2px}
.skip{position:absolute;left:-100vw}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.5rem}
.scroll{overflow-x:auto;max-width:100%;border:1px solid #e0e0e0;border-radius:4px}
.scroll:focus-visible{outline:3px solid #0f6cbd}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.4rem .6rem}
th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #e0e0e0;vertical-align:top}
th{background:#f3f2f1;font-weight:600}
tbody th{background:transparent}th[scope=row]{min-width:8rem}
.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tr.sum td,tr.sum th,tfoot td,tfoot th{font-weight:600;background:#faf9f8}
tr:target{background:#fff4ce}
.empty{color:#666;font-style:italic}
.pending{background:#fff4ce;color:#5c4400;border-radius:3px;padding:0 .3rem;font-weight:600}
.beslut-Fastställd{color:#107c10;font-weight:600}.beslut-Återremitterad{color:#a4262c;font-weight:600}.beslut-Inskickad{color:#8a5a00;font-weight:600}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0 0 1rem}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
ul.findings{padding-left:1.2rem}ul.findings li{margin:.3rem 0}
.sev-error{color:#a4262c;font-weight:600}.sev-warning{color:#8a5a00;font-weight:600}.sev-info{color:#555;font-weight:600}
.up{color:#a4262c}.down{color:#107c10}
nav.pages ul,nav.crumbs ol{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem}
nav.pages a,nav.crumbs a{display:inline-block;min-height:44px;line-height:44px}
footer{color:#666;font-size:.85rem;padding-bottom:2rem}
@media (prefers-color-scheme:dark){body{background:#1f1f1f;color:#f0f0f0}th{background:#2b2b2b}tbody th{background:transparent}tr.sum td,tr.sum th,tfoot td,tfoot th{background:#262626}a{color:#6cb8f6}p.lead,.empty,footer{color:#bbb}.pending,tr:target{background:#4a3b00;color:#fff}.skip:focus{background:#1f1f1f}.beslut-Fastställd,.down{color:#6ccb5f}.beslut-Inskickad,.sev-warning{color:#f2c661}.beslut-Återremitterad,.sev-error,.up{color:#ff99a4}.sev-info{color:#ccc}}
`.trim();

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

export const STYLE_ELEMENT = `<style>${STYLE}</style>`;

export const REVIEWERS_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** What every reviewers' page is served with, beside the request's common headers. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': REVIEWERS_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};
