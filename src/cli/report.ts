/** How findings look on a terminal and in `--json`: the JSON shape is stable API (docs/findings.md). */
import { messageIn, type Finding, type Language } from '../domain/findings';

export interface FileReport {
  file: string;
  findings: Finding[];
  /** Set when the file could not be read at all. */
  error?: string;
}

export function findingJson(f: Finding, lang: Language) {
  const out: Record<string, unknown> = { code: f.code, severity: f.severity, message: messageIn(f, lang) };
  if (f.year !== undefined) out.year = f.year;
  if (f.excess !== undefined) out.excess = f.excess;
  if (f.area !== undefined) out.area = f.area;
  if (f.location) out.location = f.location;
  return out;
}

export function reportsJson(reports: readonly FileReport[], lang: Language): string {
  return JSON.stringify(
    {
      files: reports.map((r) => ({
        file: r.file,
        ...(r.error ? { error: r.error } : {}),
        findings: r.findings.map((f) => findingJson(f, lang)),
      })),
    },
    null,
    2,
  );
}

export const LABEL: Record<Language, Record<Finding['severity'], string>> = {
  sv: { error: 'FEL', warning: 'VARNING', info: 'INFO' },
  en: { error: 'ERROR', warning: 'WARNING', info: 'INFO' },
};

export function where(f: Finding, lang: Language): string {
  const l = f.location;
  if (!l) return '';
  const cell = l.address ? `${l.sheet}!${l.address}` : l.sheet;
  const row = l.row !== undefined ? `${lang === 'sv' ? 'rad' : 'row'} ${l.row}` : '';
  const detail = [l.table, row, l.column ?? ''].filter(Boolean).join(', ');
  return `${cell} (${detail})`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function reportText(r: FileReport, lang: Language): string {
  if (r.error) return `${r.file}: ${r.error}`;
  const count = (s: Finding['severity']) => r.findings.filter((f) => f.severity === s).length;
  const head =
    lang === 'sv'
      ? `${r.file}: ${count('error')} fel, ${plural(count('warning'), 'varning', 'varningar')}, ${plural(count('info'), 'upplysning', 'upplysningar')}`
      : `${r.file}: ${plural(count('error'), 'error', 'errors')}, ${plural(count('warning'), 'warning', 'warnings')}, ${plural(count('info'), 'note', 'notes')}`;
  const lines = r.findings.map((f) => `  ${LABEL[lang][f.severity].padEnd(8)}${f.code.padEnd(22)}${where(f, lang)}\n          ${messageIn(f, lang)}`);
  return [head, ...lines].join('\n');
}
