/**
 * Issue 19: the commands that only read a plan never load exceljs (its load alone costs ~0.4 s); a command
 * that writes loads it when it writes. Asked of the bundle bin/tjansteplan.js runs (webpack.cli.js), where
 * each command is a chunk and exceljs stays a package of its own.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FIXTURES, ROOT } from './helpers';
import { tempDir } from './hostile/build';

const PLAN = path.join(FIXTURES, 'plans', 'tjansteplan-it-2022-2024.xlsx');
const UNAPPROVED = path.join(FIXTURES, 'plans', 'tjansteplan-kommunikation-2022-2024.xlsx');
const FRAME = path.join(FIXTURES, 'frame', 'budgetram-2022-2024.xlsx');

/** Runs the command in process and reports whether any exceljs module (or the library's client) was loaded. */
function loadsExceljs(args: string[]): { code: number; exceljs: boolean; library: boolean } {
  const script = `
    const { main } = require(${JSON.stringify(path.join(ROOT, 'dist', 'bundle', 'cli', 'main.js'))});
    process.stdout.write = () => true;
    process.stderr.write = () => true;
    main(['node', 'tjansteplan', ...${JSON.stringify(args)}]).then((code) => {
      const loaded = (m) => Object.keys(require.cache).some((k) => k.includes(m));
      require('fs').writeSync(3, JSON.stringify({ code, exceljs: loaded('/node_modules/exceljs/'), library: loaded('/node_modules/@microsoft/microsoft-graph-client/') || loaded('/node_modules/zod/') }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit', 'pipe'], env: { ...process.env, TJANSTEPLAN_TOKEN: '' } });
  return JSON.parse(String(r.output[3]));
}

describe('which commands load exceljs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('validate does not', () => {
    expect(loadsExceljs(['validate', '--frame', FRAME, PLAN])).toEqual({ code: 0, exceljs: false, library: false });
  });

  it('consolidate from files does not, nor the library\'s Graph client and schemas', () => {
    expect(loadsExceljs(['consolidate', '--frame', FRAME, PLAN])).toMatchObject({ exceljs: false, library: false });
  });

  it('prioritize from files does not', () => {
    expect(loadsExceljs(['prioritize', '--frame', FRAME, PLAN]).exceljs).toBe(false);
  });

  it('publish reads and checks the plan without it (this plan is then refused before anything is sent: it has no approved version)', () => {
    expect(loadsExceljs(['publish', '--library', 'https://localhost:1/v1.0', UNAPPROVED])).toMatchObject({ code: 1, exceljs: false });
  });

  it('consolidate --out, which writes a workbook, does', () => {
    expect(loadsExceljs(['consolidate', '--frame', FRAME, '--out', path.join(dir, 'ut.xlsx'), PLAN]).exceljs).toBe(true);
  });
});
