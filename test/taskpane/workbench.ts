/**
 * Shared by the task pane's browser tests: the workbench server (in-process, port 0, serving the built
 * dist/web) and a Chromium (see browser.ts) through playwright-core, and helpers that act and look the way a user
 * does — buttons by their names, the grid's cells, the name box, the sheet tabs, the pane's live region.
 *
 * Nothing here skips: a missing build or a missing browser fails the suite with a message saying what to do.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type FrameLocator, type Locator, type Page } from 'playwright-core';
import type { Finding, Severity } from '../../src/domain/findings';
import { findChromium } from './browser';
import { startLibrary, type RunningLibrary } from '../../src/simulators/library';
import { startWorkbench, type WorkbenchServer } from '../../src/server/workbenchServer';
import { checkWorkbook } from '../../src/workbook/checkPlan';
import { XlsxWorkbook } from '../../src/workbook/file/xlsxWorkbook';

export const ROOT = path.resolve(__dirname, '..', '..');
export const WEB_ROOT = path.join(ROOT, 'dist', 'web');
export const BROKEN = path.join(ROOT, 'test', 'fixtures', 'broken');

/** Per-test timeout for the browser tests (each test opens a fresh page; jest's 5 s default is too short). */
export const BROWSER_TEST_TIMEOUT = 60_000;
/** How long a single wait for something the user would see may take. */
const WAIT = 15_000;

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Throws (never skips) when the pages are not built. */
export function requirePrerequisites(): void {
  for (const page of ['taskpane.html', 'workbench.html']) {
    if (!existsSync(path.join(WEB_ROOT, page))) {
      throw new Error(`${path.join(WEB_ROOT, page)} is missing: build the pages with \`npm run build:web\` before these tests (\`npm test\` does).`);
    }
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Bench {
  url: string;
  /** The CA the workbench's certificate is signed with, for clients outside the browser (the CLI's --ca). */
  caPath: string;
  /**
   * The local library, when startBench was asked for one: on origins of its own (Graph on
   * https://localhost:P, file bytes on https://127.0.0.1:Q), as `npm start` runs it; the pane reaches it
   * through CORS under the production policy plus exactly those two origins.
   */
  library: RunningLibrary | null;
  browser: Browser;
  /** Opens workbench.html?QUERY in a new browser context and waits for the pane to be ready. */
  open(query: string, options?: { viewport?: { width: number; height: number } }): Promise<Workbench>;
  /** Closes the pages opened so far (after each test, so a file's tests do not pile up browser contexts). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

export interface BenchOptions {
  /** Also run a local library (data in that folder, its default token unless given) beside the workbench, as `npm start` does. */
  library?: { dataDir: string; token?: string };
}

export async function startBench(options: BenchOptions = {}): Promise<Bench> {
  requirePrerequisites();
  const library = options.library ? await startLibrary({ dataDir: options.library.dataDir, token: options.library.token }) : null;
  const server: WorkbenchServer = await startWorkbench({
    port: 0,
    webRoot: WEB_ROOT,
    ...(library ? { libraryConfig: { url: library.url, fileOrigin: library.fileOrigin, ...library.ids, token: library.library.token } } : {}),
  });
  let browser: Browser;
  let executablePath = '(not found)';
  try {
    executablePath = await findChromium();
    browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  } catch (e) {
    await server.close();
    await library?.close();
    throw new Error(`Could not launch Chromium ${executablePath}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const opened: Workbench[] = [];
  return {
    url: server.url,
    caPath: server.caPath,
    library,
    browser,
    async open(query, options = {}) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: options.viewport ?? { width: 1400, height: 900 } });
      const wb = new Workbench(context, await context.newPage());
      opened.push(wb);
      await wb.load(`${server.url}workbench.html?${query}`);
      return wb;
    },
    async closePages() {
      for (const wb of opened.splice(0)) await wb.close().catch(() => undefined);
    },
    async close() {
      for (const wb of opened.splice(0)) await wb.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
      await library?.close();
    },
  };
}

/**
 * One bench for the tests of a file: started before them, the pages each test opened closed after it, and
 * the bench closed after the last. Call it at the top of the file; the function it returns gives the bench
 * inside tests and hooks. Options given as a function are read when the bench starts, for what must be made
 * only then (a temporary folder, say).
 */
export function useBench(options: BenchOptions | (() => BenchOptions) = {}): () => Bench {
  let bench: Bench | undefined;
  beforeAll(async () => {
    bench = await startBench(typeof options === 'function' ? options() : options);
  });
  afterEach(async () => {
    await bench?.closePages();
  });
  afterAll(async () => {
    await bench?.close();
  });
  return () => {
    // Reached only when beforeAll failed, whose error says why; this one says where it was needed.
    if (!bench) throw new Error('The bench is not running: it did not start (see the error in beforeAll).');
    return bench;
  };
}

/** Spaces as the pane prints them (thin or no-break) read as plain spaces, and its minus as "-". */
export const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

/** The live region of one view (each view announces its own results). */
export const statusOf = (wb: Workbench, view: string) => wb.pane.locator(`[role=status][data-view="${view}"]`);

/** The pane's words the tests use, per language (as a user reads them on screen). */
export const WORDS = {
  sv: {
    check: 'Kontrollera',
    highlight: 'Markera i arket',
    clear: 'Ta bort markeringar',
    recompute: 'Räkna om summor',
    confirm: 'Skriv in omräknade summor',
    cancel: 'Avbryt',
    groups: { error: 'Fel', warning: 'Varningar', info: 'Upplysningar' } as Record<Severity, string>,
    summary: (e: number, w: number, i: number) => `${e} fel, ${w} ${w === 1 ? 'varning' : 'varningar'}, ${i} ${i === 1 ? 'upplysning' : 'upplysningar'}.`,
  },
  en: {
    check: 'Check',
    highlight: 'Highlight in sheet',
    clear: 'Remove highlights',
    recompute: 'Recompute sums',
    confirm: 'Write recomputed sums',
    cancel: 'Cancel',
    groups: { error: 'Errors', warning: 'Warnings', info: 'Notes' } as Record<Severity, string>,
    summary: (e: number, w: number, i: number) => `${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}, ${i} ${i === 1 ? 'note' : 'notes'}.`,
  },
};

export class Workbench {
  readonly pane: FrameLocator;
  /** Uncaught exceptions and CSP refusals seen on the page or in the pane. */
  readonly problems: string[] = [];

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    this.pane = page.frameLocator('.pane iframe');
    page.on('pageerror', (e) => this.problems.push(`uncaught: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) this.problems.push(`console: ${m.text()}`);
    });
  }

  async load(url: string): Promise<void> {
    await this.page.goto(url);
    await this.pane.locator('main').waitFor({ timeout: WAIT });
    // The pane is ready when its first action is there (Office.onReady has resolved and the app rendered).
    await this.pane.getByRole('button', { name: /^(Kontrollera|Check)$/ }).waitFor({ timeout: WAIT });
    await this.tabsSettled();
  }

  /**
   * The tab strip has settled when its "Fler" menu (a chunk of its own) is there to hold the tabs that do not
   * fit, or when every tab is shown and fits: before Fluent's Overflow has measured, all tabs are shown but overflow.
   */
  async tabsSettled(): Promise<void> {
    await until(async () => {
      const strip = this.pane.getByRole('tablist');
      if ((await strip.count()) === 0) return true;
      if (await this.pane.getByTestId('more-tabs').isVisible()) return true;
      return strip.first().evaluate((el) => el.querySelectorAll('[data-overflowing]').length === 0 && el.scrollWidth <= el.clientWidth);
    }, 'the tab strip to settle');
  }

  /** The pane's document (for evaluate and keyboard checks). */
  frame(): Frame {
    const f = this.page.frames().find((fr) => fr !== this.page.mainFrame() && fr.url().includes('taskpane.html'));
    if (!f) throw new Error('the task pane iframe is not loaded');
    return f;
  }

  button(name: string | RegExp): Locator {
    return this.pane.getByRole('button', { name: typeof name === 'string' ? new RegExp(`^${escapeRegExp(name)}$`) : name });
  }

  /** The pane's live region (role=status) where results are announced. */
  status(): Locator {
    return this.pane.locator('main [role=tabpanel]:not([hidden]) [role=status]');
  }

  /** A finding's button, by code and cell. */
  finding(code: string, address: string): Locator {
    return this.pane.locator(`button[data-code="${code}"][data-address="${address}"]`);
  }

  /**
   * Clicks a pane button that runs work (its buttons are disabled while it runs) and resolves when the work
   * is done: the buttons were disabled and are enabled again. Returns the live region's text.
   */
  async act(target: string | RegExp | Locator | { key: string }): Promise<string> {
    const frame = this.frame();
    await frame.evaluate(() => {
      const w = window as unknown as { __busy?: { seen: boolean; observer: MutationObserver } };
      w.__busy?.observer.disconnect();
      const state = { seen: false, observer: new MutationObserver(() => (state.seen = true)) };
      // The first button of the actions row (Kontrollera) is disabled exactly while work runs.
      const first = document.querySelector('main [role=tabpanel]:not([hidden]) button');
      if (first) state.observer.observe(first, { attributes: true, attributeFilter: ['disabled', 'aria-disabled'] });
      w.__busy = state;
    });
    if (typeof target === 'string' || target instanceof RegExp) await this.button(target).click();
    else if ('key' in target && typeof target.key === 'string') await this.page.keyboard.press(target.key);
    else await (target as Locator).click();
    await until(
      () =>
        frame.evaluate(() => {
          const w = window as unknown as { __busy?: { seen: boolean } };
          const first = document.querySelector('main [role=tabpanel]:not([hidden]) button');
          const idle = first !== null && !first.hasAttribute('disabled') && first.getAttribute('aria-disabled') !== 'true';
          return Boolean(w.__busy?.seen) && idle;
        }),
      `the pane to finish ${describe(target)}`,
    );
    return (await this.status().textContent()) ?? '';
  }

  /**
   * Opens a view as a user does: its tab when the strip shows it, otherwise through the strip's "Fler"
   * (More) menu, where a narrow pane keeps the tabs that do not fit. Waits until the view is shown.
   */
  async openView(name: string): Promise<void> {
    // A dialog closing keeps the rest of the pane hidden from the user (and from role queries) until it is gone.
    await until(async () => (await this.pane.getByRole('tablist').count()) === 1, 'the tab strip to be reachable');
    await this.tabsSettled();
    const tab = this.pane.getByRole('tab', { name, exact: true });
    if (await tab.isVisible()) await tab.click();
    else {
      await this.pane.getByTestId('more-tabs').click();
      await this.pane.getByRole('menuitem', { name, exact: true }).click();
    }
    await until(() => this.pane.getByRole('tab', { name, exact: true, selected: true }).isVisible(), `the ${name} tab to be chosen and shown`);
    await this.pane.getByRole('tabpanel', { name }).waitFor();
  }

  /**
   * Opens a workbook from disk through the page's file input (the sample menu serves only the fixtures) and
   * waits for the pane, which reloads as it would when a file is reopened in Excel; then the view, if named.
   */
  async openFile(file: string, view?: string): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles(file);
    await until(async () => ((await this.page.locator('header [role=status]').textContent()) ?? '').includes(path.basename(file, '.xlsx')), `${file} to open`);
    await this.page.waitForTimeout(300);
    await this.pane.getByRole('button', { name: 'Kontrollera' }).waitFor();
    if (view) await this.openView(view);
  }

  /** Clicks Kontrollera (Check) and waits for the result. */
  async check(lang: 'sv' | 'en' = 'sv'): Promise<string> {
    return this.act(WORDS[lang].check);
  }

  // --- The workbench page: grid, name box, formula bar, sheet tabs -------------------------------------

  nameBox(): Locator {
    return this.page.getByTestId('name-box');
  }

  sheetTab(name: string): Locator {
    return this.page.locator('.tabs [role=tab]', { hasText: new RegExp(`^${escapeRegExp(name)}$`) });
  }

  /** The sheet the grid shows. */
  async shownSheet(): Promise<string> {
    return (await this.page.locator('table.cells').getAttribute('data-sheet')) ?? '';
  }

  async showSheet(name: string): Promise<void> {
    if ((await this.shownSheet()) === name) return;
    await this.sheetTab(name).click();
    await until(async () => (await this.shownSheet()) === name, `the grid to show ${name}`);
  }

  cell(address: string): Locator {
    return this.page.locator(`table.cells td[data-address="${address}"]`);
  }

  /** Every drawn cell of the sheet shown: address → {text, fill}. */
  async cells(): Promise<Record<string, { text: string; fill: string | null }>> {
    return this.page.evaluate(() => {
      const out: Record<string, { text: string; fill: string | null }> = {};
      document.querySelectorAll<HTMLTableCellElement>('table.cells td[data-address]').forEach((td) => {
        out[td.dataset.address!] = { text: td.textContent ?? '', fill: td.dataset.fill ?? null };
      });
      return out;
    });
  }

  /** The drawn grid as rows of cell texts (row 1 first), for finding a table's header row. */
  async rows(): Promise<string[][]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('table.cells tbody tr'))
        .filter((tr) => tr.querySelector('td[data-address]'))
        .map((tr) => Array.from(tr.querySelectorAll('td[data-address]'), (td) => td.textContent ?? '')),
    );
  }

  /** Waits for a view's status line (role=status in its tab panel) to match; answers what it says. */
  async statusSays(tab: string, pattern: RegExp, timeout = 30_000): Promise<string> {
    const status = this.pane.getByRole('tabpanel', { name: tab }).locator('[role=status]');
    let text = '';
    await until(async () => pattern.test((text = (await status.textContent()) ?? '')), `the ${tab} status to say ${pattern} (it says "${text}")`, timeout);
    return text;
  }

  /** Types into a cell of the grid through the formula bar, as a user does (shown with or without spaces). */
  async typeIn(sheet: string, address: string, text: string): Promise<void> {
    await this.showSheet(sheet);
    await this.selectCell(address);
    const bar = this.page.getByLabel('Cellens innehåll');
    await bar.fill(text);
    await bar.press('Enter');
    const bare = (t: string) => t.replace(/\s/g, '');
    await until(async () => bare((await this.cell(address).textContent()) ?? '') === bare(text), `${sheet}!${address} to show "${text}"`);
  }

  /** Selects a cell by clicking it in the grid, as a user does. */
  async selectCell(address: string): Promise<void> {
    await this.cell(address).click();
    await until(async () => (await this.cell(address).getAttribute('data-selected')) === 'true', `${address} to be selected`);
  }

  /** Colours the selected cell with the workbench's fill control, as a user does. */
  async fillSelected(color: string): Promise<void> {
    await this.page.getByLabel('Fyllningsfärg').fill(color);
    await this.page.getByRole('button', { name: 'Fyll', exact: true }).click();
  }

  /**
   * Runs axe-core in the pane's document (injected through the devtools protocol, which the pane's content
   * security policy does not govern) and returns its violations.
   */
  async axe(options: Record<string, unknown> = {}): Promise<AxeViolation[]> {
    const frame = this.frame();
    if (!(await frame.evaluate(() => 'axe' in window))) {
      await frame.evaluate(`(function () {\n${AXE_SOURCE}\n}).call(window); typeof window.axe`);
    }
    return frame.evaluate(async (opts) => {
      const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
      // Fluent's focus management (tabster) puts focusable, aria-hidden "dummy" elements around focus groups
      // on purpose: they only pass focus on. A known false positive of aria-hidden-focus
      // (microsoft/tabster#288, microsoft/fluentui#25133), so they are left out; nothing else is.
      const context = { include: [document], exclude: [['[data-tabster-dummy]']] };
      // Colours are judged as they settle: a button's background in its CSS transition, or a dialog fading in
      // (Fluent's motion), measured between two states on a loaded machine. Finite ones only: a spinner's
      // animation never ends.
      const settling = document.getAnimations().filter((a) => Number.isFinite(a.effect?.getComputedTiming().iterations ?? Infinity));
      await Promise.all(settling.map((a) => a.finished.catch(() => undefined)));
      const result = await axe.run(context as unknown as Document, { resultTypes: ['violations'], ...opts });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
    }, options);
  }

  /**
   * What sticks out of the pane sideways: the document's own overflow, any visible element past the pane's
   * edge (unless a parent clips it on purpose: the chart's svg, the tab strip's hidden tabs), and any box
   * that scrolls sideways inside the pane.
   */
  async sideways(): Promise<{ scroll: number; width: number; shifted: number; outside: string[] }> {
    return this.frame().evaluate(() => {
      const width = document.documentElement.clientWidth;
      const outside: string[] = [];
      const describe = (el: Element, what: string) => `${what}: ${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      const clippedByParent = (el: Element) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (['hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
        }
        return false;
      };
      for (const el of Array.from(document.querySelectorAll('main *'))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if ((r.right > width + 1 || r.left < -1) && !clippedByParent(el)) outside.push(describe(el, `${Math.round(r.left)}–${Math.round(r.right)} px`));
        const o = getComputedStyle(el).overflowX;
        if ((o === 'auto' || o === 'scroll') && el.scrollWidth > el.clientWidth + 1) outside.push(describe(el, 'scrolls sideways'));
      }
      return {
        scroll: document.documentElement.scrollWidth,
        width,
        shifted: Math.round(document.querySelector('main')!.getBoundingClientRect().left + window.scrollX),
        outside: outside.slice(0, 5),
      };
    });
  }

  /** Every y-axis label of every chart in the view: whole (as the scale made it) and inside its chart. */
  async expectWholeAxisLabels(panel: string): Promise<void> {
    const charts = await this.pane.getByRole('tabpanel', { name: panel }).locator('[data-testid="frame-chart"]').evaluateAll((els) =>
      els.map((chart) => {
        const svg = chart.querySelector('svg')!.getBoundingClientRect();
        const labels = Array.from(chart.querySelectorAll('svg text')).filter((t) => /^[\d\s\u00a0\u2212]+$/.test(t.textContent ?? ''));
        return {
          ticks: chart.getAttribute('data-ticks')!.split('|'),
          texts: labels.map((t) => t.textContent ?? ''),
          outside: labels.filter((t) => {
            const r = t.getBoundingClientRect();
            return r.left < svg.left - 0.5 || r.right > svg.right + 0.5 || r.left < 0;
          }).map((t) => t.textContent),
        };
      }),
    );
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) {
      // The axis prints the scale's round labels (the years are x-axis text, also digits, so a subset check).
      for (const tick of c.ticks) expect(c.texts).toContain(tick);
      expect(c.outside).toEqual([]);
    }
  }

  /** The pane alone, as the user sees it, when PANE_SHOTS names a folder. */
  async paneShot(name: string): Promise<void> {
    if (process.env.PANE_SHOTS) await this.page.locator('.pane iframe').screenshot({ path: path.join(process.env.PANE_SHOTS, `${name}.png`) });
  }

  async screenshot(name: string): Promise<void> {
    if (process.env.PANE_SHOTS) await this.page.screenshot({ path: path.join(process.env.PANE_SHOTS, `${name}.png`) });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** Polls until the condition holds; fails with what it was waiting for. */
export async function until(condition: () => Promise<boolean> | boolean, what: string, timeout = WAIT): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: unknown = null;
  for (;;) {
    try {
      if (await condition()) return;
      last = null;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function describe(target: string | RegExp | Locator | { key: string }): string {
  if (typeof target === 'string' || target instanceof RegExp) return `"${String(target)}"`;
  return 'key' in target && typeof target.key === 'string' ? `key ${target.key}` : String(target);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// --- Expectations from the fixtures' manifest and the domain ---------------------------------------------

export interface ExpectedFinding {
  code: string;
  severity: Severity;
  sheet: string;
  table: string | null;
  address: string | null;
  messageIncludes?: string;
}

export interface ExpectedPlan {
  file: string;
  frame?: string;
  findings: ExpectedFinding[];
}

const manifest = JSON.parse(readFileSync(path.join(BROKEN, 'expected.json'), 'utf8')) as { plans: ExpectedPlan[] };

/** The manifest's entry for a broken plan (by file name). */
export function expectedFor(name: string): ExpectedPlan {
  const plan = manifest.plans.find((p) => path.basename(p.file) === name);
  if (!plan) throw new Error(`${name} is not in test/fixtures/broken/expected.json`);
  if (plan.frame) throw new Error(`${name} is validated with a frame workbook, which the pane does not read`);
  return plan;
}

export function countsOf(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** The findings the domain reports for a fixture read from disk (the messages the pane must show). */
export async function domainFindings(name: string): Promise<Finding[]> {
  return (await checkWorkbook(await XlsxWorkbook.open(path.join(BROKEN, name)))).findings;
}

/** Relative luminance (WCAG) of a CSS `rgb(…)`/`rgba(…)` colour. */
export function luminance(css: string): number {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(css);
  if (!m) throw new Error(`not an rgb colour: ${css}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
