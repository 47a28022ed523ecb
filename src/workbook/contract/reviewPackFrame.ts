/**
 * The review pack's `Ram` sheet (issue 14 item 3, "the city against the frame"): the presented versions
 * consolidated against finance's frame exactly as the Sammanställning does it — `consolidate` and
 * `frameGapBrief` of the domain, and consolidationTables' own city and area tables — so the forum sees the
 * same figures and the same words ("22 342 över ram") as finance. Only with a frame; without one the pack
 * has no such sheet. Below the figures, what finance would be told beside them: the consolidation's findings
 * (an area with a frame but no approved version, so missing from the pack; an area without a frame; over the
 * frame) and the frame workbook's own, in the area sheets' findings table (docs/findings.md §1).
 */
import { briefSentence } from '../../domain/brief';
import { cityAgainstFrame, type CityAgainstFrame } from '../../domain/cityAgainstFrame';
import { figuresOfSnapshot, type Consolidation, type ConsolidationInput } from '../../domain/consolidation';
import type { Finding } from '../../domain/findings';
import type { CityFrame } from '../../domain/frame';
import { formatTkr } from '../../domain/money';
import type { TableWrite } from '../host';
import { AREA_TABLE, CITY_TABLE, consolidationTables } from './consolidationTables';
import { findingsTable } from './reviewPackFindings';
import type { PackAreaInput, PackSheet } from './reviewPackTables';

export const SHEET_FRAME = 'Ram';
/** The brief's sentences on the Ram sheet (the Sammanställning's own `Sammanfattning` is on another sheet). */
export const FRAME_BRIEF_TABLE = 'Ramavvikelse_i_ord';
/** The findings table's key, as an area sheet's `Fynd_<key>`: reserved, so no area's tables take it. */
export const FRAME_TABLE_KEY = 'Ram';
/** The frame workbook's and the consolidation's findings on the Ram sheet. */
export const FRAME_FINDINGS_TABLE = `Fynd_${FRAME_TABLE_KEY}`;

export type PackFrame = CityAgainstFrame;

/** The presented versions as consolidation's inputs: as consolidateFromLibrary makes them from the same list items. */
export function packConsolidation(inputs: readonly PackAreaInput[], frame: CityFrame, frameFindings: readonly Finding[] = []): PackFrame {
  const consolidationInputs: ConsolidationInput[] = inputs.map(({ presented: p }) => ({
    figures: figuresOfSnapshot(p.snapshot),
    file: p.file,
    version: p.version,
    decisionDate: p.decisionDate,
  }));
  return cityAgainstFrame(consolidationInputs, frame, frameFindings);
}

/**
 * `Staden mot ramen 2022–2024`: the city per year (Stadsniva), the brief's sentence per year, then every
 * area per year against its own frame (Omradesniva, largest excess first). The city's Utveckling is the
 * SUMIFS over the area table and each Avvikelse a formula, as in the Sammanställning. Last the findings
 * (Fynd_Ram), one row each, or one row saying there are none.
 */
export function frameSheet(period: string, f: PackFrame): PackSheet {
  const tables = consolidationTables(f.consolidation, f.brief);
  const take = (name: string): TableWrite => ({ ...tables.find((t) => t.name === name)!, sheet: SHEET_FRAME });
  // The city table sits above the area table in the same columns: wide enough for "22 342 över ram".
  const city: TableWrite = { ...take(CITY_TABLE), widths: [7, 14, 14, 18] };
  const words: TableWrite = {
    sheet: SHEET_FRAME,
    name: FRAME_BRIEF_TABLE,
    headers: ['År', 'Ramavvikelse'],
    rows: f.brief.map((y) => [y.year, briefSentence(y)]),
    numberFormats: ['0'],
    // No width: the sentence runs on to the right over the empty cells, the columns stay the figures'.
  };
  const listed = findingsTable(SHEET_FRAME, FRAME_FINDINGS_TABLE, f.findings, 'Inga fynd i budgetramen eller mot ramen.', packMessage);
  // Below the figures in their columns: the message runs on to the right rather than widening column E.
  const findings: TableWrite = { ...listed, widths: listed.widths!.slice(0, -1) };
  return { name: SHEET_FRAME, title: `Staden mot ramen ${period}`, tables: [city, words, take(AREA_TABLE), findings] };
}

/**
 * The consolidation's words, but for the one finding whose meaning the pack sharpens: the plans here are the
 * library's approved versions, so an area with a frame and no plan has no approved version and no sheet.
 */
function packMessage(f: Finding): string {
  return f.code === 'AREA_PLAN_MISSING' && f.area
    ? `${f.area} har en ram men ingen fastställd version för perioden i biblioteket; området saknas i underlaget.`
    : f.message;
}

/**
 * The Översikt title's ending: the city against its frame in the consolidation's words, per year that has
 * a city frame — `staden mot ramen: 22 342 tkr över ram 2022` — or that the city's frame is missing.
 */
export function cityVerdict(c: Consolidation): string {
  const years = c.years.flatMap((y) => {
    const excess = c.city[y]?.excess ?? null;
    if (excess === null) return [];
    return [`${formatTkr(Math.abs(excess))} ${excess > 0 ? 'över' : 'inom'} ram ${y}`];
  });
  return years.length > 0 ? `staden mot ramen: ${years.join(', ')} (bladet ${SHEET_FRAME})` : `stadens ram saknas för perioden (bladet ${SHEET_FRAME})`;
}
