/**
 * Frame findings are warnings; what they block is a Fastställd at Beslutsforum (docs/findings.md). The case is
 * HR's real spring 2021: Tabell 1 (both scenarios, 25 300 tkr in 2022) against a frame equal to the reduced
 * proposal (16 300) — the frame is invented for the test, as in the fixtures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validatePlan } from '../../src/domain/validate';
import { checkApprovedOverFrame, overFrameRefusal } from '../../src/domain/workflow';
import { areaFrame, initiative, makePlan } from './planBuilder';
import { versionEntry } from './versionEntries';

interface Row {
  initiativ: string;
  utveckling: (number | null)[];
  vidmakthalla: (number | null)[] | null;
}
const SAMPLES = path.resolve(__dirname, '../fixtures/samples/tjansteplan-2022-2024.json');
const hr = (JSON.parse(readFileSync(SAMPLES, 'utf8')) as { areas: Record<string, { rows: Row[]; earlierTables: { rows: Row[] }[] }> }).areas.HR;

const rows = (table: Row[]) => table.map((r, i) => initiative(i + 1, r.initiativ, r.utveckling.map((v) => v ?? 0), (r.vidmakthalla ?? []).map((v) => v ?? 0)));
const summa = (table: Row[]) => table.find((r) => r.initiativ.startsWith('Summa'))!.utveckling as number[];
// The frame: the reduced proposal's Summa (16 300 / 21 000 / 5 000).
const frame = () => areaFrame('HR', Object.fromEntries([2022, 2023, 2024].map((y, i) => [y, summa(hr.rows)[i]])));
const before = () => makePlan({ area: 'HR', initiatives: rows(hr.earlierTables[0].rows), frame: frame() });

describe('a Fastställd at Beslutsforum on a plan over its frame', () => {
  it('the earlier HR table is over the frame every year by exactly the spring cut, as warnings', () => {
    const over = validatePlan(before()).filter((f) => f.code === 'OVER_FRAME');
    const cut = summa(hr.earlierTables[0].rows).map((v, i) => v - summa(hr.rows)[i]);
    expect(over.map((f) => [f.severity, f.year, f.excess])).toEqual([
      ['warning', 2022, cut[0]],
      ['warning', 2023, cut[1]],
      ['warning', 2024, cut[2]],
    ]);
    expect(cut).toEqual([9000, 4000, 4000]);
  });

  it('is refused with the excess per year named, in Swedish and English', () => {
    const refusal = overFrameRefusal({ forum: 'BF', decision: 'Fastställd' }, validatePlan(before()));
    expect(refusal?.excess).toEqual([
      { year: 2022, excess: 9000 },
      { year: 2023, excess: 4000 },
      { year: 2024, excess: 4000 },
    ]);
    expect(refusal?.message).toBe(
      'Beslutet Fastställd i Beslutsforum registreras inte: planen är över sin ram 2022 9 000 tkr över ram, 2023 4 000 tkr över ram, 2024 4 000 tkr över ram. Beslutsforum fastställer bara en plan som ryms i sin ram; prioritera eller flytta initiativ först.',
    );
    expect(refusal?.messageEn).toBe(
      'The decision Fastställd at Beslutsforum is not recorded: the plan is over its frame 2022 9 000 tkr over the frame, 2023 4 000 tkr over the frame, 2024 4 000 tkr over the frame. Beslutsforum approves only a plan within its frame; prioritise or defer initiatives first.',
    );
  });

  it('is not refused at TF or PF, nor a return or a draft, nor once the plan is within its frame', () => {
    const findings = validatePlan(before());
    expect(overFrameRefusal({ forum: 'PF', decision: 'Fastställd' }, findings)).toBeNull();
    expect(overFrameRefusal({ forum: 'TF', decision: 'Fastställd' }, findings)).toBeNull();
    expect(overFrameRefusal({ forum: 'BF', decision: 'Återremitterad' }, findings)).toBeNull();
    expect(overFrameRefusal({ forum: null, decision: 'Utkast' }, findings)).toBeNull();
    const after = makePlan({ area: 'HR', initiatives: rows(hr.rows), frame: frame() });
    expect(overFrameRefusal({ forum: 'BF', decision: 'Fastställd' }, validatePlan(after))).toBeNull();
  });

  it('a history that stands at a BF approval of a plan over its frame is an error, at the Beslut cell', () => {
    const versions = [
      versionEntry(1, '1.0', { date: '2021-01-19', forum: 'PF', decision: 'Fastställd' }),
      versionEntry(2, '2.0', { date: '2021-02-22', forum: 'BF', decision: 'Fastställd' }),
    ];
    const plan = makePlan({ area: 'HR', initiatives: rows(hr.earlierTables[0].rows), frame: frame(), versions });
    const errors = validatePlan(plan).filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.location?.address])).toEqual([['APPROVED_OVER_FRAME', 'F5']]);
    expect(errors[0].message).toBe(
      'Version 2.0 är fastställd i Beslutsforum men planen är över sin ram: 2022 9 000 tkr över ram, 2023 4 000 tkr över ram, 2024 4 000 tkr över ram. Beslutsforum fastställer bara en plan som ryms i sin ram; prioritera eller flytta initiativ först.',
    );
    // Stopping at PF is the normal way to prioritisation: no error, the frame findings stay warnings.
    expect(checkApprovedOverFrame(versions.slice(0, 1), null, validatePlan(plan))).toEqual([]);
  });
});
