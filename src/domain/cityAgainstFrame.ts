/**
 * The city against finance's frame, as every view of it shows it — the pane's Sammanställning,
 * `consolidate --frame` and the review pack's Ram sheet: the consolidation, its frame-gap brief, and the
 * frame workbook's own findings with the consolidation's, errors first (each group in that order).
 */
import { frameGapBrief, type YearBrief } from './brief';
import { consolidate, type Consolidation, type ConsolidationInput } from './consolidation';
import { bySeverity, type Finding } from './findings';
import type { CityFrame } from './frame';

export interface CityAgainstFrame {
  consolidation: Consolidation;
  brief: YearBrief[];
  /** The frame workbook's findings (readCityFrame), then the consolidation's; errors first. */
  findings: Finding[];
}

export function cityAgainstFrame(inputs: readonly ConsolidationInput[], frame: CityFrame, frameFindings: readonly Finding[]): CityAgainstFrame {
  const consolidation = consolidate(inputs, frame);
  // Sorting is stable, so within a severity the frame's findings stay before the consolidation's.
  return { consolidation, brief: frameGapBrief(consolidation), findings: [...frameFindings, ...consolidation.findings].sort(bySeverity) };
}
