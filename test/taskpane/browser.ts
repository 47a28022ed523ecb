/**
 * Which Chromium the browser tests drive: the one named by CHROMIUM_PATH, else one already on the machine
 * (Debian's chromium), else the Chromium that the npm package @sparticuz/chromium ships inside itself — so
 * `npm install && npm test` passes on a fresh machine without apt or a browser download.
 *
 * Only the binary is taken from that package, never its launch arguments: they include
 * --disable-web-security, which would switch off the CORS and CSP that the tests exist to enforce.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const ON_THE_MACHINE = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export async function findChromium(): Promise<string> {
  const named = process.env.CHROMIUM_PATH;
  if (named) {
    if (!existsSync(named)) throw new Error(`CHROMIUM_PATH names ${named}, which does not exist.`);
    return named;
  }
  const installed = ON_THE_MACHINE.find((p) => existsSync(p));
  if (installed) return installed;
  try {
    // The package is ESM only, which Jest's CommonJS runtime cannot load: a child Node asks it. It unpacks its
    // brotli-compressed browser once into the OS temp folder and reuses it on later runs.
    const script = "import('@sparticuz/chromium').then((m) => m.default.executablePath()).then((p) => process.stdout.write(p))";
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: __dirname, timeout: 120_000 });
    if (!stdout || !existsSync(stdout)) throw new Error(`it answered "${stdout}"`);
    return stdout;
  } catch (e) {
    throw new Error(
      `No Chromium found (${ON_THE_MACHINE.join(', ')}) and the packaged one from @sparticuz/chromium could not be unpacked: ` +
        `${e instanceof Error ? e.message : String(e)}. Run \`npm install\`, install Debian's chromium, or set CHROMIUM_PATH.`,
    );
  }
}
