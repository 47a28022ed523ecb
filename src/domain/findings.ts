/**
 * Findings: the one shape every check reports in. Codes are stable API (CLI JSON, tests, task pane);
 * messages are Swedish first, English beside them.
 */
import { formatTkr } from './money';
import type { Location } from './location';

export type Severity = 'error' | 'warning' | 'info';
export type Language = 'sv' | 'en';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Swedish. */
  message: string;
  messageEn: string;
  location?: Location;
  year?: number;
  /** Integer tkr over the frame (OVER_FRAME, CITY_OVER_FRAME). */
  excess?: number;
  area?: string;
}

/** No arguments: the message reads none. */
type NoArgs = Record<string, never>;
/** Where a cell-level message says which column it is in; without one it says nothing. */
interface InColumn {
  column?: string;
}

/**
 * What each code's message reads, so a call that misspells or forgets an argument does not compile (it would
 * otherwise render "undefined" or "NaN tkr"). Optional where the text handles the argument being absent.
 */
export interface FindingArgs {
  TABLE_MISSING: { table: string; sheet: string };
  COLUMN_MISSING: { column: string; table: string };
  PLAN_INFO_MISSING: { item: string; table?: string };
  UNIT_UNSUPPORTED: { unit: string };
  PERIOD_MISMATCH: { shown: string; period?: undefined } | { column: string; period: string };
  NOT_A_NUMBER: InColumn & { shown: string; hint?: string };
  NUMBER_AS_TEXT: InColumn & { shown: string; tkr: number };
  FORMULA_ERROR: InColumn & { error: string };
  FORMULA_NOT_CALCULATED: InColumn & { formula: string };
  NOT_WHOLE_TKR: InColumn & { shown: string };
  NEGATIVE_DEVELOPMENT: { amount: number; year: number };
  NAME_MISSING: NoArgs;
  DUPLICATE_NR: { nr: string; firstRow: number };
  PRIORITY_INVALID: { shown: string };
  SUM_MISMATCH: { column: string; stated: number; computed: number; fromRow: number; toRow: number };
  TOTALS_NOT_FORMULA: { column: string; shown: string };
  OVER_FRAME: { area: string; year: number; development: number; excess: number; frame: number };
  CITY_OVER_FRAME: { year: number; development: number; excess: number; frame: number };
  FRAME_MISSING: { area: string; year: number };
  FRAME_DIFFERS: { year: number; plan: number; frame: number };
  AREA_PLAN_MISSING: { area: string };
  AREA_DUPLICATE: { area: string; chosen: string; others: string };
  VERSION_ORDER: { version: string; previous: string };
  VERSION_INVALID: { shown: string };
  DATE_ORDER: { date: string; previous: string };
  DATE_INVALID: { shown: string };
  DECISION_INVALID: { shown: string; column: string; allowed: string };
  DECISION_WITHOUT_FORUM: { decision: string; version: string };
  FORUM_WITHOUT_DECISION: { forum: string; version: string };
  DECISION_WITHOUT_VERSION: { decision: string };
  APPROVED_WITH_ERRORS: { version: string; count: number };
  APPROVED_OVER_FRAME: { version: string; years: string; yearsEn: string; refusal: string; refusalEn: string };
  INDICATIVE_DIFFERS: { name: string; year: number; now: number; was: number; delta: number; source: string };
  DECISION_UNPUBLISHED: { version: string; forum?: string };
  CHANGED_SINCE_APPROVAL: { count: number; version: string };
  APPROVAL_UNREADABLE: NoArgs;
}

export type FindingCode = keyof FindingArgs;

interface Entry<A> {
  severity: Severity;
  sv: (a: A) => string;
  en: (a: A) => string;
}

const tkr = (v: number) => formatTkr(v);
const where = (a: InColumn) => (a.column ? ` i kolumnen ${a.column}` : '');
const whereEn = (a: InColumn) => (a.column ? ` in column ${a.column}` : '');
const HINT_SV: Record<string, string> = {
  'ambiguous-dot': ' Punkten kan vara både tusental och decimal; skriv t.ex. 1 000 eller 1,5.',
  grouping: ' Mellanslag ska dela talet i grupper om tre siffror (1 000 000).',
};
const HINT_EN: Record<string, string> = {
  'ambiguous-dot': ' The dot could be a thousands separator or a decimal point; write e.g. 1 000 or 1,5.',
  grouping: ' Spaces must split the number into groups of three digits (1 000 000).',
};

const CATALOG: { [C in FindingCode]: Entry<FindingArgs[C]> } = {
  TABLE_MISSING: {
    severity: 'error',
    sv: (a) => `Tabellen ${a.table} saknas (ska ligga på bladet ${a.sheet}).`,
    en: (a) => `The table ${a.table} is missing (it belongs on the sheet ${a.sheet}).`,
  },
  COLUMN_MISSING: {
    severity: 'error',
    sv: (a) => `Kolumnen ${a.column} saknas i tabellen ${a.table}.`,
    en: (a) => `The column ${a.column} is missing from the table ${a.table}.`,
  },
  PLAN_INFO_MISSING: {
    severity: 'error',
    sv: (a) => `Uppgiften ${a.item} saknas i tabellen ${a.table ?? 'Planuppgifter'}.`,
    en: (a) => `The item ${a.item} is missing from the table ${a.table ?? 'Planuppgifter'}.`,
  },
  UNIT_UNSUPPORTED: {
    severity: 'error',
    sv: (a) => `Enheten "${a.unit}" stöds inte; planen förs i tkr.`,
    en: (a) => `The unit "${a.unit}" is not supported; the plan is kept in tkr.`,
  },
  PERIOD_MISMATCH: {
    severity: 'error',
    sv: (a) =>
      a.period === undefined
        ? `Planperioden "${a.shown}" kan inte läsas; skriv t.ex. 2022–2024.`
        : `Kolumnen ${a.column} hör inte till planperioden ${a.period}.`,
    en: (a) =>
      a.period === undefined
        ? `The plan period "${a.shown}" cannot be read; write e.g. 2022–2024.`
        : `The column ${a.column} is outside the plan period ${a.period}.`,
  },
  NOT_A_NUMBER: {
    severity: 'error',
    sv: (a) => `"${a.shown}"${where(a)} är inte ett belopp.${HINT_SV[a.hint ?? ''] ?? ''}`,
    en: (a) => `"${a.shown}"${whereEn(a)} is not an amount.${HINT_EN[a.hint ?? ''] ?? ''}`,
  },
  NUMBER_AS_TEXT: {
    severity: 'info',
    sv: (a) => `"${a.shown}"${where(a)} är skrivet som text; läst som ${tkr(a.tkr)}.`,
    en: (a) => `"${a.shown}"${whereEn(a)} is stored as text; read as ${tkr(a.tkr)}.`,
  },
  FORMULA_ERROR: {
    severity: 'error',
    sv: (a) => `Cellen${where(a)} visar felet ${a.error}.`,
    en: (a) => `The cell${whereEn(a)} shows the error ${a.error}.`,
  },
  FORMULA_NOT_CALCULATED: {
    severity: 'warning',
    sv: (a) => `Formeln ${a.formula}${where(a)} har inget beräknat värde i filen; öppna och spara den i Excel.`,
    en: (a) => `The formula ${a.formula}${whereEn(a)} has no calculated value in the file; open and save it in Excel.`,
  },
  NOT_WHOLE_TKR: {
    severity: 'error',
    sv: (a) => `${a.shown}${where(a)} är inte hela tkr; planen förs i hela tusental kronor.`,
    en: (a) => `${a.shown}${whereEn(a)} is not whole tkr; the plan is kept in whole thousands of SEK.`,
  },
  NEGATIVE_DEVELOPMENT: {
    severity: 'error',
    sv: (a) => `Utvecklingskostnaden ${tkr(a.amount)} för ${a.year} är negativ; besparingar förs som påverkan på vidmakthållande.`,
    en: (a) => `The development cost ${tkr(a.amount)} for ${a.year} is negative; savings belong in the impact on maintenance.`,
  },
  NAME_MISSING: {
    severity: 'error',
    sv: () => `Raden saknar namn på initiativet.`,
    en: () => `The row has no initiative name.`,
  },
  DUPLICATE_NR: {
    severity: 'error',
    sv: (a) => `Nr ${a.nr} används redan på rad ${a.firstRow}.`,
    en: (a) => `Nr ${a.nr} is already used on row ${a.firstRow}.`,
  },
  PRIORITY_INVALID: {
    severity: 'warning',
    sv: (a) => `"${a.shown}" i kolumnen Prioritet är inte Måste, Bör eller Kan; prioriteringen behandlar raden som ej angiven (Bör).`,
    en: (a) => `"${a.shown}" in the Prioritet column is not Måste, Bör or Kan; prioritisation treats the row as not stated (Bör).`,
  },
  SUM_MISMATCH: {
    severity: 'error',
    sv: (a) =>
      `Summan i ${a.column} är ${tkr(a.stated)} men raderna ${a.fromRow}–${a.toRow} ger ${tkr(a.computed)} (skillnad ${tkr(Number(a.stated) - Number(a.computed))}).`,
    en: (a) =>
      `The sum in ${a.column} is ${tkr(a.stated)} but rows ${a.fromRow}–${a.toRow} add up to ${tkr(a.computed)} (difference ${tkr(Number(a.stated) - Number(a.computed))}).`,
  },
  TOTALS_NOT_FORMULA: {
    severity: 'error',
    sv: (a) => `Totalraden i ${a.column} är ett inskrivet tal (${a.shown}); den ska vara en formel.`,
    en: (a) => `The totals row in ${a.column} is a typed number (${a.shown}); it must be a formula.`,
  },
  OVER_FRAME: {
    // Over the frame before PF is the input to prioritisation, not a data error; BF approval is what it blocks.
    severity: 'warning',
    sv: (a) => `${a.area}: utveckling ${a.year} är ${tkr(a.development)}, ${tkr(a.excess)} över ramen ${tkr(a.frame)}.`,
    en: (a) => `${a.area}: development ${a.year} is ${tkr(a.development)}, ${tkr(a.excess)} over the frame of ${tkr(a.frame)}.`,
  },
  CITY_OVER_FRAME: {
    // Over the frame before PF is the input to prioritisation, not a data error; BF approval is what it blocks.
    severity: 'warning',
    sv: (a) => `Alla tjänsteområden tillsammans: utveckling ${a.year} är ${tkr(a.development)}, ${tkr(a.excess)} över stadens ram ${tkr(a.frame)}.`,
    en: (a) => `All service areas together: development ${a.year} is ${tkr(a.development)}, ${tkr(a.excess)} over the city's frame of ${tkr(a.frame)}.`,
  },
  FRAME_MISSING: {
    severity: 'warning',
    sv: (a) => `Ingen ram för ${a.area} ${a.year}; planen kan inte prövas mot ramen det året.`,
    en: (a) => `No frame for ${a.area} ${a.year}; the plan cannot be checked against a frame that year.`,
  },
  FRAME_DIFFERS: {
    severity: 'warning',
    sv: (a) => `Planens ram för ${a.year} (${tkr(a.plan)}) skiljer sig från ekonomis budgetram (${tkr(a.frame)}).`,
    en: (a) => `The plan's frame for ${a.year} (${tkr(a.plan)}) differs from finance's budget frame (${tkr(a.frame)}).`,
  },
  AREA_PLAN_MISSING: {
    severity: 'warning',
    sv: (a) => `${a.area} har en ram men ingen plan i sammanställningen.`,
    en: (a) => `${a.area} has a frame but no plan in the consolidation.`,
  },
  AREA_DUPLICATE: {
    severity: 'warning',
    sv: (a) => `${a.area} har flera planer; den nyaste fastställda, ${a.chosen}, används och ${a.others} lämnas utanför.`,
    en: (a) => `${a.area} has several plans; the newest approved, ${a.chosen}, is used and ${a.others} is left out.`,
  },
  VERSION_ORDER: {
    severity: 'warning',
    sv: (a) => `Version ${a.version} kommer efter den högre versionen ${a.previous}.`,
    en: (a) => `Version ${a.version} comes after the higher version ${a.previous}.`,
  },
  VERSION_INVALID: {
    severity: 'warning',
    sv: (a) => `Versionen "${a.shown}" kan inte läsas; skriv t.ex. 0.3 eller 1.0.`,
    en: (a) => `The version "${a.shown}" cannot be read; write e.g. 0.3 or 1.0.`,
  },
  DATE_ORDER: {
    severity: 'warning',
    sv: (a) => `Datumet ${a.date} är tidigare än ${a.previous} på raden ovanför.`,
    en: (a) => `The date ${a.date} is earlier than ${a.previous} on the row above.`,
  },
  DATE_INVALID: {
    severity: 'warning',
    sv: (a) => `Datumet "${a.shown}" kan inte läsas; skriv t.ex. 2021-05-03.`,
    en: (a) => `The date "${a.shown}" cannot be read; write e.g. 2021-05-03.`,
  },
  DECISION_INVALID: {
    severity: 'warning',
    sv: (a) => `"${a.shown}" i ${a.column} är inte ett av ${a.allowed}.`,
    en: (a) => `"${a.shown}" in ${a.column} is not one of ${a.allowed}.`,
  },
  DECISION_WITHOUT_FORUM: {
    severity: 'warning',
    sv: (a) => `Beslutet ${a.decision} om version ${a.version} saknar forum; skriv TF, PF eller BF i kolumnen Forum.`,
    en: (a) => `The decision ${a.decision} on version ${a.version} has no forum; write TF, PF or BF in the Forum column.`,
  },
  FORUM_WITHOUT_DECISION: {
    severity: 'warning',
    sv: (a) => `${a.forum} står som forum för version ${a.version} men Beslut är tomt; skriv t.ex. Fastställd eller Återremitterad.`,
    en: (a) => `${a.forum} is given as the forum for version ${a.version} but Beslut is empty; write e.g. Fastställd or Återremitterad.`,
  },
  DECISION_WITHOUT_VERSION: {
    severity: 'warning',
    sv: (a) => `Beslutet ${a.decision} saknar version; skriv vilken version forumet beslutade om.`,
    en: (a) => `The decision ${a.decision} has no version; write the version the forum decided on.`,
  },
  APPROVED_WITH_ERRORS: {
    severity: 'error',
    sv: (a) => `Den fastställda versionen ${a.version} har ${a.count} fel; en plan med fel får inte fastställas.`,
    en: (a) =>
      `The approved version ${a.version} has ${a.count} ${Number(a.count) === 1 ? 'error' : 'errors'}; a plan with errors must not be approved.`,
  },
  APPROVED_OVER_FRAME: {
    severity: 'error',
    sv: (a) => `Version ${a.version} är fastställd i Beslutsforum men planen är över sin ram: ${a.years}. ${a.refusal}`,
    en: (a) => `Version ${a.version} is approved by Beslutsforum but the plan is over its frame: ${a.yearsEn}. ${a.refusalEn}`,
  },
  INDICATIVE_DIFFERS: {
    severity: 'info',
    sv: (a) =>
      `${a.name}: utveckling ${a.year} är ${tkr(a.now)}, ${tkr(Math.abs(Number(a.delta)))} ${Number(a.delta) > 0 ? 'mer' : 'mindre'} än det indikativa ${tkr(a.was)} (${a.source}).`,
    en: (a) =>
      `${a.name}: development ${a.year} is ${tkr(a.now)}, ${tkr(Math.abs(Number(a.delta)))} ${Number(a.delta) > 0 ? 'more' : 'less'} than the indicative ${tkr(a.was)} (${a.source}).`,
  },
  DECISION_UNPUBLISHED: {
    severity: 'warning',
    sv: (a) => `Version ${a.version} är fastställd${a.forum ? ` av ${a.forum}` : ''} men finns inte i dokumentbiblioteket; publicera den.`,
    en: (a) => `Version ${a.version} is approved${a.forum ? ` by ${a.forum}` : ''} but is not in the document library; publish it.`,
  },
  CHANGED_SINCE_APPROVAL: {
    severity: 'info',
    sv: (a) =>
      `${a.count} ${Number(a.count) === 1 ? 'cell skiljer' : 'celler skiljer'} sig från den fastställda versionen ${a.version}.`,
    en: (a) => `${a.count} ${Number(a.count) === 1 ? 'cell differs' : 'cells differ'} from the approved version ${a.version}.`,
  },
  APPROVAL_UNREADABLE: {
    severity: 'warning',
    sv: () =>
      'Arbetsbokens sparade uppgifter om den fastställda versionen går inte att läsa, så ändringar sedan fastställandet kan inte visas och versionen publiceras inte. De skrivs på nytt när ett beslut Fastställd registreras.',
    en: () =>
      "The workbook's record of its approved version cannot be read, so changes since approval cannot be shown and the version is not published. It is written again when a Fastställd decision is recorded.",
  },
};

export const FINDING_CODES = Object.keys(CATALOG) as FindingCode[];

export interface FindingExtras {
  location?: Location;
  year?: number;
  excess?: number;
  area?: string;
  severity?: Severity;
}

/** The longest text a message echoes from a cell; a cell may hold a 100 MB string. */
export const ECHO_MAX = 200;

/** Texts longer than ECHO_MAX cut short, saying so and how long they were. */
function echoed<A extends object>(args: A, lang: Language): A {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args) as [string, unknown][]) {
    out[k] = typeof v === 'string' && v.length > ECHO_MAX ? `${[...v.slice(0, ECHO_MAX)].slice(0, -1).join('')}… (${v.length.toLocaleString('sv-SE')} ${lang === 'sv' ? 'tecken' : 'characters'})` : v;
  }
  // Same keys, and every string is still a string: the shape the code's message reads.
  return out as A;
}

/** A code's arguments, which may be left out when the message needs none of them. */
type FindingParams<C extends FindingCode> = Record<never, never> extends FindingArgs[C]
  ? [args?: FindingArgs[C], extras?: FindingExtras]
  : [args: FindingArgs[C], extras?: FindingExtras];

/** Makes a finding with its Swedish and English message. */
export function finding<C extends FindingCode>(code: C, ...[args, extras = {}]: FindingParams<C>): Finding {
  const entry: Entry<FindingArgs[C]> = CATALOG[code];
  // Left out only where every argument is optional, so none is an empty set of them.
  const given = (args ?? {}) as FindingArgs[C];
  const f: Finding = {
    code,
    severity: extras.severity ?? entry.severity,
    message: entry.sv(echoed(given, 'sv')),
    messageEn: entry.en(echoed(given, 'en')),
  };
  if (extras.location) f.location = extras.location;
  if (extras.year !== undefined) f.year = extras.year;
  if (extras.excess !== undefined) f.excess = extras.excess;
  if (extras.area !== undefined) f.area = extras.area;
  return f;
}

export function messageIn(f: Finding, lang: Language): string {
  return lang === 'en' ? f.messageEn : f.message;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export function bySeverity(a: Finding, b: Finding): number {
  return ORDER[a.severity] - ORDER[b.severity];
}
