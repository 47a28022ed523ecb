/** The frame chart's axis: round steps a reader can follow, and room for the widest label. */
import { scaleFor } from '../../src/taskpane/plan/chartScale';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test("the city's 2022 figures: 0, 50 000, 100 000, 150 000 — the frame's 121 600 fits under the top", () => {
  const s = scaleFor(148_792);
  expect(s.labels.map(plain)).toEqual(['0', '50 000', '100 000', '150 000']);
  expect(s.top).toBeGreaterThanOrEqual(148_792);
});

test('a small plan gets steps like 2 000, not 1 425', () => {
  expect(scaleFor(5_700).labels.map(plain)).toEqual(['0', '2 000', '4 000', '6 000']);
  expect(scaleFor(4_275).labels.map(plain)).toEqual(['0', '2 000', '4 000', '6 000']);
});

test.each([1, 3, 7, 99, 1_000, 25_000, 121_600, 987_654, 12_345_678])('every step is 1, 2, 2,5 or 5 times a power of ten, whole tkr, 3–5 intervals (max %d)', (max) => {
  const s = scaleFor(max);
  const power = 10 ** Math.floor(Math.log10(s.step));
  expect([1, 2, 2.5, 5, 10]).toContain(s.step / power);
  expect(Number.isInteger(s.step)).toBe(true);
  expect(s.top).toBeGreaterThanOrEqual(max);
  expect(s.top - s.step).toBeLessThan(max);
  expect(s.intervals).toBeGreaterThanOrEqual(1);
  expect(s.intervals).toBeLessThanOrEqual(5);
});

test('the left margin grows with the widest label, so a six-digit label is never cut', () => {
  expect(scaleFor(148_792).leftMargin).toBeGreaterThan(scaleFor(5_700).leftMargin);
  // "150 000" is seven characters; at least 7 px each plus the tick's padding.
  expect(scaleFor(148_792).leftMargin).toBeGreaterThanOrEqual(7 * 7 + 12);
});
