/** Granskning's words: Swedish first, English when Office's display language is English. */
import type { Language } from '../../domain/findings';
import { useWords } from '../i18n';
import { counted } from '../text';
import type { VersionState } from './versionChoice';

const sv = {
  tab: 'Granskning',
  intro: 'Jämför två versioner av planen inför forum: vad som lagts till, tagits bort, bytt namn eller ändrat belopp.',
  mode: 'Jämför',
  modeWorkbook: 'Den öppna arbetsboken mot en publicerad version',
  modePublished: 'Två publicerade versioner av området',
  loadVersions: 'Hämta versioner',
  before: 'Före (publicerad version)',
  after: 'Efter (publicerad version)',
  versionOption: (version: string, state: VersionState, date: string) => {
    const by = state.forum ? ` av ${state.forum}` : '';
    const words =
      state.kind === 'approved' ? `fastställd${by}` : state.kind === 'submitted' ? `inskickad${state.forum ? ` till ${state.forum}` : ''}` : state.kind === 'returned' ? `återremitterad${by}` : `${state.decision || 'utan beslut'}${state.forum ? ` ${state.forum}` : ''}`;
    return `v${version}, ${words}${date ? ` ${date}` : ''}`;
  },
  compare: 'Visa skillnader',
  noLibrary: 'Inget bibliotek är anslutet: publicerade versioner kan inte hämtas.',
  noPlan: 'Den öppna arbetsboken har ingen läsbar plan.',
  versionsFound: (n: number, area: string, period: string) => `${counted('sv', n, 'publicerad version', 'publicerade versioner')} av ${area} ${period}.`,
  noVersions: (area: string, period: string) => `Inga publicerade versioner av ${area} ${period}.`,
  chooseBoth: 'Välj vilka versioner som ska jämföras.',
  compared: (n: number) => (n === 0 ? 'Inga skillnader.' : `${counted('sv', n, 'ändring', 'ändringar')}.`),
  openWorkbook: 'Öppen arbetsbok',
  added: 'Tillagda initiativ',
  removed: 'Borttagna initiativ',
  changed: 'Ändrade initiativ',
  frameChanges: 'Ändrad ram',
  renamedFrom: (old: string) => `tidigare ${old}`,
  column: 'Kolumn',
  beforeCol: 'Före',
  afterCol: 'Efter',
  delta: 'Förändring',
  amountChange: (label: string, before: string, after: string, delta: string | null) => `${label}: från ${before} till ${after}${delta ? ` (${delta})` : ''}.`,
  year: 'År',
  unknown: 'okänt',
  developmentTotal: (amount: string) => `utveckling ${amount} under perioden`,
  notes: 'Ändringsnotering (Beskrivning)',
  notesHint: 'Utkast på svenska; redigera före godkännande.',
  approve: 'Godkänn text',
  appended: (version: string) => `Texten är tillagd i Versionshantering som version ${version} (utkast).`,
  copied: 'Texten är kopierad till urklipp.',
  copyFailed: 'Texten kunde inte kopieras; markera den och kopiera själv.',
  noVersionTable: 'Arbetsboken saknar tabellen Versionshantering.',
  emptyNotes: 'Det finns ingen text att godkänna.',
};

export type ReviewStrings = typeof sv;

const en: ReviewStrings = {
  tab: 'Review',
  intro: 'Compare two versions of the plan before a forum: what was added, removed, renamed or changed in amount.',
  mode: 'Compare',
  modeWorkbook: 'The open workbook against a published version',
  modePublished: "Two published versions of the area",
  loadVersions: 'Fetch versions',
  before: 'Before (published version)',
  after: 'After (published version)',
  versionOption: (version, state, date) => {
    const by = state.forum ? ` by ${state.forum}` : '';
    const words =
      state.kind === 'approved' ? `approved${by}` : state.kind === 'submitted' ? `submitted${state.forum ? ` to ${state.forum}` : ''}` : state.kind === 'returned' ? `returned${by}` : `${state.decision || 'no decision'}${state.forum ? ` ${state.forum}` : ''}`;
    return `v${version}, ${words}${date ? ` ${date}` : ''}`;
  },
  compare: 'Show differences',
  noLibrary: 'No library is connected: published versions cannot be fetched.',
  noPlan: 'The open workbook has no readable plan.',
  versionsFound: (n, area, period) => `${counted('en', n, 'published version', 'published versions')} of ${area} ${period}.`,
  noVersions: (area, period) => `No published versions of ${area} ${period}.`,
  chooseBoth: 'Choose the versions to compare.',
  compared: (n) => (n === 0 ? 'No differences.' : `${counted('en', n, 'change', 'changes')}.`),
  openWorkbook: 'Open workbook',
  added: 'Added initiatives',
  removed: 'Removed initiatives',
  changed: 'Changed initiatives',
  frameChanges: 'Frame changes',
  renamedFrom: (old) => `formerly ${old}`,
  column: 'Column',
  beforeCol: 'Before',
  afterCol: 'After',
  delta: 'Change',
  amountChange: (label, before, after, delta) => `${label}: from ${before} to ${after}${delta ? ` (${delta})` : ''}.`,
  year: 'Year',
  unknown: 'unknown',
  developmentTotal: (amount) => `development ${amount} over the period`,
  notes: 'Change note (Beskrivning)',
  notesHint: 'A draft in Swedish; edit it before approving.',
  approve: 'Approve text',
  appended: (version) => `The text was added to Versionshantering as version ${version} (draft).`,
  copied: 'The text was copied to the clipboard.',
  copyFailed: 'The text could not be copied; select it and copy it yourself.',
  noVersionTable: 'The workbook has no Versionshantering table.',
  emptyNotes: 'There is no text to approve.',
};

/** The tab's name, for App's tab list (the view itself loads on demand). */
export const reviewTabLabel = (lang: Language) => REVIEW_STRINGS[lang].tab;

export const REVIEW_STRINGS: Readonly<Record<Language, ReviewStrings>> = { sv, en };

export const useReviewStrings = (): ReviewStrings => useWords(REVIEW_STRINGS);
