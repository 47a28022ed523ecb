/** The workbench's policy for the pane: the production one plus exactly the library's origins in connect-src. */
import { MissingPolicy, pageWithLibraryOrigins, policyOf, withConnectSources } from '../../src/server/workbenchCsp';

const PRODUCTION = "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; connect-src 'self' https://graph.microsoft.com https://*.sharepoint.com https://login.microsoftonline.com; object-src 'none'";
const page = (policy: string) => `<!doctype html><html><head><meta charset=utf-8><meta http-equiv=Content-Security-Policy content="${policy}"><title>t</title></head></html>`;
const ORIGINS = ['https://localhost:4001', 'https://127.0.0.1:4002'];

test('adds the origins to connect-src only, every other directive as built', () => {
  const out = policyOf(pageWithLibraryOrigins(page(PRODUCTION), ORIGINS))!;
  const directives = out.split('; ');
  expect(directives.find((d) => d.startsWith('connect-src'))).toBe("connect-src 'self' https://graph.microsoft.com https://*.sharepoint.com https://login.microsoftonline.com https://localhost:4001 https://127.0.0.1:4002");
  expect(directives.filter((d) => !d.startsWith('connect-src'))).toEqual(PRODUCTION.split('; ').filter((d) => !d.startsWith('connect-src')));
});

test('no origins: the production policy unchanged', () => {
  expect(policyOf(pageWithLibraryOrigins(page(PRODUCTION), []))).toBe(PRODUCTION);
});

test('a page without a policy, or a policy without connect-src, is refused rather than served open', () => {
  expect(() => pageWithLibraryOrigins('<html><head></head></html>', ORIGINS)).toThrow(MissingPolicy);
  expect(() => withConnectSources("default-src 'self'", ORIGINS)).toThrow(MissingPolicy);
});

test('only plain https origins go in: no wildcard, path, quote or separator can widen the policy', () => {
  for (const bad of ['https://*', 'http://localhost:1', 'https://localhost:1/path', "https://a; script-src 'unsafe-inline'", "'unsafe-eval'"]) {
    expect(() => pageWithLibraryOrigins(page(PRODUCTION), [bad])).toThrow();
  }
});
