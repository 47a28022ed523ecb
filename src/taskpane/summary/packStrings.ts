/**
 * Granskningsunderlag's words (Sammanställning's review pack dialog): Swedish first, English when Office's
 * display language is English. Apart from strings.ts, which the tab list loads with the pane, so these load
 * only with the view.
 */
import type { Language } from '../../domain/findings';
import type { Forum } from '../../domain/versions';
import { useWords } from '../i18n';
import { byCount, counted, sentence } from '../text';

const sv = {
  open: 'Granskningsunderlag…',
  title: 'Granskningsunderlag',
  intro:
    'Forumets granskningsunderlag i en arbetsbok: varje områdes senaste fastställda version, ändringarna mot föregående fastställda version med ändringsnoteringar, och fynden; har arbetsboken en Budgetram, också staden mot ramen. Publicerat ligger det i biblioteket bredvid planerna, där forumets ledamöter öppnar det i Excel på webben.',
  forum: 'Forum',
  forumNames: { TF: 'Tjänsteforum (TF)', PF: 'Prioriteringsforum (PF)', BF: 'Beslutsforum (BF)' } as Record<Forum, string>,
  period: 'Planperiod',
  periodHint: 't.ex. 2022–2024',
  periodInvalid: 'Skriv planperioden som 2022–2024.',
  date: 'Mötesdatum',
  dateHint: 'ÅÅÅÅ-MM-DD; ger underlagets namn i biblioteket',
  dateInvalid: 'Skriv mötesdatumet som ÅÅÅÅ-MM-DD.',
  cancel: 'Avbryt',
  openHere: 'Öppna',
  publish: 'Publicera i biblioteket',
  building: 'Skapar granskningsunderlaget…',
  published: (name: string, areas: number, changed: number) =>
    `${name} är publicerat i biblioteket: ${counted('sv', areas, 'område', 'områden')}, ${changed} med ändringar sedan föregående fastställda version.`,
  already: (name: string) => `${name} är redan publicerat i biblioteket med samma innehåll; inget skrevs.`,
  conflict: (name: string) => `${name} finns redan i biblioteket med annat innehåll. Inget skrevs över; välj ett annat mötesdatum eller ta bort det befintliga i biblioteket.`,
  publishFailed: (message: string) => `Granskningsunderlaget kunde inte publiceras: ${sentence(message)}`,
  nothing: (period: string) => `Biblioteket har ingen fastställd version för ${period}; inget underlag skapades.`,
  unreachable: (message: string) => `Biblioteket kunde inte nås: ${sentence(message)}`,
  unreadable: (message: string) => `Biblioteket kunde inte läsas: ${sentence(message)}`,
  created: (forum: string, period: string, areas: number) => `Granskningsunderlaget för ${forum} ${period} (${counted('sv', areas, 'område', 'områden')}) är öppnat som en ny arbetsbok.`,
  downloaded: (file: string) => `Granskningsunderlaget är hämtat som ${file}.`,
  openInLibrary: 'Öppna i biblioteket',
  withFrame: (errors: number, warnings: number) =>
    `Staden mot ramen är med (bladet Ram, från arbetsbokens Budgetram)${errors + warnings === 0 ? '.' : `; där står ${[...(errors > 0 ? [counted('sv', errors, 'fel', 'fel')] : []), ...(warnings > 0 ? [counted('sv', warnings, 'varning', 'varningar')] : [])].join(' och ')}.`}`,
  skipped: (n: number) => `${counted('sv', n, 'version', 'versioner')} i biblioteket kunde inte läsas och är inte med.`,
};

export type PackStrings = typeof sv;

const en: PackStrings = {
  open: 'Review pack…',
  title: 'Review pack',
  intro:
    "The forum's review pack in one workbook: each area's newest approved version, the changes against its previous approved version with change notes, and its findings; when the workbook has a Budgetram, the city against the frame too. Once published it is in the library beside the plans, where the forum's members open it in Excel for the web.",
  forum: 'Forum',
  forumNames: { TF: 'Service forum (TF)', PF: 'Prioritisation forum (PF)', BF: 'Decision forum (BF)' },
  period: 'Plan period',
  periodHint: 'e.g. 2022–2024',
  periodInvalid: 'Write the plan period as 2022–2024.',
  date: 'Meeting date',
  dateHint: "YYYY-MM-DD; gives the pack's name in the library",
  dateInvalid: 'Write the meeting date as YYYY-MM-DD.',
  cancel: 'Cancel',
  openHere: 'Open',
  publish: 'Publish to the library',
  building: 'Building the review pack…',
  published: (name, areas, changed) => `${name} is published to the library: ${counted('en', areas, 'area', 'areas')}, ${changed} changed since the previous approved version.`,
  already: (name) => `${name} is already in the library with the same content; nothing was written.`,
  conflict: (name) => `${name} is already in the library with other content. Nothing was overwritten; choose another meeting date or remove the existing one from the library.`,
  publishFailed: (message) => `The review pack could not be published: ${sentence(message)}`,
  nothing: (period) => `The library has no approved version for ${period}; no pack was built.`,
  unreachable: (message) => `The library could not be reached: ${sentence(message)}`,
  unreadable: (message) => `The library could not be read: ${sentence(message)}`,
  created: (forum, period, areas) => `The review pack for ${forum} ${period} (${counted('en', areas, 'area', 'areas')}) is open as a new workbook.`,
  downloaded: (file) => `The review pack was downloaded as ${file}.`,
  openInLibrary: 'Open in the library',
  withFrame: (errors, warnings) =>
    `The city against the frame is included (sheet Ram, from the workbook's Budgetram)${errors + warnings === 0 ? '.' : `; it lists ${[...(errors > 0 ? [counted('en', errors, 'error', 'errors')] : []), ...(warnings > 0 ? [counted('en', warnings, 'warning', 'warnings')] : [])].join(' and ')}.`}`,
  skipped: (n) => `${counted('en', n, 'version', 'versions')} in the library could not be read and ${byCount('en', n, 'is', 'are')} left out.`,
};

export const PACK_STRINGS: Readonly<Record<Language, PackStrings>> = { sv, en };

export const usePackStrings = (): PackStrings => useWords(PACK_STRINGS);
