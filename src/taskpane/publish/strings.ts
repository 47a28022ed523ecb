/** Publicering's words: Swedish first, English when Office's display language is English. */
import type { Decision } from '../../domain/versions';
import type { SuggestionReason } from '../../domain/workflow';
import type { Refusal } from '../../publish/prepare';
import type { Language } from '../../domain/findings';
import { useWords } from '../i18n';
import { counted, sentence } from '../text';

const sv = {
  loading: 'Läser inställningarna för publicering…',
  notConfigured: 'Publicering är inte konfigurerad: ingen SharePoint-plats eller lokal bibliotekstjänst är angiven.',
  noHost: 'Öppna en plan i Excel för att publicera den.',
  stateHeading: 'Planens läge',
  reread: 'Läs planen igen',
  reading: 'Läser planen…',
  noPlan: 'Arbetsboken har ingen läsbar plan (se fliken Plan).',
  stateDraft: (v: string | null) => (v ? `Utkast, version ${v}.` : 'Utkast, ingen version ännu.'),
  stateSubmitted: (v: string, forum: string) => `Inskickad${forum ? ` till ${forum}` : ''}, version ${v}.`,
  stateApproved: (v: string, forum: string, date: string) => `Fastställd v${v}${forum ? ` av ${forum}` : ''}${date ? ` ${date}` : ''}.`,
  stateReturned: (v: string, forum: string) => `Återremitterad${forum ? ` av ${forum}` : ''}, version ${v}.`,
  lastApproved: (v: string) => `Senast fastställda version: v${v}.`,
  noneApproved: 'Ingen version är fastställd ännu.',
  recordKept: (v: string, fingerprint: string) =>
    `Arbetsboken har tabellerna från fastställandet av v${v} sparade (fingeravtryck ${fingerprint.slice(0, 12)}…); Kontrollera jämför med dem.`,
  recordHeading: 'Registrera beslut',
  forum: 'Forum',
  noForum: 'Inget forum',
  decision: 'Beslut',
  decisionNames: { Utkast: 'Utkast', Inskickad: 'Inskickad', Fastställd: 'Fastställd', Återremitterad: 'Återremitterad' } as Record<Decision, string>,
  date: 'Datum',
  changedBy: 'Ändrat av',
  description: 'Beskrivning',
  version: 'Version',
  suggestion: (text: string, reason: SuggestionReason) => `Förslag: ${text} (${REASONS_SV[reason]}). Du kan skriva en annan.`,
  record: 'Registrera beslut',
  forumNeeded: 'Välj vilket forum som fattade beslutet.',
  versionNeeded: 'Ange versionen.',
  dateNeeded: 'Ange datum.',
  noVersionTable: 'Planen saknar tabellen Versionshantering; skapa den under fliken Plan.',
  approveWithErrors: (n: number) =>
    `Planen har ${counted('sv', n, 'fel', 'fel')} och kan inte registreras som Fastställd. Rätta felen under fliken Plan först; ett fastställt beslut ska gälla en plan utan fel.`,
  recorded: (v: string, decision: string) => `Beslutet är registrerat: version ${v}, ${decision}.`,
  recordedApproved: (v: string) =>
    `Beslutet är registrerat: version ${v}, Fastställd. De fastställda tabellerna sparas i arbetsboken, så Kontrollera visar om något ändras efteråt.`,
  approvalNotKept: (v: string, reason: string) =>
    `Beslutet är registrerat (version ${v}, Fastställd), men de fastställda tabellerna kunde inte sparas i arbetsboken: ${sentence(reason)}`,
  recordedFindings: 'Att se över i den nya raden',
  publishHeading: 'Publicera',
  publish: (v: string) => `Publicera v${v}`,
  publishNone: 'Publicera',
  preparing: 'Förbereder publiceringen…',
  uploading: (sent: number, total: number) => `Laddar upp ${Math.round(sent / 1024)} av ${Math.round(total / 1024)} kB`,
  published: (name: string) => `${name} har kommit fram till biblioteket.`,
  alreadyPublished: (name: string) => `${name} är redan publicerad; inget skrevs om.`,
  conflict: (name: string, reason: string) => `${name} publicerades inte: ${sentence(reason)}`,
  stillWaiting: (name: string, reason: string) => `${name} väntar i utkorgen och skickas igen senare: ${sentence(reason)}`,
  publishedOnRecord: (forum: string) => `När beslutet registreras publiceras versionen i biblioteket, med beslutet och forumet ${forum}.`,
  forumVersionNotSent: (reason: string) => `Versionen som forumet ska se publicerades inte: ${sentence(reason)}`,
  /** Why the version is not published, in the pane's language; errors are sent to the Plan tab, never to a command. */
  notPublishable: (refusal: Pick<Refusal, 'reason' | 'message' | 'messageEn'>, errors: number) =>
    refusal.reason === 'errors'
      ? `Kan inte publicera: planen har ${counted('sv', errors, 'fel', 'fel')}. Rätta ${errors === 1 ? 'det' : 'dem'} under fliken Plan först.`
      : `Kan inte publicera: ${sentence(refusal.message)}`,
  openFile: (name: string) => `Öppna ${name} i biblioteket`,
  newTab: '(öppnas i ny flik)',
  outboxHeading: 'Utkorgen',
  outboxEmpty: 'Utkorgen är tom.',
  states: { waiting: 'Väntar', sending: 'Skickas', landed: 'Har kommit fram', failed: 'Misslyckades' },
  retry: 'Försök igen',
  retryLabel: (name: string) => `Försök igen: ${name}`,
  resent: (landed: number, waiting: number, failed: number) => `Utkorgen skickad: ${landed} har kommit fram, ${waiting} väntar, ${failed} misslyckades.`,
  outboxUnavailable: (message: string) => `Utkorgen kan inte öppnas: ${message}`,
  failed: (message: string) => `Något gick fel: ${sentence(message)}`,
};

const REASONS_SV: Record<SuggestionReason, string> = {
  draft: 'nästa utkast',
  'tf-decision': 'tjänsteforums första beslut',
  'whole-version': 'nästa hela version',
  'same-version': 'samma version som forumet före',
  returned: 'åter till utkast',
};

const REASONS_EN: Record<SuggestionReason, string> = {
  draft: 'next draft',
  'tf-decision': "the service forum's first decision",
  'whole-version': 'next whole version',
  'same-version': 'the same version as the forum before',
  returned: 'back to draft',
};

export type PublishStrings = typeof sv;

const en: PublishStrings = {
  loading: 'Reading the publishing settings…',
  notConfigured: 'Publishing is not configured: no SharePoint site or local library service is set.',
  noHost: 'Open a plan in Excel to publish it.',
  stateHeading: "The plan's state",
  reread: 'Read the plan again',
  reading: 'Reading the plan…',
  noPlan: 'The workbook has no readable plan (see the Plan tab).',
  stateDraft: (v) => (v ? `Draft, version ${v}.` : 'Draft, no version yet.'),
  stateSubmitted: (v, forum) => `Submitted${forum ? ` to ${forum}` : ''}, version ${v}.`,
  stateApproved: (v, forum, date) => `Approved v${v}${forum ? ` by ${forum}` : ''}${date ? ` ${date}` : ''}.`,
  stateReturned: (v, forum) => `Returned${forum ? ` by ${forum}` : ''}, version ${v}.`,
  lastApproved: (v) => `Latest approved version: v${v}.`,
  noneApproved: 'No version has been approved yet.',
  recordKept: (v, fingerprint) =>
    `The workbook keeps the tables as v${v} was approved (fingerprint ${fingerprint.slice(0, 12)}…); Check compares with them.`,
  recordHeading: 'Record a decision',
  forum: 'Forum',
  noForum: 'No forum',
  decision: 'Decision',
  decisionNames: { Utkast: 'Draft', Inskickad: 'Submitted', Fastställd: 'Approved', Återremitterad: 'Returned' },
  date: 'Date',
  changedBy: 'Changed by',
  description: 'Description',
  version: 'Version',
  suggestion: (text, reason) => `Suggested: ${text} (${REASONS_EN[reason]}). You may type another.`,
  record: 'Record decision',
  forumNeeded: 'Choose the forum that decided.',
  versionNeeded: 'Give the version.',
  dateNeeded: 'Give the date.',
  noVersionTable: 'The plan lacks the Versionshantering table; create it on the Plan tab.',
  approveWithErrors: (n) =>
    `The plan has ${counted('en', n, 'error', 'errors')} and cannot be recorded as Approved. Fix ${n === 1 ? 'it' : 'them'} on the Plan tab first; an approval must be of a plan without errors.`,
  recorded: (v, decision) => `The decision is recorded: version ${v}, ${decision}.`,
  recordedApproved: (v) =>
    `The decision is recorded: version ${v}, Approved. The approved tables are kept in the workbook, so Check shows whether anything changes afterwards.`,
  approvalNotKept: (v, reason) => `The decision is recorded (version ${v}, Approved), but the approved tables could not be kept in the workbook: ${sentence(reason)}`,
  recordedFindings: 'To review in the new row',
  publishHeading: 'Publish',
  publish: (v) => `Publish v${v}`,
  publishNone: 'Publish',
  preparing: 'Preparing the publication…',
  uploading: (sent, total) => `Uploading ${Math.round(sent / 1024)} of ${Math.round(total / 1024)} kB`,
  published: (name) => `${name} has reached the library.`,
  alreadyPublished: (name) => `${name} is already published; nothing was rewritten.`,
  conflict: (name, reason) => `${name} was not published: ${sentence(reason)}`,
  stillWaiting: (name, reason) => `${name} waits in the outbox and will be sent again later: ${sentence(reason)}`,
  publishedOnRecord: (forum) => `When the decision is recorded, the version is published to the library with the decision and the forum ${forum}.`,
  forumVersionNotSent: (reason) => `The version the forum is to see was not published: ${sentence(reason)}`,
  notPublishable: (refusal, errors) =>
    refusal.reason === 'errors'
      ? `Cannot publish: the plan has ${counted('en', errors, 'error', 'errors')}. Fix ${errors === 1 ? 'it' : 'them'} on the Plan tab first.`
      : `Cannot publish: ${sentence(refusal.messageEn)}`,
  openFile: (name) => `Open ${name} in the library`,
  newTab: '(opens in a new tab)',
  outboxHeading: 'Outbox',
  outboxEmpty: 'The outbox is empty.',
  states: { waiting: 'Waiting', sending: 'Sending', landed: 'Has arrived', failed: 'Failed' },
  retry: 'Try again',
  retryLabel: (name) => `Try again: ${name}`,
  resent: (landed, waiting, failed) => `Outbox sent: ${landed} arrived, ${waiting} waiting, ${failed} failed.`,
  outboxUnavailable: (message) => `The outbox cannot be opened: ${message}`,
  failed: (message) => `Something went wrong: ${sentence(message)}`,
};

export const PUBLISH_STRINGS: Readonly<Record<Language, PublishStrings>> = { sv, en };

export const usePublishStrings = (): PublishStrings => useWords(PUBLISH_STRINGS);
