/**
 * `tjansteplan rollforward --to 2023–2025 plan.xlsx ny.xlsx` on IT's real plan, whose history ends with its
 * approved 3.0: next period's plan with the 2023–2024 amounts in its first two years and an empty third, a
 * fresh history, and the approved figures kept as the indicative ones the new plan is compared with.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkWorkbook } from '../../src/workbook/checkPlan';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import { cli, ROOT, type Run } from './helpers';

jest.setTimeout(120_000);

const IT = 'test/fixtures/plans/tjansteplan-it-2022-2024.xlsx';
const EKONOMI = 'test/fixtures/plans/tjansteplan-ekonomi-2022-2024.xlsx';
interface Row {
  nr: number | null;
  initiativ: string;
  utveckling: (number | null)[];
}
const real = (JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/samples/tjansteplan-2022-2024.json'), 'utf8')) as { areas: Record<string, { rows: Row[] }> }).areas.IT.rows;

describe('rollforward', () => {
  let dir: string;
  let out: string;
  let run: Run;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tjp-rollforward-'));
    out = path.join(dir, 'it-2023-2025.xlsx');
    run = await cli(['rollforward', '--to', '2023–2025', '--date', '2021-11-15', IT, out]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the new plan and says what it came from', () => {
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.trim()).toBe(`${out}: IT 2023–2025 v0.1, upprättad från 2022–2024 v3.0 (17 initiativ med indikativa belopp).`);
  });

  it('the same initiatives with their 2023–2024 amounts first and 2025 empty; the Summa added up again', async () => {
    const { plan, findings } = await checkWorkbook(await XlsxWorkbook.open(out));
    expect(plan!.info).toMatchObject({ area: 'IT', period: { first: 2023, last: 2025 } });
    expect(plan!.initiatives.map((r) => [r.nr, r.name])).toEqual(real.map((r) => [r.nr === null ? '' : String(r.nr), r.initiativ]));
    real.forEach((r, i) => expect(plan!.initiatives[i].development).toEqual([r.utveckling[1] ?? 0, r.utveckling[2] ?? 0, 0]));
    const summa = plan!.initiatives.find((r) => r.isStatedSum)!;
    expect(summa.development).toEqual([41500, 42000, 0]);
    // A draft without a frame yet: warnings only, no error, nothing to compare against changed.
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.code === 'INDICATIVE_DIFFERS')).toEqual([]);
  });

  it('a fresh history: 0.1, "Upprättad från tjänsteplan 2022–2024 v3.0"', async () => {
    const { plan } = await checkWorkbook(await XlsxWorkbook.open(out));
    expect(plan!.versions.map((v) => [v.date, v.labelShown, v.description, v.forum, v.decision])).toEqual([
      ['2021-11-15', '0.1', 'Upprättad från tjänsteplan 2022–2024 v3.0', null, null],
    ]);
  });

  it('keeps the approved 2023–2024 figures as indicative, and says where an initiative departs from them', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const tables = await (await XlsxWorkbook.open(out)).readTables();
    const indicative = tables.find((t) => t.name === 'Indikativ')!;
    expect(indicative.headers).toEqual(['Nr', 'Initiativ', 'Utveckling 2023', 'Utveckling 2024', 'Utveckling 2025', 'Källa']);
    const printtjanst = indicative.body.find((r) => r[1] === 'Förutsättningsskapande printtjänst')!;
    expect(printtjanst.slice(2)).toEqual([4500, 4000, null, 'tjänsteplan 2022–2024 v3.0']);

    // The controller lowers the print service in 2023 (Utveckling 2023 = column C) and the Summa with it.
    const ws = wb.getWorksheet('Tjänsteplan')!;
    const row = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(2).value === 'Förutsättningsskapande printtjänst')!;
    row.getCell(3).value = 3000;
    const sum = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(2).value === 'Summa')!;
    sum.getCell(3).value = 40000;
    const edited = path.join(dir, 'it-edited.xlsx');
    writeFileSync(edited, Buffer.from(await wb.xlsx.writeBuffer()));
    const v = await cli(['validate', '--json', edited]);
    expect(v.code).toBe(0);
    const findings = (JSON.parse(v.stdout) as { files: { findings: { code: string; severity: string; message: string; location: { address: string } }[] }[] }).files[0].findings;
    expect(findings.filter((f) => f.code === 'INDICATIVE_DIFFERS')).toEqual([
      {
        code: 'INDICATIVE_DIFFERS',
        severity: 'info',
        message: '12 Förutsättningsskapande printtjänst: utveckling 2023 är 3 000 tkr, 1 500 tkr mindre än det indikativa 4 500 tkr (tjänsteplan 2022–2024 v3.0).',
        year: 2023,
        location: expect.objectContaining({ sheet: 'Tjänsteplan', column: 'Utveckling 2023', address: `C${row.number}` }),
      },
    ]);
  });

  it('never overwrites: an existing target is left as it was (exit 2)', async () => {
    const before = statSync(out).mtimeMs;
    const again = await cli(['rollforward', '--to', '2023–2025', IT, out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('filen finns redan; den skrivs aldrig över');
    expect(statSync(out).mtimeMs).toBe(before);
  });

  it('refuses a plan whose history has moved on after its approval, and a period that is not later (exit 1)', async () => {
    const ekonomi = await cli(['rollforward', '--to', '2023–2025', EKONOMI, path.join(dir, 'ekonomi.xlsx')]);
    expect(ekonomi.code).toBe(1);
    expect(ekonomi.stderr).toContain('historiken har gått vidare efter version 2.0');
    const back = await cli(['rollforward', '--to', '2021–2023', IT, path.join(dir, 'bakat.xlsx')]);
    expect(back.code).toBe(1);
    expect(back.stderr).toContain('börjar inte efter 2022–2024');
    expect(() => statSync(path.join(dir, 'ekonomi.xlsx'))).toThrow();
  });
});
