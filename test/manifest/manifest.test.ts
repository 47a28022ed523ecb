/**
 * manifest.xml against what the web build serves: every URL Office will load exists in dist/web, icons have
 * the sizes the manifest claims, and the add-in is Swedish first with English overrides.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const WEB = path.join(ROOT, 'dist', 'web');
const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const DEV_ORIGIN = 'https://localhost:3000/';

const attr = (tag: string, name: string) => [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
const urls = [...xml.matchAll(/DefaultValue="(https:[^"]*)"/g)].map((m) => m[1]);

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

beforeAll(() => {
  if (!existsSync(path.join(WEB, 'taskpane.html'))) throw new Error('dist/web is missing: run `npm run build:web` (npm test does) first');
});

describe('manifest.xml', () => {
  it('is an Excel task pane add-in with a stable GUID and a four-part version matching package.json', () => {
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toMatch(/<Host Name="Workbook"\s*\/>/);
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(xml).toContain(`<Version>${version}.0</Version>`);
  });

  it('points every URL at a file the web build serves from the development origin', () => {
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(DEV_ORIGIN)).toBe(true);
      const file = new URL(url).pathname.slice(1) || 'workbench.html';
      expect({ url, exists: existsSync(path.join(WEB, file)) }).toEqual({ url, exists: true });
    }
    expect(attr('SourceLocation', 'DefaultValue')).toEqual([`${DEV_ORIGIN}taskpane.html`]);
  });

  it('has icons of the sizes it names', () => {
    const images = [...xml.matchAll(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="([^"]+)"/g)];
    expect(images.map((m) => m[1]).sort()).toEqual(['16', '32', '80']);
    for (const [, size, url] of images) {
      expect(pngSize(path.join(WEB, new URL(url).pathname))).toEqual({ width: Number(size), height: Number(size) });
    }
    expect(pngSize(path.join(WEB, new URL(attr('IconUrl', 'DefaultValue')[0]).pathname))).toEqual({ width: 32, height: 32 });
    expect(pngSize(path.join(WEB, new URL(attr('HighResolutionIconUrl', 'DefaultValue')[0]).pathname))).toEqual({ width: 64, height: 64 });
  });

  it('is Swedish first with an English override for every string people see', () => {
    expect(xml).toContain('<DefaultLocale>sv-SE</DefaultLocale>');
    const strings = [...xml.matchAll(/<(DisplayName|Description|bt:String)\b[^>]*>([\s\S]*?)<\/\1>/g)];
    expect(strings.length).toBeGreaterThanOrEqual(7);
    for (const [whole] of strings) expect(whole).toMatch(/Locale="en-US"/);
  });

  it('asks for the lowest Excel API set the adapter uses and opens the pane from a ribbon button', () => {
    // getRangeByIndexes is ExcelApi 1.7; nothing newer is required.
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.7"\/>/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
  });
});
