/**
 * The pane's tables of words (`{ sv, en }`, read through useWords; src/taskpane/i18n.ts): Swedish and English
 * have the same keys, and every key is used somewhere in src/taskpane besides its own definition — a word no
 * view shows is a translation kept up for nothing, and usually the sign of a message that was meant to be said.
 *
 * A key counts as used where a variable bound to its table reads it: `t.key` after `const t = useXStrings()`,
 * a parameter or prop typed with the table's type (`t: XStrings`), `X_STRINGS[lang].key`, or a destructuring
 * of the hook. A table read some other way (`t[name]`) would show here as unused: read it by name instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const PANE = path.join(ROOT, 'src', 'taskpane');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const files = sources(PANE).map((file) => ({ file, rel: path.relative(ROOT, file).split(path.sep).join('/'), text: readFileSync(file, 'utf8') }));

interface Table {
  rel: string;
  /** The exported `{ sv, en }`, e.g. PRIORITIZE_STRINGS. */
  name: string;
  /** The hooks that return it, e.g. usePrioritizeStrings. */
  hooks: string[];
  /** Its type, e.g. PrioritizeStrings. */
  type: string | null;
  table: Record<'sv' | 'en', Record<string, unknown>>;
}

/** Every table the pane reads through useWords(NAME), with the hook that reads it and its type's name. */
function tables(): Table[] {
  const found: Table[] = [];
  for (const { file, rel, text } of files) {
    for (const m of text.matchAll(/useWords\(\s*([A-Z][A-Z0-9_]*)\s*\)/g)) {
      const name = m[1];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const table = (require(file) as Record<string, unknown>)[name] as Table['table'] | undefined;
      if (!table) throw new Error(`${rel}: useWords(${name}) reads a table the file does not export`);
      const hooks = [...text.matchAll(new RegExp(`(?:const|function)\\s+(use\\w*)\\b[^\\n]*useWords\\(\\s*${name}\\s*\\)`, 'g'))].map((h) => h[1]);
      const type = /export type (\w+) = typeof sv\b/.exec(text)?.[1] ?? null;
      found.push({ rel, name, hooks, type, table });
    }
  }
  return found;
}

const TABLES = tables();

/** The text of a file without the bodies of its `sv` and `en` objects (the definitions themselves). */
function withoutDefinitions(text: string): string {
  let out = text;
  for (const head of [/\nconst sv\b[^=]*=\s*\{/, /\nconst en\b[^=]*=\s*\{/]) {
    const m = head.exec(out);
    if (!m) continue;
    const close = out.indexOf('\n};', m.index);
    out = out.slice(0, m.index) + out.slice(close + 3);
  }
  return out;
}

const escape = (s: string) => s.replace(/[$]/g, '\\$');

/** The keys of the table read in one file's text, through the variables bound to it there. */
function keysRead(t: Table, text: string): Set<string> {
  const used = new Set<string>();
  const names = new Set<string>();
  for (const hook of t.hooks) {
    for (const m of text.matchAll(new RegExp(`(?:const|let)\\s+(\\w+)\\s*=\\s*${hook}\\(\\)`, 'g'))) names.add(m[1]);
    for (const m of text.matchAll(new RegExp(`(?:const|let)\\s*\\{([^}]*)\\}\\s*=\\s*${hook}\\(\\)`, 'g'))) for (const k of m[1].split(',')) used.add(k.split(':')[0].trim());
  }
  if (t.type) for (const m of text.matchAll(new RegExp(`\\b(\\w+)\\??\\s*:\\s*(?:Readonly<)?${t.type}\\b`, 'g'))) names.add(m[1]);
  for (const m of text.matchAll(new RegExp(`(?:const|let)\\s+(\\w+)\\s*=\\s*${t.name}\\[`, 'g'))) names.add(m[1]);
  for (const m of text.matchAll(new RegExp(`\\b${t.name}\\[[^\\]]+\\]\\??\\.(\\w+)`, 'g'))) used.add(m[1]);
  for (const n of names) for (const m of text.matchAll(new RegExp(`\\b${escape(n)}\\??\\.(\\w+)`, 'g'))) used.add(m[1]);
  return used;
}

test('the pane has tables of words to check', () => {
  // i18n.ts's own and one per view: a pattern that found none would check nothing.
  expect(TABLES.map((t) => t.rel)).toEqual(expect.arrayContaining(['src/taskpane/i18n.ts', 'src/taskpane/prioritize/strings.ts', 'src/taskpane/review/strings.ts']));
  for (const t of TABLES) expect({ table: t.rel, hooks: t.hooks.length > 0, type: t.type !== null }).toEqual({ table: t.rel, hooks: true, type: true });
});

test.each(TABLES.map((t) => [t.rel, t] as const))('%s: Swedish and English have the same keys', (_, t) => {
  const shape = (o: unknown, at: string): string[] =>
    o !== null && typeof o === 'object' && !Array.isArray(o) ? Object.entries(o).flatMap(([k, v]) => [`${at}${k}`, ...shape(v, `${at}${k}.`)]) : [];
  const sv = shape(t.table.sv, '');
  const en = shape(t.table.en, '');
  expect({ file: t.rel, onlySwedish: sv.filter((k) => !en.includes(k)), onlyEnglish: en.filter((k) => !sv.includes(k)) }).toEqual({ file: t.rel, onlySwedish: [], onlyEnglish: [] });
});

test.each(TABLES.map((t) => [t.rel, t] as const))('%s: every key is used in src/taskpane', (_, t) => {
  const used = new Set<string>();
  for (const f of files) for (const k of keysRead(t, f.rel === t.rel ? withoutDefinitions(f.text) : f.text)) used.add(k);
  const unused = Object.keys(t.table.sv).filter((k) => !used.has(k)).map((k) => `${t.rel}: ${k}`);
  expect(unused).toEqual([]);
});
