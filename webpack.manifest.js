/**
 * The add-in manifest for a real host: `TJANSTEPLAN_ADDIN_URL=https://host/path npm run build:web` writes
 * dist/web/manifest.xml from the development manifest.xml with every URL of the add-in's own files on that
 * base instead of https://localhost:3000 (SourceLocation, icons, SupportUrl, the ribbon's resources). The
 * base is refused unless it is an https URL without query, fragment or credentials, and not a loopback host;
 * the result is refused if any loopback URL is left. Plain CommonJS: webpack.config.js and the tests load it.
 */
const DEV_ORIGIN = 'https://localhost:3000/';
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

/** The base every URL is put under, ending in `/`; null when the variable is not set (a development build). */
function addinBase(raw = process.env.TJANSTEPLAN_ADDIN_URL) {
  if (raw === undefined || raw.trim() === '') return null;
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`TJANSTEPLAN_ADDIN_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`TJANSTEPLAN_ADDIN_URL must be https (Office loads add-ins over https only): ${raw}`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`TJANSTEPLAN_ADDIN_URL must be a plain base URL, without query, fragment or credentials: ${raw}`);
  if (LOOPBACK.test(url.hostname)) throw new Error(`TJANSTEPLAN_ADDIN_URL names a loopback host; the development manifest.xml is for that: ${raw}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * manifest.xml for `base`: comments dropped (they speak of the development URLs), each development URL
 * moved under the base — the bare origin (SupportUrl, LearnMoreUrl) becomes the base's index.html.
 */
function productionManifest(xml, base) {
  const out = xml
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(/([">])https:\/\/localhost:3000\/([^"<]*)(["<])/g, (_, open, rest, close) => `${open}${base}${rest || 'index.html'}${close}`);
  const left = /https?:\/\/(localhost|127\.0\.0\.1|\[::1\])[^"<\s]*/i.exec(out);
  if (left) throw new Error(`dist/web/manifest.xml would still name ${left[0]}`);
  return out;
}

module.exports = { DEV_ORIGIN, addinBase, productionManifest };
