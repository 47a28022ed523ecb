/** Values compared exactly: Dates by their time (an invalid one too), non-finite numbers by name, Maps as entries. */
export function plain(v: unknown): unknown {
  return JSON.parse(
    JSON.stringify(v, (_k, x) => (x instanceof Date ? `Date(${x.getTime()})` : typeof x === 'number' && !Number.isFinite(x) ? `Number(${x})` : x instanceof Map ? [...x] : x)),
  );
}
