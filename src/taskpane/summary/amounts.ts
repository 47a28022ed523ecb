/** "27 192 tkr" as one unit on a narrow line: the sentence may wrap around it, never inside it. */
export const keepTogether = (amount: string): string => amount.replace(/ /g, '\u00a0');
