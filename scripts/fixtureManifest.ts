/**
 * The shape of test/fixtures/broken/expected.json: what make-broken-fixtures writes and the CLI tests read.
 */
export type Severity = 'error' | 'warning' | 'info';

/** One expected finding. `row`, `column` and `address` are null where the location has none. */
export interface ExpectedFinding {
  code: string;
  severity: Severity;
  sheet: string;
  table: string;
  row: number | null;
  column: string | null;
  address: string | null;
  year?: number;
  excess?: number;
  area?: string;
  /** A fragment the Swedish message must contain (checked only where given). */
  messageIncludes?: string;
}

export interface PlanEntry {
  file: string;
  description: string;
  /** Validate with `--frame` this file. */
  frame?: string;
  exitCode: 0 | 1;
  findings: ExpectedFinding[];
}

export interface FrameEntry {
  file: string;
  description: string;
  /** The plan validated against this frame: `validate --frame file plan`. */
  plan: string;
  exitCode: 0 | 1;
  /** Findings reported for the frame workbook itself. */
  findings: ExpectedFinding[];
  /** Findings reported for the plan. */
  planFindings: ExpectedFinding[];
}

export interface ConsolidateEntry {
  name: string;
  description: string;
  frame: string;
  files: string[];
  exitCode: 0 | 1;
  city: Record<string, { development: number | null; frame: number | null }>;
  findings: ExpectedFinding[];
}

export interface UnreadableEntry {
  file: string;
  description: string;
  exitCode: 2;
  /** A fragment of the one-line reason printed after `FILE: `. */
  message: string;
}

export interface Manifest {
  plans: PlanEntry[];
  frames: FrameEntry[];
  consolidate: ConsolidateEntry[];
  unreadable: UnreadableEntry[];
}
