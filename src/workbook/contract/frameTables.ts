/**
 * The optional parts of finance's frame workbook (docs/workbook-format.md): the indicative budget beside the final one in
 * `Stadsram`, and förvaltning per verksamhetsområde in a third table. Kept apart from tables.ts so that the
 * plan's own contract and the frame's extras can change independently.
 */
import { TABLES } from './tables';

export const INDICATIVE_OPERATIONS = 'Indikativ förvaltning';
export const INDICATIVE_DEVELOPMENT = 'Indikativ utveckling';

/** Förvaltning per verksamhetsområde and year: these areas group the service areas differently. */
export const OPERATIONS_TABLE = TABLES.operations;
