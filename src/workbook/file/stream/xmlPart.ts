/**
 * One zip part parsed as XML events while it inflates: bytes go from zlib's inflate through a streaming
 * UTF-8 decoder into saxes, so no part is ever held whole, and the inflate caps apply as it goes. A large
 * part's next piece is inflated on zlib's thread while this one is parsed.
 */
import { SaxesParser } from 'saxes';
import { UnreadableWorkbook } from '../unreadable';
import { inflateEntry, type InflateBudget, type ZipEntry } from '../zip';

export interface XmlHandler {
  /** Called with the element's local name (any `x:` prefix dropped) and its attributes. */
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Element names repeat by the hundred thousand: each prefixed one is cut once. */
const localNames = new Map<string, string>();
const prefixed = (name: string) => {
  let cut = localNames.get(name);
  if (cut === undefined) localNames.set(name, (cut = name.slice(name.indexOf(':') + 1)));
  return cut;
};

/**
 * Decoders are reused: creating one sets up a converter, which 100 files of a dozen parts each would pay
 * for some 1 200 times. One is taken per part being parsed and given back flushed, so parts parsed at the
 * same time never share one.
 */
const decoders: TextDecoder[] = [];

/**
 * Parsers are reused too: saxes starts a parser afresh when it closes a document, and `consolidate` parses
 * some 1 300 parts of 100 files, whose setting up cost ~20 ms. A parser that met an error is not reused.
 */
const parsers: SaxesParser[] = [];

export async function parseXmlPart(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, handler: XmlHandler): Promise<void> {
  const parser = parsers.pop() ?? new SaxesParser({ position: false });
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  // Every handler is set or unset: a reused parser still has the last part's.
  const open = handler.open;
  if (open) {
    parser.on('opentag', (tag) => {
      const n = tag.name;
      open(n.indexOf(':') < 0 ? n : prefixed(n), tag.attributes as Record<string, string>);
    });
  } else parser.off('opentag');
  const text = handler.text;
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  } else {
    parser.off('text');
    parser.off('cdata');
  }
  const close = handler.close;
  if (close) {
    parser.on('closetag', (tag) => {
      const n = tag.name;
      close(n.indexOf(':') < 0 ? n : prefixed(n));
    });
  } else parser.off('closetag');
  const decoder = decoders.pop() ?? new TextDecoder('utf-8');
  const broken = (e: Error) =>
    e instanceof UnreadableWorkbook ? e : new UnreadableWorkbook(budget.file, `filen kunde inte läsas som .xlsx (delen ${entry.name} är inte läsbar XML: ${e.message.split('\n')[0]})`);
  // A large part inflates on zlib's thread piece by piece, and zlib asks for the next piece only once the
  // handler of this one has returned. So the handler only queues the piece and it is parsed just after
  // (a microtask), while zlib already inflates the next one on the other thread: the main thread no longer
  // waits for each piece (issue 19). zlib's next piece cannot arrive before the parse of this one ends, so
  // the queue holds one piece or two. Every piece is still counted against the caps as it is inflated.
  const queue: Uint8Array[] = [];
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    try {
      for (let i = 0; i < queue.length && !failure; i++) parser.write(decoder.decode(queue[i], { stream: true }));
    } catch (e) {
      failure ??= e as Error;
    }
    queue.length = 0;
  };
  try {
    await inflateEntry(bytes, entry, budget, (chunk) => {
      // A part already found broken is not inflated further.
      if (failure) throw broken(failure);
      queue.push(chunk);
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(drain);
      }
    });
    drain();
    if (failure) throw broken(failure);
    parser.write(decoder.decode());
    parser.close();
    if (!failure) {
      // Back without this part's handlers, which hold on to what the part was read into.
      for (const event of ['opentag', 'text', 'cdata', 'closetag', 'error'] as const) parser.off(event);
      parsers.push(parser);
    }
  } catch (e) {
    queue.length = 0;
    // Whatever a refused part left half-decoded is dropped before the decoder is used again.
    decoder.decode();
    throw broken(e as Error);
  } finally {
    decoders.push(decoder);
  }
  if (failure) throw broken(failure);
}

/** A part's path from a relationship's target: relative to the source part's folder, or absolute. */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const piece of target.replace(/^\//, '').split('/')) {
    if (piece === '..') base.pop();
    else if (piece !== '.' && piece !== '') base.push(piece);
  }
  return base.join('/');
}

/** The relationships part that belongs to a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}
