/**
 * Which Chromium the browser tests drive: the one named by CHROMIUM_PATH, else one already on the machine
 * (Debian's chromium), else the Chromium that the npm package @sparticuz/chromium ships inside itself — so
 * `npm install && npm test` passes on a fresh machine without apt or a browser download.
 *
 * Only the binary is taken from that package, never its launch arguments: they include
 * --disable-web-security, which would switch off the CORS and CSP that the tests exist to enforce.
 */
import { existsSync } from 'node:fs';

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
    // The package unpacks its brotli-compressed browser once into the OS temp folder and reuses it.
    const packaged = (await import('@sparticuz/chromium')).default;
    return await packaged.executablePath();
  } catch (e) {
    throw new Error(
      `No Chromium found (${ON_THE_MACHINE.join(', ')}) and the packaged one from @sparticuz/chromium could not be unpacked: ` +
        `${e instanceof Error ? e.message : String(e)}. Run \`npm install\`, install Debian's chromium, or set CHROMIUM_PATH.`,
    );
  }
}
