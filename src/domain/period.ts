/** A plan period (planperiod) such as `2022–2024`: consecutive years, first to last. */
export interface Period {
  first: number;
  last: number;
  years: readonly number[];
}

const PERIOD = /^(\d{4})\s*[\u2013\u2014\u2212-]\s*(\d{4})$/;

/** Reads `2022–2024` or `2022-2024`; null when the text is not a period of 1 to 10 years. */
export function parsePeriod(text: string): Period | null {
  const m = PERIOD.exec(text.trim());
  if (!m) return null;
  const first = Number(m[1]);
  const last = Number(m[2]);
  if (last < first || last - first > 9) return null;
  return periodOf(first, last);
}

export function periodOf(first: number, last: number): Period {
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return { first, last, years };
}

/** `2022–2024`, with the en dash the documents use. */
export function formatPeriod(p: Period): string {
  return `${p.first}\u2013${p.last}`;
}
