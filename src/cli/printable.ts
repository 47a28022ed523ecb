/**
 * Text safe to print on a terminal: a cell can hold ESC and BEL sequences that set the terminal's title,
 * colours or worse, so every control character goes except line breaks and tabs, and so do the C1 controls
 * (U+0080–U+009F, which some terminals obey as ESC) and the bidirectional overrides that make a line read
 * other than it is.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(CONTROLS, '');
}
