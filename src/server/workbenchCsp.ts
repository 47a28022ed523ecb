/**
 * The workbench serves the built task pane under the production content security policy plus exactly the
 * local library's two origins (Graph's and the file origin) in `connect-src`, nothing else. So a request the
 * production pane could not make (a host missing from the policy, a redirect to another host) fails in the
 * workbench and its browser tests too. The policy is the one the build wrote into the page's
 * `<meta http-equiv="Content-Security-Policy">`; a page without one is refused, never served unprotected.
 */

const META = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"\s*\/?>/i;

export class MissingPolicy extends Error {}

/** The policy in the page's meta element, or null. */
export function policyOf(html: string): string | null {
  return META.exec(html)?.[1] ?? null;
}

/** The policy with `origins` added to its connect-src (which must be there: it is what the build ships). */
export function withConnectSources(policy: string, origins: readonly string[]): string {
  const directives = policy.split(';').map((d) => d.trim()).filter((d) => d !== '');
  const i = directives.findIndex((d) => /^connect-src(\s|$)/i.test(d));
  if (i < 0) throw new MissingPolicy('the page\'s content security policy has no connect-src');
  const have = new Set(directives[i].split(/\s+/).slice(1));
  const added = origins.filter((o) => !have.has(o));
  directives[i] = [directives[i], ...added].join(' ');
  return directives.join('; ');
}

/** The page with its meta policy widened by `origins` in connect-src only. */
export function pageWithLibraryOrigins(html: string, origins: readonly string[]): string {
  const policy = policyOf(html);
  if (policy === null) throw new MissingPolicy('the page has no content security policy');
  for (const o of origins) {
    // Only plain https origins go into the policy: no paths, wildcards, quotes or separators.
    if (!/^https:\/\/[a-z0-9.[\]:-]+$/i.test(o) || new URL(o).origin !== o) throw new Error(`not an https origin: ${o}`);
  }
  return html.replace(META, (m) => m.replace(policy, withConnectSources(policy, origins)));
}
