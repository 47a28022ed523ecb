/** RawTable objects as a host reports them, built by hand: the table contract's tests need no files. */
import type { CellValue } from '../../src/domain/cell';
import type { RawTable } from '../../src/workbook/host';

export function raw(
  name: string,
  sheet: string,
  headers: string[],
  body: CellValue[][],
  at: { headerRow?: number; firstColumn?: number; totals?: CellValue[] | null } = {},
): RawTable {
  return {
    name,
    sheet,
    headerRow: at.headerRow ?? 1,
    firstColumn: at.firstColumn ?? 1,
    headers,
    body: body.map((r) => {
      const row = r.slice();
      while (row.length < headers.length) row.push(null);
      return row;
    }),
    totals: at.totals ?? null,
  };
}

export const INITIATIVE_HEADERS = [
  'Nr',
  'Initiativ',
  'Utveckling 2022',
  'Utveckling 2023',
  'Utveckling 2024',
  'Vidmakthålla 2022',
  'Vidmakthålla 2023',
  'Vidmakthålla 2024',
  'Kommentar',
];

/** Planuppgifter on Tjänsteplan at A1: Tjänsteområde = B2, Planperiod = B3, Enhet = B4, … */
export function planInfo(values: Partial<Record<string, CellValue>> = {}, omit: string[] = []): RawTable {
  const defaults: Record<string, CellValue> = {
    Tjänsteområde: 'IT',
    Planperiod: '2022–2024',
    Enhet: 'tkr',
    Dokumentansvarig: 'Anna Andersson',
    Säkerhetsnivå: 'Intern',
  };
  const rows = Object.keys(defaults)
    .filter((k) => !omit.includes(k))
    .map((k) => [k, k in values ? (values[k] as CellValue) : defaults[k]]);
  return raw('Planuppgifter', 'Tjänsteplan', ['Uppgift', 'Värde'], rows);
}

/**
 * Initiativ on Tjänsteplan with its header on row 9 from column A: Nr = A, Initiativ = B,
 * Utveckling 2022–2024 = C–E, Vidmakthålla 2022–2024 = F–H, Kommentar = I. Data row r is sheet row 9 + r.
 */
export function initiatives(body: CellValue[][], opts: { headers?: string[]; totals?: CellValue[] | null; name?: string } = {}): RawTable {
  return raw(opts.name ?? 'Initiativ', 'Tjänsteplan', opts.headers ?? INITIATIVE_HEADERS, body, { headerRow: 9, firstColumn: 1, totals: opts.totals });
}

/** Ram on sheet Ram at A1: År = A, Utveckling = B, Förvaltning = C; data row r is sheet row 1 + r. */
export function frameTable(body: CellValue[][], headers = ['År', 'Utveckling', 'Förvaltning']): RawTable {
  return raw('Ram', 'Ram', headers, body);
}

/** Versionshantering on Versioner at A1: Datum = A, Version = B, …, Forum = E, Beslut = F. */
export function versionTable(body: CellValue[][], headers = ['Datum', 'Version', 'Beskrivning', 'Ändrat av', 'Forum', 'Beslut']): RawTable {
  return raw('Versionshantering', 'Versioner', headers, body);
}

export function goodInitiatives(): CellValue[][] {
  return [
    [1, 'Ny e-tjänsteplattform', 1000, 2000, 500, 0, -200, -400, 'Startar Q2'],
    [2, 'Digital signering', 500, 0, 0, 100, 100, 100, null],
    [null, 'Summa', 1500, 2000, 500, 100, -100, -300, null],
  ];
}
