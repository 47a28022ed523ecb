/** The pane's words: Swedish first, English when Office's display language is English. */
import { createContext, useContext } from 'react';
import type { Language } from '../domain/findings';
import { byCount, counted, sentence } from './text';

const sv = {
  appTitle: 'Tjänsteplan',
  tabPlan: 'Plan',
  tabPublish: 'Publicering',
  tabsLabel: 'Vyer',
  moreTabs: 'Fler',
  moreTabsLabel: (n: number) => `Fler vyer (${n})`,
  check: 'Kontrollera',
  working: 'Arbetar med arbetsboken…',
  highlight: 'Markera i arket',
  clearHighlights: 'Ta bort markeringar',
  highlighted: (n: number) => `${counted('sv', n, 'cell', 'celler')} ${byCount('sv', n, 'markerad', 'markerade')}.`,
  cleared: (n: number) => `${counted('sv', n, 'markering', 'markeringar')} ${byCount('sv', n, 'borttagen', 'borttagna')}.`,
  createTables: 'Skapa tabeller',
  createTablesIntro: 'Arbetsboken saknar tjänsteplanens tabeller. Ange tjänsteområde och planperiod så skapas de på nya blad; befintliga celler lämnas orörda.',
  area: 'Tjänsteområde',
  period: 'Planperiod',
  periodHint: 't.ex. 2022–2024',
  periodInvalid: 'Skriv planperioden som 2022–2024.',
  areaMissing: 'Ange tjänsteområdet.',
  created: 'Tabellerna är skapade.',
  recompute: 'Räkna om summor',
  recomputeIntro: (n: number) =>
    `${counted('sv', n, 'summa', 'summor')} skiljer sig från raderna ovanför. Kontrollera och bekräfta för att skriva in ${byCount('sv', n, 'den omräknade summan', 'de omräknade summorna')}.`,
  recomputeConfirm: 'Skriv in omräknade summor',
  cancel: 'Avbryt',
  sumsWritten: (n: number) => `${counted('sv', n, 'summa', 'summor')} har skrivits in.`,
  stated: 'Angiven',
  computed: 'Omräknad',
  cell: 'Cell',
  summary: (e: number, w: number, i: number) => `${counted('sv', e, 'fel', 'fel')}, ${counted('sv', w, 'varning', 'varningar')}, ${counted('sv', i, 'upplysning', 'upplysningar')}.`,
  allGood: 'Inga fel eller varningar. Planen kan lämnas till forum.',
  errors: 'Fel',
  warnings: 'Varningar',
  infos: 'Upplysningar',
  goTo: (address: string) => `Gå till ${address}`,
  row: (n: number) => `rad ${n}`,
  chartTitle: 'Utveckling mot ram per år',
  chartEmpty: 'Inga belopp att visa ännu. Diagrammet visas när planen har utvecklingskostnader eller en ram.',
  development: 'Utveckling',
  frame: 'Ram',
  noFrame: 'ingen ram',
  overBy: (amount: string) => `${amount} över ramen`,
  withinBy: (amount: string) => `${amount} kvar inom ramen`,
  notInExcel: 'Öppna Tjänsteplan i Excel för att arbeta med en plan.',
  failed: (message: string) => `Något gick fel: ${sentence(message)}`,
  severity: { error: 'Fel', warning: 'Varning', info: 'Upplysning' },
};

export type Strings = typeof sv;

const en: Strings = {
  appTitle: 'Service plan',
  tabPlan: 'Plan',
  tabPublish: 'Publishing',
  tabsLabel: 'Views',
  moreTabs: 'More',
  moreTabsLabel: (n) => `More views (${n})`,
  check: 'Check',
  working: 'Working on the workbook…',
  highlight: 'Highlight in sheet',
  clearHighlights: 'Remove highlights',
  highlighted: (n) => `${counted('en', n, 'cell', 'cells')} highlighted.`,
  cleared: (n) => `${counted('en', n, 'highlight', 'highlights')} removed.`,
  createTables: 'Create tables',
  createTablesIntro: "The workbook lacks the service plan's tables. Give the service area and plan period and they are created on new sheets; existing cells are left untouched.",
  area: 'Service area',
  period: 'Plan period',
  periodHint: 'e.g. 2022–2024',
  periodInvalid: 'Write the plan period as 2022–2024.',
  areaMissing: 'Give the service area.',
  created: 'The tables have been created.',
  recompute: 'Recompute sums',
  recomputeIntro: (n) =>
    `${counted('en', n, 'sum differs', 'sums differ')} from the rows above ${byCount('en', n, 'it', 'them')}. Review and confirm to write the recomputed ${byCount('en', n, 'sum', 'sums')}.`,
  recomputeConfirm: 'Write recomputed sums',
  cancel: 'Cancel',
  sumsWritten: (n) => `${counted('en', n, 'sum has', 'sums have')} been written.`,
  stated: 'Stated',
  computed: 'Recomputed',
  cell: 'Cell',
  summary: (e, w, i) => `${counted('en', e, 'error', 'errors')}, ${counted('en', w, 'warning', 'warnings')}, ${counted('en', i, 'note', 'notes')}.`,
  allGood: 'No errors or warnings. The plan can go to the forum.',
  errors: 'Errors',
  warnings: 'Warnings',
  infos: 'Notes',
  goTo: (address) => `Go to ${address}`,
  row: (n) => `row ${n}`,
  chartTitle: 'Development against frame per year',
  chartEmpty: 'No amounts to show yet. The chart appears once the plan has development costs or a frame.',
  development: 'Development',
  frame: 'Frame',
  noFrame: 'no frame',
  overBy: (amount) => `${amount} over the frame`,
  withinBy: (amount) => `${amount} left within the frame`,
  notInExcel: 'Open Tjänsteplan in Excel to work with a plan.',
  failed: (message) => `Something went wrong: ${sentence(message)}`,
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
};

export const STRINGS: Record<Language, Strings> = { sv, en };

/**
 * English for every English display language Office reports (en-US, en-GB, en-IE, en-AU, …, or a bare
 * `en`), Swedish for everything else. Office gives a BCP 47 tag whose case varies by platform.
 */
export function languageOf(displayLanguage: string | undefined): Language {
  return /^en(?:[-_]|$)/i.test(displayLanguage?.trim() ?? '') ? 'en' : 'sv';
}

export const LanguageContext = createContext<Language>('sv');

/**
 * The one way the pane reaches its words: each table of words is `{ sv, en }` (this file's for the whole pane,
 * each view's `strings.ts` for its own), read in the language Office gives.
 */
export function useWords<T>(table: Readonly<Record<Language, T>>): T {
  return table[useContext(LanguageContext)];
}

export const useStrings = (): Strings => useWords(STRINGS);

export function useLanguage(): Language {
  return useContext(LanguageContext);
}
