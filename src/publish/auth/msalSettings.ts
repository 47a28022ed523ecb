/**
 * The MSAL settings the task pane and the sign-in dialog share, read from the deployment's `config.json`.
 * No MSAL import here: the task pane's initial bundle reads the settings, and MSAL loads only when used.
 */

/**
 * Least privilege: `Sites.Selected` reaches no site at all until an administrator grants the app the one
 * Tjänsteplan site, instead of every site the user can reach.
 */
export const GRAPH_SCOPES: readonly string[] = ['https://graph.microsoft.com/Sites.Selected'];

/** The dialog page beside taskpane.html; also a redirect URI of the app registration. */
export const SIGNIN_PAGE = 'signin.html';

export interface MsalSettings {
  /** The add-in's app registration (with the `brk-multihub://<origin>` SPA redirect that NAA needs). */
  clientId: string;
  /** `https://login.microsoftonline.com/<tenant id>`; the organisations endpoint when absent. */
  authority?: string;
  scopes?: readonly string[];
  /** Our page that signs in inside an Office dialog and answers with messageParent (src/signin). */
  dialogUrl?: string;
}

/** A setting of config.json: text with something in it, trimmed; anything else counts as absent. */
export const configText = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** The `msal` object of config.json; null without a client id. */
export function readMsalSettings(msal: unknown): Pick<MsalSettings, 'clientId' | 'authority'> | null {
  const m = (msal ?? {}) as { clientId?: unknown; authority?: unknown };
  const clientId = configText(m.clientId);
  if (!clientId) return null;
  const authority = configText(m.authority);
  return authority ? { clientId, authority } : { clientId };
}
