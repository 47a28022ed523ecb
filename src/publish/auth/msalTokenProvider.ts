/**
 * Tokens for Graph in the add-in: MSAL.js nested app authentication (the Office host signs the user in, no
 * middle tier), and the Office dialog API when the host has no NAA or needs the user to consent. Browser only.
 *
 * Least privilege: `Sites.Selected` (msalSettings.ts). Tokens stay in MSAL's session-storage cache and in
 * memory here, never in localStorage, so closing the pane's session forgets them.
 */
import {
  BrowserCacheLocation,
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { GRAPH_SCOPES, type MsalSettings } from './msalSettings';
import { tokenFromDialog, type DialogToken } from './officeDialog';
import type { TokenProvider } from './tokenProvider';

export { GRAPH_SCOPES, type MsalSettings } from './msalSettings';

/** `redirectUri` must be registered in the app registration exactly as given (the sign-in page passes its own). */
export function msalConfiguration(s: MsalSettings, redirectUri?: string) {
  return {
    auth: {
      clientId: s.clientId,
      authority: s.authority ?? 'https://login.microsoftonline.com/organizations',
      ...(redirectUri ? { redirectUri } : {}),
    },
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
  };
}

export async function msalTokenProvider(settings: MsalSettings): Promise<TokenProvider> {
  // Falls back to a standard public client by itself when the host offers no nested app authentication.
  const pca = await createNestablePublicClientApplication(msalConfiguration(settings));
  return new MsalTokenProvider(pca, settings);
}

export type DialogSignIn = (url: string) => Promise<DialogToken>;

/** A minute of slack: a token about to expire is renewed before it is sent. */
const SLACK_MS = 60_000;

export class MsalTokenProvider implements TokenProvider {
  private token: { value: string; expiresOn: number } | null = null;
  private refresh = false;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly pca: Pick<IPublicClientApplication, 'getActiveAccount' | 'getAllAccounts' | 'acquireTokenSilent' | 'acquireTokenPopup' | 'setActiveAccount'>,
    private readonly settings: MsalSettings,
    private readonly dialog: DialogSignIn = tokenFromDialog,
  ) {}

  private get scopes(): string[] {
    return [...(this.settings.scopes ?? GRAPH_SCOPES)];
  }

  async getToken(): Promise<string> {
    if (this.token && !this.refresh && this.token.expiresOn - SLACK_MS > Date.now()) return this.token.value;
    // Requests sent together share one sign-in: a second Office dialog would fail with 12007.
    if (!this.pending) {
      const forceRefresh = this.refresh;
      this.refresh = false;
      this.pending = this.acquire(forceRefresh).finally(() => {
        this.pending = null;
      });
    }
    return this.pending;
  }

  invalidate(): void {
    this.token = null;
    this.refresh = true;
  }

  private async acquire(forceRefresh: boolean): Promise<string> {
    const account: AccountInfo | undefined = this.pca.getActiveAccount() ?? this.pca.getAllAccounts()[0];
    try {
      const r = await this.pca.acquireTokenSilent({ scopes: this.scopes, ...(account ? { account } : {}), forceRefresh });
      return this.keep(r.accessToken, r.expiresOn);
    } catch (e) {
      if (!(e instanceof InteractionRequiredAuthError)) {
        if (this.settings.dialogUrl) return this.fromDialog(this.settings.dialogUrl);
        throw e;
      }
    }
    try {
      const r = await this.pca.acquireTokenPopup({ scopes: this.scopes });
      this.pca.setActiveAccount(r.account);
      return this.keep(r.accessToken, r.expiresOn);
    } catch (e) {
      // A popup the host blocks (or cannot show) is what the Office dialog is for; one the user closed is an answer.
      if (!this.settings.dialogUrl || (e as { errorCode?: string }).errorCode === 'user_cancelled') throw e;
      return this.fromDialog(this.settings.dialogUrl);
    }
  }

  private async fromDialog(url: string): Promise<string> {
    const t = await this.dialog(url);
    return this.keep(t.accessToken, t.expiresOn);
  }

  private keep(value: string, expiresOn: Date | null): string {
    // Without an expiry (a dialog page that could not say) it is used until the library answers 401.
    this.token = { value, expiresOn: expiresOn ? expiresOn.getTime() : Number.MAX_SAFE_INTEGER };
    return value;
  }
}
