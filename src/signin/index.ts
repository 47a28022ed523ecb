/**
 * The sign-in page the task pane opens in an Office dialog (publish/auth/officeDialog.ts). Boots only: reads
 * the app registration from the deployment's config.json, the one the task pane reads, and hands MSAL and
 * messageParent to signInInDialog.
 */
import { PublicClientApplication } from '@azure/msal-browser';
import { hasAuthResponse, signInInDialog } from '../publish/auth/dialogSignIn';
import { GRAPH_SCOPES, readMsalSettings } from '../publish/auth/msalSettings';
import { msalConfiguration } from '../publish/auth/msalTokenProvider';
import { bootOffice } from '../taskpane/officeBoot';

const statusText = document.getElementById('status');

async function settings() {
  try {
    const res = await fetch(new URL('config.json', window.location.href).toString(), { cache: 'no-store' });
    return res.ok ? readMsalSettings(((await res.json()) as { msal?: unknown }).msal) : null;
  } catch {
    return null;
  }
}

// Office.js is loaded only to answer: on some hosts it replaces history.replaceState, which MSAL uses while
// it reads the redirect response.
async function messageParent(message: string): Promise<void> {
  await bootOffice();
  // The token goes to our own origin only (the task pane's), where the host supports naming it.
  if (Office.context.requirements.isSetSupported('DialogOrigin', '1.1')) {
    Office.context.ui.messageParent(message, { targetOrigin: window.location.origin });
  } else {
    Office.context.ui.messageParent(message);
  }
}

async function main(): Promise<void> {
  const returning = hasAuthResponse(window.location.hash, window.location.search);
  // The redirect URI registered for this page: no query (Office may add one) and no fragment.
  const redirectUri = new URL(window.location.pathname, window.location.origin).toString();
  const msal = await settings();
  await signInInDialog({
    client: msal ? new PublicClientApplication(msalConfiguration(msal, redirectUri)) : null,
    scopes: GRAPH_SCOPES,
    returning,
    messageParent,
    show: (text) => {
      if (statusText) statusText.textContent = text;
    },
  });
}

void main();
