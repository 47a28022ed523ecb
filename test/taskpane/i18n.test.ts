/** The pane's language: English for every English display language Office reports, Swedish otherwise. */
import { languageOf } from '../../src/taskpane/i18n';

test.each(['en-US', 'en-GB', 'en-IE', 'en-AU', 'en-IN', 'EN-gb', 'en', 'en_GB'])('%s is English', (tag) => {
  expect(languageOf(tag)).toBe('en');
});

test.each(['sv-SE', 'sv-FI', 'fi-FI', 'nb-NO', 'de-DE', 'eng', 'ne-NP', '', undefined])('%s is Swedish', (tag) => {
  expect(languageOf(tag)).toBe('sv');
});
