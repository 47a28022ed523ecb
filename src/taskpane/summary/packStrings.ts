/**
 * Granskningsunderlag's words (Sammanställning's review pack section): Swedish first, English when Office's
 * display language is English. Apart from strings.ts, which the tab list loads with the pane, so these load
 * only with the view.
 */
import { useWords } from '../i18n';
import type { Language } from '../../domain/findings';
import { counted, sentence } from '../text';

const sv = {
  packTitle: 'Granskningsunderlag',
  packIntro:
    'Forumets granskningsunderlag i en arbetsbok: varje områdes senaste fastställda version, ändringarna mot föregående fastställda version med ändringsnoteringar, och fynden. Planperioden ovan gäller; tom tar den budgetramens år.',
  packForum: 'Forum',
  forumTF: 'Tjänsteforum (TF)',
  forumPF: 'Prioriteringsforum (PF)',
  forumBF: 'Beslutsforum (BF)',
  packDate: 'Mötesdatum',
  packDateHint: 'ÅÅÅÅ-MM-DD',
  packDateInvalid: 'Skriv mötesdatumet som ÅÅÅÅ-MM-DD.',
  packPublish: 'Publicera i biblioteket',
  packOpen: 'Öppna',
  packBuilding: 'Skapar granskningsunderlaget…',
  packNoLibrary: 'Inget bibliotek är anslutet: granskningsunderlaget läses ur biblioteket.',
  packNoPeriod: 'Skriv planperioden ovan (t.ex. 2022–2024) eller öppna finansens ramarbetsbok.',
  packPublished: (name: string, areas: number, changed: number) =>
    `${name} är publicerat i biblioteket: ${counted('sv', areas, 'område', 'områden')}, ${changed} med ändringar sedan föregående fastställda version.`,
  packAlready: (name: string) => `${name} är redan publicerat i biblioteket med samma innehåll; inget skrevs.`,
  packConflict: (name: string) => `${name} finns redan i biblioteket med annat innehåll. Inget skrevs över; välj ett annat mötesdatum eller ta bort det befintliga i biblioteket.`,
  packPublishFailed: (message: string) => `Granskningsunderlaget kunde inte publiceras: ${sentence(message)}`,
  packNothing: (period: string) => `Biblioteket har ingen fastställd version för ${period}; inget underlag skapades.`,
  packUnreachable: (message: string) => `Biblioteket kunde inte nås: ${sentence(message)}`,
  packUnreadable: (message: string) => `Biblioteket kunde inte läsas: ${sentence(message)}`,
  packCreated: (forum: string, period: string, areas: number) => `Granskningsunderlaget för ${forum} ${period} (${counted('sv', areas, 'område', 'områden')}) är öppnat som en ny arbetsbok.`,
  packDownloaded: (file: string) => `Granskningsunderlaget är hämtat som ${file}.`,
  packOpenInLibrary: 'Öppna i biblioteket',
};

export type PackStrings = typeof sv;

const en: PackStrings = {
  packTitle: 'Review pack',
  packIntro:
    "The forum's review pack in one workbook: each area's newest approved version, the changes against its previous approved version with change notes, and its findings. The plan period above applies; empty takes the frame's years.",
  packForum: 'Forum',
  forumTF: 'Service forum (TF)',
  forumPF: 'Prioritisation forum (PF)',
  forumBF: 'Decision forum (BF)',
  packDate: 'Meeting date',
  packDateHint: 'YYYY-MM-DD',
  packDateInvalid: 'Write the meeting date as YYYY-MM-DD.',
  packPublish: 'Publish to the library',
  packOpen: 'Open',
  packBuilding: 'Building the review pack…',
  packNoLibrary: 'No library is connected: the review pack is read from the library.',
  packNoPeriod: "Write the plan period above (e.g. 2022–2024) or open finance's frame workbook.",
  packPublished: (name, areas, changed) => `${name} is published to the library: ${counted('en', areas, 'area', 'areas')}, ${changed} changed since the previous approved version.`,
  packAlready: (name) => `${name} is already in the library with the same content; nothing was written.`,
  packConflict: (name) => `${name} is already in the library with other content. Nothing was overwritten; choose another meeting date or remove the existing one from the library.`,
  packPublishFailed: (message) => `The review pack could not be published: ${sentence(message)}`,
  packNothing: (period) => `The library has no approved version for ${period}; no pack was built.`,
  packUnreachable: (message) => `The library could not be reached: ${sentence(message)}`,
  packUnreadable: (message) => `The library could not be read: ${sentence(message)}`,
  packCreated: (forum, period, areas) => `The review pack for ${forum} ${period} (${counted('en', areas, 'area', 'areas')}) is open as a new workbook.`,
  packDownloaded: (file) => `The review pack was downloaded as ${file}.`,
  packOpenInLibrary: 'Open in the library',
};

export const PACK_STRINGS: Readonly<Record<Language, PackStrings>> = { sv, en };

export const usePackStrings = (): PackStrings => useWords(PACK_STRINGS);
