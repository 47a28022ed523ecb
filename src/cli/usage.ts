/** A command line that cannot be carried out as written: said in one line, exit 2. */
export class UsageError extends Error {}
