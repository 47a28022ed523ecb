/**
 * The manifest a production build writes (TJANSTEPLAN_ADDIN_URL=https://host/path npm run build:web): the
 * development manifest's structure with every URL of the add-in's own files under that base, files the build
 * serves there, English for each English locale, and nothing that names localhost. Built by the same
 * function and webpack configuration the build uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';

const ROOT = path.resolve(__dirname, '..', '..');
const WEB = path.join(ROOT, 'dist', 'web');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own plain CommonJS module
const { addinBase, productionManifest } = require('../../webpack.manifest.js') as {
  addinBase(raw?: string): string | null;
  productionManifest(xml: string, base: string): string;
};
const dev = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const ENGLISH = ['en-US', 'en-GB', 'en-AU', 'en-CA', 'en-IE', 'en-IN', 'en-NZ', 'en-ZA'];

interface Node {
  name: string;
  attributes: Record<string, string>;
  text: string;
  path: string;
  children: Node[];
}

/** Every element, in order, with its attributes and text; throws on XML that is not well-formed. */
function elements(xml: string): Node[] {
  const parser = new SaxesParser({ xmlns: false });
  const out: Node[] = [];
  const stack: Node[] = [];
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, text: '', path: [...stack.map((n) => n.name), tag.name].join('/'), children: [] };
    stack[stack.length - 1]?.children.push(node);
    out.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => {
    if (stack.length) stack[stack.length - 1].text += text.trim();
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return out;
}

/** Every URL the manifest names, with the element it is in (namespace names are not URLs it loads). */
function urls(nodes: Node[]): { url: string; element: string }[] {
  return nodes.flatMap((n) => [
    ...Object.entries(n.attributes)
      .filter(([name, v]) => !/^xmlns(:|$)/.test(name) && /^https?:/.test(v))
      .map(([, url]) => ({ url, element: n.name })),
    ...(/^https?:/.test(n.text) ? [{ url: n.text, element: n.name }] : []),
  ]);
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

beforeAll(() => {
  if (!existsSync(path.join(WEB, 'taskpane.html'))) throw new Error('dist/web is missing: run `npm run build:web` (npm test does) first');
});

describe.each(['https://tillagg.example.se/tjansteplan', 'https://addins.example.org/'])('for %s', (given) => {
  const base = addinBase(given)!;
  const xml = productionManifest(dev, base);
  const nodes = elements(xml);

  it('is the development manifest with other URLs: same elements, same Id, version and requirements', () => {
    expect(base.endsWith('/')).toBe(true);
    expect(nodes.map((n) => n.path)).toEqual(elements(dev).map((n) => n.path));
    const text = (name: string, of: Node[]) => of.filter((n) => n.name === name).map((n) => n.text);
    for (const name of ['Id', 'Version', 'DefaultLocale', 'Permissions', 'TaskpaneId']) expect(text(name, nodes)).toEqual(text(name, elements(dev)));
    expect(nodes.find((n) => n.name === 'OfficeApp')?.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(nodes.filter((n) => n.name === 'Set').map((n) => n.attributes)).toEqual([{ Name: 'ExcelApi', MinVersion: '1.7' }]);
  });

  it('names the base for every URL of its own (SourceLocation, icons, SupportUrl, the ribbon resources) and no localhost', () => {
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
    const all = urls(nodes);
    expect(all.length).toBe(urls(elements(dev)).length);
    const own = all.filter((u) => u.element !== 'AppDomain');
    expect(own.map((u) => u.element).sort()).toEqual(['HighResolutionIconUrl', 'IconUrl', 'SourceLocation', 'SupportUrl', 'bt:Image', 'bt:Image', 'bt:Image', 'bt:Url', 'bt:Url'].sort());
    for (const { url } of own) expect(url.startsWith(base)).toBe(true);
    expect(nodes.find((n) => n.name === 'SourceLocation' && n.path.startsWith('OfficeApp/DefaultSettings'))?.attributes.DefaultValue).toBe(`${base}taskpane.html`);
    expect(nodes.find((n) => n.name === 'bt:Url' && n.attributes.id === 'Taskpane.Url')?.attributes.DefaultValue).toBe(`${base}taskpane.html`);
    // The add-in's own pages need no AppDomain; Microsoft's sign-in, opened from the pane, does.
    expect(all.filter((u) => u.element === 'AppDomain').map((u) => u.url)).toEqual(['https://login.microsoftonline.com']);
  });

  it('points at files the production build writes there; icons of the sizes they claim', () => {
    for (const { url, element } of urls(nodes).filter((u) => u.element !== 'AppDomain')) {
      const file = url.slice(base.length);
      // index.html (the support page) is written only by a production build; the rest by every build.
      const where = file === 'index.html' ? path.join(ROOT, 'src', 'taskpane', 'index.html') : path.join(WEB, file);
      expect({ url, element, exists: existsSync(where) }).toEqual({ url, element, exists: true });
    }
    for (const n of nodes.filter((x) => x.name === 'bt:Image' && x.attributes.id)) {
      const size = Number(/Icon\.(\d+)x/.exec(n.attributes.id)![1]);
      expect(pngSize(path.join(WEB, n.attributes.DefaultValue.slice(base.length)))).toEqual({ width: size, height: size });
    }
    const icon = (name: string) => nodes.find((n) => n.name === name)!.attributes.DefaultValue.slice(base.length);
    expect(pngSize(path.join(WEB, icon('IconUrl')))).toEqual({ width: 32, height: 32 });
    expect(pngSize(path.join(WEB, icon('HighResolutionIconUrl')))).toEqual({ width: 64, height: 64 });
  });

  it('keeps the version overrides: the ribbon button opening the pane, Swedish first with English for every English locale', () => {
    const overrides = nodes.filter((n) => n.name === 'VersionOverrides');
    expect(overrides.map((n) => n.attributes['xsi:type'])).toEqual(['VersionOverridesV1_0']);
    expect(nodes.some((n) => n.path.endsWith('Control/Action/SourceLocation') && n.attributes.resid === 'Taskpane.Url')).toBe(true);
    // The strings people see (those with a DefaultValue), each with an English override per English locale.
    const localized = nodes.filter((n) => ['DisplayName', 'Description', 'bt:String'].includes(n.name) && n.attributes.DefaultValue);
    expect(localized.length).toBeGreaterThanOrEqual(7);
    for (const n of localized) {
      expect(n.children.map((o) => o.attributes.Locale)).toEqual(ENGLISH);
      const english = new Set(n.children.map((o) => o.attributes.Value));
      expect({ string: n.attributes.DefaultValue, englishTexts: english.size }).toEqual({ string: n.attributes.DefaultValue, englishTexts: 1 });
    }
  });
});

describe('the base', () => {
  it('must be a plain https URL off loopback; without it the build is the development one', () => {
    expect(addinBase(undefined)).toBeNull();
    expect(addinBase('')).toBeNull();
    expect(addinBase('https://host.example/a/b')).toBe('https://host.example/a/b/');
    for (const bad of ['http://host.example/', 'https://localhost:3000/', 'https://127.0.0.1/x', 'https://host.example/?a=1', 'https://u:p@host.example/', 'not a url']) {
      expect(() => addinBase(bad)).toThrow(/TJANSTEPLAN_ADDIN_URL/);
    }
  });

  it('the webpack configuration uses it: the manifest transformed, an index.html, no workbench or samples', () => {
    const before = process.env.TJANSTEPLAN_ADDIN_URL;
    process.env.TJANSTEPLAN_ADDIN_URL = 'https://tillagg.example.se/tjansteplan';
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is plain CommonJS
      const config = require('../../webpack.config.js')({}, { mode: 'production' });
      expect(Object.keys(config.entry).sort()).toEqual(['signin', 'taskpane']);
      const pages = config.plugins.filter((p: { userOptions?: { filename?: string } }) => p.userOptions?.filename).map((p: { userOptions: { filename: string } }) => p.userOptions.filename);
      expect(pages.sort()).toEqual(['index.html', 'signin.html', 'taskpane.html']);
      const copy = config.plugins.find((p: { patterns?: unknown[] }) => Array.isArray(p.patterns));
      const manifest = copy.patterns.find((p: { from: string }) => p.from === 'manifest.xml');
      expect(manifest.transform(Buffer.from(dev))).toBe(productionManifest(dev, 'https://tillagg.example.se/tjansteplan/'));
      expect(copy.patterns.some((p: { to: string }) => String(p.to).startsWith('samples'))).toBe(false);
    } finally {
      if (before === undefined) delete process.env.TJANSTEPLAN_ADDIN_URL;
      else process.env.TJANSTEPLAN_ADDIN_URL = before;
    }
  });
});
