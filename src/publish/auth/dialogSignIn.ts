/**
 * What the sign-in page (src/signin, opened by tokenFromDialog) does, apart from booting: MSAL's redirect
 * flow inside the Office dialog, then one message to the task pane with the token or a reason in Swedish.
 * The client and messageParent are passed in, so tests drive it with fakes.
 */
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { DialogReply } from './officeDialog';

/** The part of MSAL's PublicClientApplication the page uses. */
export type RedirectClient = Pick<
  IPublicClientApplication,
  'initialize' | 'handleRedirectPromise' | 'getActiveAccount' | 'getAllAccounts' | 'loginRedirect' | 'acquireTokenRedirect'
>;

export interface SignInPage {
  /** Null when config.json names no app registration. */
  client: RedirectClient | null;
  scopes: readonly string[];
  /** The page was loaded with an authorization response in its address (read before MSAL clears it). */
  returning: boolean;
  messageParent(message: string): void | Promise<void>;
  /** Short status for the person looking at the dialog. */
  show(text: string): void;
}

export const STATUS = {
  signingIn: 'Loggar in … / Signing in …',
  redirecting: 'Skickar dig till Microsofts inloggning … / Redirecting to Microsoft sign-in …',
  done: 'Inloggad. Fönstret stängs. / Signed in. This window will close.',
  notInOffice: 'Öppna inloggningen från tillägget i Excel. / Open sign-in from the add-in in Excel.',
} as const;

export const NOT_CONFIGURED = 'Tillägget saknar inloggningsinställningar: config.json anger ingen msal.clientId.';
export const NO_RESPONSE =
  'Inloggningen kom tillbaka utan svar, troligen för att webbläsaren inte sparar sessionsdata i inloggningsfönstret. Försök igen eller använd en annan webbläsare.';

/** An authorization response in the fragment (MSAL's default) or the query. */
export function hasAuthResponse(hash: string, search: string): boolean {
  const params = (s: string) => new URLSearchParams(s.replace(/^[#?]/, ''));
  return [params(hash), params(search)].some((p) => p.has('state') && (p.has('code') || p.has('error')));
}

/**
 * MSAL errors carry `errorCode` (and `errorNo`, the AADSTS number, from Entra ID); their messages are only
 * links since v5, so the text is ours.
 */
export function signInErrorMessage(e: unknown): string {
  const err = (e ?? {}) as { errorCode?: unknown; errorNo?: unknown };
  const code = typeof err.errorCode === 'string' ? err.errorCode : '';
  if (code === 'consent_required' || String(err.errorNo) === '65001') {
    return 'Appen saknar medgivande för behörigheten Sites.Selected. En administratör behöver ge administratörsmedgivande.';
  }
  switch (code) {
    case 'user_cancelled':
      return 'Inloggningen avbröts.';
    case 'access_denied':
      return 'Inloggningen nekades.';
    case 'interaction_in_progress':
      return 'En annan inloggning pågår redan. Stäng fönstret och försök igen.';
    case 'no_network_connectivity':
    case 'post_request_failed':
    case 'get_request_failed':
    case 'endpoints_resolution_error':
      return 'Microsofts inloggningstjänst gick inte att nå. Kontrollera nätverksanslutningen och försök igen.';
    case 'login_required':
    case 'interaction_required':
      return 'Du behöver logga in igen.';
    default:
      return code ? `Inloggningen misslyckades (${code}).` : 'Inloggningen misslyckades.';
  }
}

function isoDate(d: Date | null | undefined): string | null {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
}

/**
 * Either sends the token (after coming back from Entra ID) or leaves for Entra ID's sign-in; the page is
 * loaded again at the end of that redirect and runs this a second time.
 */
export async function signInInDialog(page: SignInPage): Promise<void> {
  const reply = async (message: DialogReply, status: string) => {
    try {
      await page.messageParent(JSON.stringify(message));
      page.show(status);
    } catch {
      page.show(STATUS.notInOffice);
    }
  };
  const failWith = (error: string) => reply({ error }, `${error} / Sign-in failed.`);

  const { client } = page;
  if (!client) return failWith(NOT_CONFIGURED);
  page.show(STATUS.signingIn);
  const scopes = [...page.scopes];
  try {
    await client.initialize();
    // The response is handled here, on the redirect URI, even when Office added a query to the start URL.
    const result = await client.handleRedirectPromise({ navigateToLoginRequestUrl: false });
    if (result) return reply({ accessToken: result.accessToken, expiresOn: isoDate(result.expiresOn) }, STATUS.done);
    // Redirecting again would loop inside the dialog.
    if (page.returning) return failWith(NO_RESPONSE);
    page.show(STATUS.redirecting);
    const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
    if (account) await client.acquireTokenRedirect({ scopes, account });
    else await client.loginRedirect({ scopes });
  } catch (e) {
    return failWith(signInErrorMessage(e));
  }
}
