/** The local library: a Graph v1.0 subset over HTTPS on loopback (see README.md beside this file). */
export { createLibrary, DEFAULT_DATA_DIR, type Library, type LibraryIds, type LibraryOptions } from './library';
export { startLibrary, type RunningLibrary } from './server';
export { DEFAULT_TOKEN } from './auth';
export { FaultPlan, FaultSpecError, parseFaults, type FaultRule, type FaultRuleJson } from './faults';
export { BATCH_LIMIT } from './batch';
