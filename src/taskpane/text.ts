/**
 * The pane's text as its language writes it: counted words, finished sentences, quotes, unbroken amounts. The plural form comes from
 * `Intl.PluralRules`, never from gluing an ending on: "1 varning", "2 varningar", "1 fel", "2 fel".
 */
import type { Finding, Language } from '../domain/findings';
import { messageIn } from '../domain/findings';
import { formatNumber } from '../domain/money';

const RULES: Record<Language, Intl.PluralRules> = { sv: new Intl.PluralRules('sv-SE'), en: new Intl.PluralRules('en-GB') };

/** `n` and the noun in the form the language uses for it. */
export function counted(lang: Language, n: number, one: string, other: string): string {
  return `${formatNumber(n)} ${RULES[lang].select(n) === 'one' ? one : other}`;
}

/** One of two whole phrases by the count, for sentences whose verb or adjective agrees with it too. */
export function byCount(lang: Language, n: number, one: string, other: string): string {
  return RULES[lang].select(n) === 'one' ? one : other;
}

/** A quoted message (a refusal, an error) ending the pane's sentence with a full stop, unless it has one. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Straight quotes as the language writes them: Swedish ”4,5 mkr” (the same mark on both sides), English
 * “4,5 mkr”. The domain's messages quote echoed cell text with plain " so the command line stays ASCII-safe.
 */
export function typographic(text: string, lang: Language): string {
  return text.replace(/"([^"\n]*)"/g, lang === 'sv' ? '\u201d$1\u201d' : '\u201c$1\u201d');
}

/** "22 342 tkr" as one unit on a narrow line: the sentence may wrap around it, never inside it. */
export const keepTogether = (amount: string): string => amount.replace(/ /g, '\u00a0');

/** A finding's message as the pane shows it. */
export function findingText(f: Finding, lang: Language): string {
  return typographic(messageIn(f, lang), lang);
}
