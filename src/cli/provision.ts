/**
 * `tjansteplan provision --site <site-id | URL> [--library URL] [--token T] [--ca PATH]`: sets up the site's
 * `Tjänsteplaner` document library and its columns through Graph (see ../publish/graph/provision.ts), once;
 * run again it changes nothing and says so. Exit 0 when the library is as publishing needs it, 1 when
 * something must be fixed by hand (a column of another type, a missing index, a list of that name that is
 * no document library), 2 when Graph cannot be reached or refuses (401/403).
 */
import { GraphError } from '@microsoft/microsoft-graph-client';
import { resolveToken } from './token';
import { staticTokenProvider } from '../publish/auth/tokenProvider';
import { createGraphClient, GRAPH_URL } from '../publish/graph/client';
import { statusOf } from '../publish/graph/errors';
import { LIBRARY_NAME, NotADocumentLibrary, provisionLibrary, WANTED_COLUMNS, type ColumnProblem } from '../publish/graph/provision';
import { parseLibraryUrl } from '../publish/libraryUrl';
import { DEFAULT_CA_PATH, readCa, trustedFetch } from '../publish/node/trustedFetch';
import { UsageError } from './usage';

export interface ProvisionCommandOptions {
  site: string;
  /** The Graph base when --site is an id: https://graph.microsoft.com/v1.0 (default) or the local library's. */
  library?: string;
  token?: string;
  ca?: string;
}

/** A site as Graph addresses it: `host,guid,guid`, `root`, or `host:/sites/path:` — ':' and ',' kept literal. */
function sitePath(site: string): string {
  return site
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/%3A/gi, ':').replace(/%2C/gi, ','))
    .join('/');
}

function where(o: ProvisionCommandOptions): { graphUrl: string; site: string } {
  if (/^https:\/\//i.test(o.site)) {
    if (o.library) throw new UsageError('--site är redan en adress; ange inte --library också');
    const { graphUrl, location } = parseLibraryUrl(o.site);
    return { graphUrl, site: location.site };
  }
  if (/^[a-z]+:\/\//i.test(o.site)) throw new UsageError(`--site ${o.site}: bara https-adresser`);
  return { graphUrl: o.library ? parseLibraryUrl(o.library).graphUrl : GRAPH_URL, site: o.site };
}

function describe(p: ColumnProblem): string {
  if (p.problem === 'type') return `kolumnen ${p.name} har typen ${p.found}, inte ${p.wanted}; den ändras inte (byt typ eller ta bort den för hand, värdena i den kan gå förlorade)`;
  if (p.problem === 'choices') return `valkolumnen ${p.name} saknar val: den har ${p.found || 'inga'}, behöver ${p.wanted}; lägg till dem för hand`;
  return `kolumnen ${p.name} är inte indexerad; lägg till indexet för hand (Biblioteksinställningar → Indexerade kolumner), annars nekar SharePoint listfrågorna på stora bibliotek`;
}

export async function provisionCommand(o: ProvisionCommandOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const token = await resolveToken(o.token);
  if (!token) {
    err('tjansteplan: ange en token med TJANSTEPLAN_TOKEN eller --token - (från standard input)');
    return 2;
  }
  const { graphUrl, site } = where(o);
  const local = new URL(graphUrl).hostname !== 'graph.microsoft.com';
  const ca = o.ca ? await readCa(o.ca) : local ? await readCa(DEFAULT_CA_PATH).catch(() => null) : null;
  const client = createGraphClient({ url: graphUrl, tokens: staticTokenProvider(token), ...(ca ? { fetch: trustedFetch(ca) } : {}) });
  let report;
  try {
    report = await provisionLibrary(client, sitePath(site));
  } catch (e) {
    if (e instanceof NotADocumentLibrary) {
      err(`tjansteplan provision: ${e.message}`);
      return 1;
    }
    return failed(e, err);
  }
  if (report.createdLibrary) {
    const indexed = WANTED_COLUMNS.filter((c) => c.indexed).map((c) => c.name);
    out(`Skapade dokumentbiblioteket ${LIBRARY_NAME} med kolumnerna ${WANTED_COLUMNS.map((c) => c.name).join(', ')} (indexerade: ${indexed.join(', ')}).`);
  } else {
    for (const name of report.addedColumns) out(`Lade till kolumnen ${name} i ${LIBRARY_NAME}.`);
  }
  for (const name of report.appeared) {
    out(`${name} fanns redan när det skulle skapas: kanske genom detta kommandos eget första försök, vars svar gick förlorat, eller någon annan samtidigt; kontrollerat.`);
  }
  if (report.unchanged) out(`Inget ändrades: dokumentbiblioteket ${LIBRARY_NAME} och dess kolumner fanns redan / nothing changed.`);
  for (const p of report.problems) err(`tjansteplan provision: ${describe(p)}`);
  out(`Webbplats (siteId i config.json): ${report.siteId}`);
  out(`Bibliotek: ${report.webUrl ?? report.listId}`);
  out('Vyer per forum skapas inte: Graph har inget API för listvyer. Se README för hur de görs en gång för hand.');
  return report.problems.length ? 1 : 0;
}

function failed(e: unknown, err: (s: string) => void): number {
  const status = statusOf(e);
  const detail = e instanceof GraphError ? `${e.code ?? ''} ${e.message}`.trim() : e instanceof Error ? e.message : String(e);
  if (status === 403) {
    err(`tjansteplan provision: behörighet saknas (403). Att skapa bibliotek och kolumner kräver Sites.Manage.All (eller platsrollen manage/fullcontrol under Sites.Selected), se README: ${detail}`);
  } else if (status === 401) err(`tjansteplan provision: token godtas inte (401): ${detail}`);
  else if (status === null || status === 429 || status >= 500 && status !== 501) err(`tjansteplan provision: Graph svarar inte${status ? ` (${status})` : ''}: ${detail}`);
  else {
    err(`tjansteplan provision: Graph svarade ${status}: ${detail}`);
    return 1;
  }
  return 2;
}
