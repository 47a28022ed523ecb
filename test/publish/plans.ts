/**
 * Plan workbooks for the publishing tests, written through the project's own template code: valid plans
 * with a chosen version history, and (with `padBytes`) large ones, padded with an incompressible image so
 * the .xlsx passes the 4 MB single-PUT limit.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parsePeriod } from '../../src/domain/period';
import { planTables, type VersionInput } from '../../src/workbook/contract/template';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';
import type { PlanLibrary, PublishedVersion, PublishRequest } from '../../src/publish/planLibrary';

export interface PlanSpec {
  area: string;
  period?: string;
  versions?: VersionInput[];
  /** Changes the figures, so the same version label gets different content. */
  development?: number;
  padBytes?: number;
  /** A negative development amount: an error finding (NEGATIVE_DEVELOPMENT). */
  broken?: boolean;
}

export const APPROVED: VersionInput[] = [
  { date: '2021-10-01', version: '0.1', description: 'Första utkast', changedBy: 'Controller' },
  { date: '2021-11-12', version: '0.5', description: 'Beslutad i tjänsteforum', changedBy: 'Controller', forum: 'TF', decision: 'Fastställd' },
];

export function approvedAt(version: string, forum = 'PF', date = '2021-12-08'): VersionInput[] {
  return [...APPROVED, { date, version, description: `Beslutad i ${forum}`, changedBy: 'Controller', forum, decision: 'Fastställd' }];
}

export async function writePlan(dir: string, spec: PlanSpec): Promise<string> {
  const period = parsePeriod(spec.period ?? '2022–2024')!;
  const dev = spec.development ?? 1000;
  const wb = new XlsxWorkbook();
  await wb.createTables(
    planTables({
      area: spec.area,
      period,
      owner: 'Controller',
      initiatives: [
        { nr: 1, name: 'Nytt ekonomisystem', development: [spec.broken ? -dev : dev, 500, 0], maintenance: [0, 100, 100] },
        { nr: 2, name: 'E-arkiv', development: [200, 200, 200], maintenance: [0, 0, 50], comment: 'Gemensamt' },
      ],
      frame: period.years.map((year) => ({ year, development: 10_000, operations: 50_000 })),
      versions: spec.versions ?? APPROVED,
    }),
  );
  if (spec.padBytes) {
    const image = wb.workbook.addImage({ buffer: randomBytes(spec.padBytes) as unknown as ArrayBuffer, extension: 'png' });
    wb.workbook.getWorksheet('Tjänsteplan')!.addImage(image, 'M2:N3');
  }
  const file = path.join(dir, `${spec.area} ${spec.period ?? '2022–2024'}${spec.padBytes ? ' stor' : ''}.xlsx`);
  await wb.save(file);
  return file;
}

/** What the CLI would send for a plan file: its newest approved version, checked and hashed. */
export async function requestFor(file: string): Promise<PublishRequest> {
  const { readFile } = await import('node:fs/promises');
  const { checkWorkbook } = await import('../../src/workbook/checkPlan');
  const { preparePublication } = await import('../../src/publish/prepare');
  const { plan, findings, approval } = await checkWorkbook(await XlsxWorkbook.open(file));
  const prepared = await preparePublication(plan!, findings, approval, new Uint8Array(await readFile(file)));
  if (!prepared.ok) throw new Error(prepared.message);
  return prepared.request;
}

/** Changes a version's snapshot before it is sent: what anyone with edit rights on the library can put there. */
export type Craft = (snapshot: Record<string, unknown>) => void;

/** A snapshot that does not follow the schema (its initiatives are not a list). */
export const SCHEMA_BROKEN: Craft = (s) => {
  s.initiatives = { inte: 'en lista' };
};

/** Publishes a plan of the spec (approved 1.0 in PF unless it says otherwise), its snapshot crafted first when asked; answers the listed version. */
export async function publishPlan(library: PlanLibrary, dir: string, spec: PlanSpec, craft?: Craft): Promise<PublishedVersion> {
  const request = await requestFor(await writePlan(dir, { versions: approvedAt('1.0'), ...spec }));
  craft?.(request.snapshot as unknown as Record<string, unknown>);
  const outcome = await library.publish(request);
  if (outcome.kind !== 'published') throw new Error(`${spec.area} ${spec.period ?? '2022–2024'}: ${outcome.kind}`);
  return outcome.version;
}
