/** The pane's Swedish and English as people write them: plural forms, quotes, full stops, unbroken amounts. */
import { STRINGS } from '../../src/taskpane/i18n';
import { PRIORITIZE_STRINGS } from '../../src/taskpane/prioritize/strings';
import { PUBLISH_STRINGS } from '../../src/taskpane/publish/strings';
import { counted, keepTogether, sentence, typographic } from '../../src/taskpane/text';

test('one and many, by the language’s plural rules', () => {
  expect(counted('sv', 1, 'varning', 'varningar')).toBe('1 varning');
  expect(counted('sv', 0, 'varning', 'varningar')).toBe('0 varningar');
  expect(counted('sv', 2, 'varning', 'varningar')).toBe('2 varningar');
  expect(counted('en', 1, 'change', 'changes')).toBe('1 change');
  expect(counted('en', 1200, 'cell', 'cells')).toBe('1 200 cells');
});

test('the pane’s counted messages say "1 varning", "1 cell markerad", never "1 varningar"', () => {
  const sv = STRINGS.sv;
  expect(sv.summary(1, 1, 1)).toBe('1 fel, 1 varning, 1 upplysning.');
  expect(sv.summary(2, 2, 0)).toBe('2 fel, 2 varningar, 0 upplysningar.');
  expect(sv.highlighted(1)).toBe('1 cell markerad.');
  expect(sv.cleared(1)).toBe('1 markering borttagen.');
  expect(sv.sumsWritten(1)).toBe('1 summa har skrivits in.');
  expect(sv.recomputeIntro(1)).toMatch(/^1 summa skiljer sig .* den omräknade summan\.$/);
  expect(STRINGS.en.summary(1, 1, 2)).toBe('1 error, 1 warning, 2 notes.');
  expect(STRINGS.en.recomputeIntro(1)).toBe('1 sum differs from the rows above it. Review and confirm to write the recomputed sum.');
});

test('Swedish quotation marks are ” on both sides; English opens with “', () => {
  expect(typographic('"4,5 mkr" i kolumnen Utveckling 2023 är inte ett belopp.', 'sv')).toBe('\u201d4,5 mkr\u201d i kolumnen Utveckling 2023 är inte ett belopp.');
  expect(typographic('"4,5 mkr" is not an amount.', 'en')).toBe('\u201c4,5 mkr\u201d is not an amount.');
});

test('a quoted reason ends the sentence with one full stop', () => {
  expect(sentence('planen har ingen fastställd version')).toBe('planen har ingen fastställd version.');
  expect(sentence('Klart.')).toBe('Klart.');
  expect(STRINGS.sv.failed('nätverket svarar inte')).toBe('Något gick fel: nätverket svarar inte.');
});

test('decisions are named in the pane’s language, and the pane never sends an Excel user to a command', () => {
  expect(PUBLISH_STRINGS.en.decisionNames).toEqual({ Utkast: 'Draft', Inskickad: 'Submitted', Fastställd: 'Approved', Återremitterad: 'Returned' });
  const refusal = { reason: 'errors' as const, message: 'planen har 2 fel och kan inte publiceras; rätta dem först (tjansteplan validate)', messageEn: 'x (tjansteplan validate)' };
  for (const lang of ['sv', 'en'] as const) {
    expect(PUBLISH_STRINGS[lang].notPublishable(refusal, 2)).not.toMatch(/tjansteplan|npm|npx/);
    expect(STRINGS[lang].notInExcel).not.toMatch(/npm|npx|tjansteplan /);
    // Prioritering names the workbook the forum opens, not the command finance makes it with.
    expect(PRIORITIZE_STRINGS[lang].intro).not.toMatch(/tjansteplan|npm|npx|`/);
    expect(PRIORITIZE_STRINGS[lang].noBasis).not.toMatch(/tjansteplan|npm|npx|`/);
  }
  expect(PUBLISH_STRINGS.sv.notPublishable(refusal, 1)).toBe('Kan inte publicera: planen har 1 fel. Rätta det under fliken Plan först.');
});

test('an amount stays on one line', () => {
  expect(keepTogether('22 342 tkr')).toBe('22\u00a0342\u00a0tkr');
});
