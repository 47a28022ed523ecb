/**
 * Where the CLI takes a bearer token from. `--token T` puts T in the process list (`ps`) for every user of
 * the machine to read, so the help says so and offers two ways that do not: the TJANSTEPLAN_TOKEN variable
 * and `--token -`, which reads the token from standard input (`pass show lib | tjansteplan publish --token - …`).
 */
import { UsageError } from './usage';

export const TOKEN_HELP = 'bärartoken; `--token -` läser den från standard input, annars TJANSTEPLAN_TOKEN. Ett värde här syns för andra i processlistan (ps)';

/** A token is one line; more than this is not a token but something piped in by mistake. */
const MAX_TOKEN = 64 * 1024;

export async function resolveToken(option: string | undefined, input: NodeJS.ReadableStream = process.stdin): Promise<string | undefined> {
  if (option !== '-') return option ?? (process.env.TJANSTEPLAN_TOKEN || undefined);
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.length > MAX_TOKEN) throw new UsageError('--token -: standard input är för lång för en token');
  }
  const token = text.split(/\r?\n/)[0].trim();
  if (!token) throw new UsageError('--token -: standard input gav ingen token');
  return token;
}
