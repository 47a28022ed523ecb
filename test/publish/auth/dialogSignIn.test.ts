/**
 * The sign-in page's logic with a fake MSAL client that keeps MSAL's documented contract: nothing works before
 * initialize(); handleRedirectPromise() gives null when the page was not loaded by a redirect back from
 * Entra ID, the result when it was, and throws MSAL's errors (errorCode, errorNo) when Entra ID or the
 * browser said no; loginRedirect and acquireTokenRedirect leave the page. What is checked is what the task
 * pane receives through messageParent and where the page sends the user.
 */
import { BrowserAuthError, InteractionRequiredAuthError, ServerError, type AccountInfo, type AuthenticationResult } from '@azure/msal-browser';
import {
  hasAuthResponse,
  NO_RESPONSE,
  NOT_CONFIGURED,
  signInInDialog,
  STATUS,
  type RedirectClient,
} from '../../../src/publish/auth/dialogSignIn';
import { GRAPH_SCOPES } from '../../../src/publish/auth/msalSettings';

const SITES_SELECTED = ['https://graph.microsoft.com/Sites.Selected'];

const account: AccountInfo = {
  homeAccountId: 'uid.tid',
  environment: 'login.microsoftonline.com',
  tenantId: 'tid',
  username: 'anna.andersson@stad.example.se',
  localAccountId: 'uid',
};

class FakeMsal implements RedirectClient {
  initialized = false;
  readonly redirects: { api: 'loginRedirect' | 'acquireTokenRedirect'; request: unknown }[] = [];
  readonly redirectOptions: unknown[] = [];

  constructor(
    /** What came back in the page's address: a result, MSAL's error for it, or nothing. */
    private readonly response: AuthenticationResult | Error | null = null,
    private readonly accounts: AccountInfo[] = [],
  ) {}

  private ready(): void {
    if (!this.initialized) throw new BrowserAuthError('uninitialized_public_client_application', 'c0ffee');
  }
  async initialize(): Promise<void> {
    this.initialized = true;
  }
  async handleRedirectPromise(options?: { navigateToLoginRequestUrl?: boolean }): Promise<AuthenticationResult | null> {
    this.ready();
    this.redirectOptions.push(options);
    if (this.response instanceof Error) throw this.response;
    return this.response;
  }
  getActiveAccount(): AccountInfo | null {
    this.ready();
    return null;
  }
  getAllAccounts(): AccountInfo[] {
    this.ready();
    return this.accounts;
  }
  async loginRedirect(request?: unknown): Promise<void> {
    this.ready();
    this.redirects.push({ api: 'loginRedirect', request });
  }
  async acquireTokenRedirect(request: unknown): Promise<void> {
    this.ready();
    this.redirects.push({ api: 'acquireTokenRedirect', request });
  }
}

function result(accessToken: string, expiresOn: Date | null): AuthenticationResult {
  return {
    authority: 'https://login.microsoftonline.com/tid/',
    uniqueId: 'uid',
    tenantId: 'tid',
    scopes: SITES_SELECTED,
    account,
    idToken: 'id',
    idTokenClaims: {},
    accessToken,
    fromCache: false,
    expiresOn,
    tokenType: 'Bearer',
    correlationId: 'c0ffee',
  };
}

async function run(client: FakeMsal | null, over: { returning?: boolean; messageParent?: (m: string) => void } = {}) {
  const sent: unknown[] = [];
  const shown: string[] = [];
  await signInInDialog({
    client,
    scopes: GRAPH_SCOPES,
    returning: over.returning ?? false,
    messageParent: over.messageParent ?? ((m) => void sent.push(JSON.parse(m))),
    show: (t) => void shown.push(t),
  });
  return { sent, shown };
}

describe('signInInDialog', () => {
  it('on first load sends the user to Entra ID asking for Sites.Selected only, and tells the pane nothing yet', async () => {
    const msal = new FakeMsal(null);
    const { sent, shown } = await run(msal);
    expect(msal.redirects).toEqual([{ api: 'loginRedirect', request: { scopes: SITES_SELECTED } }]);
    expect(sent).toEqual([]);
    expect(shown.at(-1)).toBe(STATUS.redirecting);
  });

  it('handles the response on this page, not by navigating back to where the redirect started', async () => {
    const msal = new FakeMsal(null);
    await run(msal);
    expect(msal.redirectOptions).toEqual([{ navigateToLoginRequestUrl: false }]);
  });

  it('asks for the token of an account MSAL already knows without a fresh login', async () => {
    const msal = new FakeMsal(null, [account]);
    await run(msal);
    expect(msal.redirects).toEqual([{ api: 'acquireTokenRedirect', request: { scopes: SITES_SELECTED, account } }]);
  });

  it('back from Entra ID, sends the token and its expiry to the task pane once, and redirects no more', async () => {
    const msal = new FakeMsal(result('eyJ.graph', new Date('2026-03-01T10:15:00Z')));
    const { sent, shown } = await run(msal);
    expect(sent).toEqual([{ accessToken: 'eyJ.graph', expiresOn: '2026-03-01T10:15:00.000Z' }]);
    expect(msal.redirects).toEqual([]);
    expect(shown.at(-1)).toBe(STATUS.done);
  });

  it('sends a null expiry rather than a broken date', async () => {
    const { sent } = await run(new FakeMsal(result('eyJ.graph', null)));
    expect(sent).toEqual([{ accessToken: 'eyJ.graph', expiresOn: null }]);
  });

  it.each([
    ['the user cancelled', new BrowserAuthError('user_cancelled', 'c0ffee'), 'Inloggningen avbröts.'],
    ['Entra ID denied access', new ServerError('access_denied', 'c0ffee', 'AADSTS65004: User declined to consent.'), 'Inloggningen nekades.'],
    [
      'consent is missing',
      new InteractionRequiredAuthError('consent_required', 'c0ffee', 'AADSTS65001: The user or administrator has not consented.'),
      'Appen saknar medgivande för behörigheten Sites.Selected. En administratör behöver ge administratörsmedgivande.',
    ],
    ['the network is down', new BrowserAuthError('no_network_connectivity', 'c0ffee'), 'Microsofts inloggningstjänst gick inte att nå. Kontrollera nätverksanslutningen och försök igen.'],
    ['something else', new ServerError('temporarily_unavailable', 'c0ffee'), 'Inloggningen misslyckades (temporarily_unavailable).'],
  ])('when %s, sends the reason in Swedish and no token', async (_what, error, reason) => {
    const msal = new FakeMsal(error);
    const { sent, shown } = await run(msal);
    expect(sent).toEqual([{ error: reason }]);
    expect(msal.redirects).toEqual([]);
    expect(shown.at(-1)).toContain(reason);
  });

  it('back from Entra ID without a result (no session storage) says so instead of redirecting in a loop', async () => {
    const msal = new FakeMsal(null);
    const { sent } = await run(msal, { returning: true });
    expect(sent).toEqual([{ error: NO_RESPONSE }]);
    expect(msal.redirects).toEqual([]);
  });

  it('without an app registration in config.json tells the pane so', async () => {
    const { sent } = await run(null);
    expect(sent).toEqual([{ error: NOT_CONFIGURED }]);
  });

  it('opened outside Office (messageParent fails) tells the person looking at the page', async () => {
    const { shown } = await run(new FakeMsal(result('eyJ.graph', null)), {
      messageParent: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'messageParent')");
      },
    });
    expect(shown.at(-1)).toBe(STATUS.notInOffice);
  });
});

describe('hasAuthResponse', () => {
  it('recognises an authorization response in the fragment or the query, and nothing else', () => {
    expect(hasAuthResponse('#code=abc&client_info=x&state=s1', '')).toBe(true);
    expect(hasAuthResponse('#error=access_denied&error_description=no&state=s1', '')).toBe(true);
    expect(hasAuthResponse('', '?code=abc&state=s1')).toBe(true);
    expect(hasAuthResponse('', '?_host_Info=Excel$Win32$16.01$sv-SE')).toBe(false);
    expect(hasAuthResponse('#section', '')).toBe(false);
  });
});
