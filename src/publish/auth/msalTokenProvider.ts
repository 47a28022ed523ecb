/**
 * Tokens for Graph in the add-in: MSAL.js nested app authentication (the Office host signs the user in, no
 * middle tier), and the Office dialog API when the host has no NAA or needs the user to consent. Browser only.
 *
 * Least privilege: `Sites.Selected` gives the app no site at all until an administrator grants it the one
 * Tjänsteplan site (write role), instead of every site the user can reach. Tokens stay in MSAL's session-
 * storage cache and in memory here, never in localStorage, so closing the pane's session forgets them.
 */
import {
  BrowserCacheLocation,
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { TokenProvider } from './tokenProvider';

export const GRAPH_SCOPES: readonly string[] = ['https://graph.microsoft.com/Sites.Selected'];

export interface MsalSettings {
  /** The add-in's app registration (with the `brk-multihub://<origin>` SPA redirect that NAA needs). */
  clientId: string;
  /** `https://login.microsoftonline.com/<tenant id>`; the organisations endpoint when absent. */
  authority?: string;
  scopes?: readonly string[];
  /** Our page that signs in inside an Office dialog and sends `{accessToken}` back with messageParent. */
  dialogUrl?: string;
}

export function msalConfiguration(s: MsalSettings) {
  return {
    auth: { clientId: s.clientId, authority: s.authority ?? 'https://login.microsoftonline.com/organizations' },
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
  };
}

export async function msalTokenProvider(settings: MsalSettings): Promise<TokenProvider> {
  // Falls back to a standard public client by itself when the host offers no nested app authentication.
  const pca = await createNestablePublicClientApplication(msalConfiguration(settings));
  return new MsalTokenProvider(pca, settings);
}

/** A minute of slack: a token about to expire is renewed before it is sent. */
const SLACK_MS = 60_000;

export class MsalTokenProvider implements TokenProvider {
  private token: { value: string; expiresOn: number } | null = null;
  private refresh = false;

  constructor(
    private readonly pca: IPublicClientApplication,
    private readonly settings: MsalSettings,
  ) {}

  private get scopes(): string[] {
    return [...(this.settings.scopes ?? GRAPH_SCOPES)];
  }

  async getToken(): Promise<string> {
    if (this.token && !this.refresh && this.token.expiresOn - SLACK_MS > Date.now()) return this.token.value;
    const forceRefresh = this.refresh;
    this.refresh = false;
    const value = await this.acquire(forceRefresh);
    return value;
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
        if (this.settings.dialogUrl) return this.keep(await tokenFromDialog(this.settings.dialogUrl), null);
        throw e;
      }
    }
    try {
      const r = await this.pca.acquireTokenPopup({ scopes: this.scopes });
      this.pca.setActiveAccount(r.account);
      return this.keep(r.accessToken, r.expiresOn);
    } catch (e) {
      // A popup the host blocks (or cannot show) is what the Office dialog is for.
      if (!this.settings.dialogUrl) throw e;
      return this.keep(await tokenFromDialog(this.settings.dialogUrl), null);
    }
  }

  private keep(value: string, expiresOn: Date | null): string {
    // Without an expiry (the dialog's token) it is used until the library answers 401.
    this.token = { value, expiresOn: expiresOn ? expiresOn.getTime() : Number.MAX_SAFE_INTEGER };
    return value;
  }
}

/** Signs in inside an Office dialog; only a message from our own origin is taken as the token. */
export function tokenFromDialog(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (opened) => {
      if (opened.status === Office.AsyncResultStatus.Failed) return reject(new Error(opened.error.message));
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        const message = arg as { message: string; origin?: string };
        dialog.close();
        if (message.origin !== undefined && message.origin !== window.location.origin) return reject(new Error('svar från fel ursprung'));
        try {
          const body = JSON.parse(message.message) as { accessToken?: string; error?: string };
          if (body.accessToken) resolve(body.accessToken);
          else reject(new Error(body.error ?? 'inloggningen gav ingen token'));
        } catch {
          reject(new Error('oläsligt svar från inloggningsfönstret'));
        }
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => reject(new Error('inloggningsfönstret stängdes')));
    });
  });
}
