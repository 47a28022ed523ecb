/** "Ny period…" (roll-forward)'s words: Swedish first, English when Office's display language is English. */
import type { Language } from '../../domain/findings';
import { useWords } from '../i18n';
import { counted } from '../text';

const sv = {
  open: 'Ny period…',
  title: 'Rulla fram till nästa period',
  intro:
    'Nästa periods plan upprättas från den fastställda versionen i en ny arbetsbok: samma initiativ med beloppen för de år perioderna har gemensamt, tomma celler för det nya året, Prioritet och kommentarer kvar, en ny versionshistorik och de fastställda beloppen som indikativa. Den öppna planen ändras inte.',
  period: 'Ny planperiod',
  periodHint: 't.ex. 2023–2025',
  periodInvalid: 'Skriv planperioden som 2023–2025.',
  source: (area: string, period: string, version: string) => `Utgår från ${area} ${period} v${version}, fastställd.`,
  create: (period: string) => `Skapa plan för ${period}`,
  cancel: 'Avbryt',
  unreadable: 'Planen kan inte läsas. Kontrollera den först.',
  noApproved: 'Planen har ingen fastställd version att utgå från; registrera forumets beslut först.',
  movedOn: (version: string) => `Versionshistoriken har gått vidare efter version ${version}, så tabellerna kan inte visas vara den fastställda versionen. Utgå från den publicerade filen.`,
  notLater: (to: string, from: string) => `${to} börjar inte efter ${from}; välj en senare period.`,
  noOverlap: (to: string, from: string) => `${to} har inget år gemensamt med ${from}; inget att föra över.`,
  created: (plan: string, from: string, n: number) =>
    `${plan} v0.1 är skapad i en ny arbetsbok, upprättad från ${from} (${counted('sv', n, 'initiativ', 'initiativ')} med indikativa belopp). Tillägget är inte öppet i den nya arbetsboken: spara den där. Den öppna planen är orörd.`,
  downloaded: (plan: string, from: string, n: number, file: string) =>
    `${plan} v0.1 är upprättad från ${from} (${counted('sv', n, 'initiativ', 'initiativ')} med indikativa belopp) och hämtad som ${file}, eftersom den här versionen av Excel inte kan skapa arbetsböcker åt tillägg. Öppna filen i Excel. Den öppna planen är orörd.`,
};

export type RollForwardStrings = typeof sv;

const en: RollForwardStrings = {
  open: 'Next period…',
  title: 'Roll forward to the next period',
  intro:
    "The next period's plan is drawn up from the approved version in a new workbook: the same initiatives with the amounts of the years the periods share, empty cells for the new year, Prioritet and comments kept, a fresh version history and the approved amounts as indicative ones. The open plan is not changed.",
  period: 'New plan period',
  periodHint: 'e.g. 2023–2025',
  periodInvalid: 'Write the plan period as 2023–2025.',
  source: (area, period, version) => `From ${area} ${period} v${version}, approved.`,
  create: (period) => `Create plan for ${period}`,
  cancel: 'Cancel',
  unreadable: 'The plan cannot be read. Check it first.',
  noApproved: 'The plan has no approved version to start from; record the forum’s decision first.',
  movedOn: (version) => `The version history has moved on past version ${version}, so the tables cannot be shown to be the approved version. Start from the published file.`,
  notLater: (to, from) => `${to} does not start after ${from}; choose a later period.`,
  noOverlap: (to, from) => `${to} has no year in common with ${from}; nothing to carry over.`,
  created: (plan, from, n) =>
    `${plan} v0.1 has been created in a new workbook, drawn up from ${from} (${counted('en', n, 'initiative', 'initiatives')} with indicative amounts). The add-in is not open in the new workbook: save it there. The open plan is untouched.`,
  downloaded: (plan, from, n, file) =>
    `${plan} v0.1 has been drawn up from ${from} (${counted('en', n, 'initiative', 'initiatives')} with indicative amounts) and downloaded as ${file}, as this version of Excel cannot create workbooks for add-ins. Open the file in Excel. The open plan is untouched.`,
};

export const ROLL_FORWARD_STRINGS: Readonly<Record<Language, RollForwardStrings>> = { sv, en };

export const useRollForwardStrings = (): RollForwardStrings => useWords(ROLL_FORWARD_STRINGS);
