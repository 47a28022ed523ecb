/**
 * When the task pane falls back to the sign-in dialog and what it does with the dialog's answer: the expiry
 * the page sends decides when the token is renewed; requests sent together share one dialog (Office allows
 * only one, 12007); a popup the user closed is not followed by a dialog.
 */
import { BrowserAuthError, InteractionRequiredAuthError, type AuthenticationResult } from '@azure/msal-browser';
import type { DialogToken } from '../../../src/publish/auth/officeDialog';
import { MsalTokenProvider, type MsalSettings } from '../../../src/publish/auth/msalTokenProvider';

type Pca = ConstructorParameters<typeof MsalTokenProvider>[0];

/** A pane where MSAL cannot sign in by itself: no account, and the popup fails as given. */
function paneMsal(popupFails: Error): Pca & { popups: number } {
  return {
    popups: 0,
    getActiveAccount: () => null,
    getAllAccounts: () => [],
    acquireTokenSilent: async () => {
      throw new InteractionRequiredAuthError('interaction_required', 'c0ffee');
    },
    async acquireTokenPopup(): Promise<AuthenticationResult> {
      this.popups += 1;
      throw popupFails;
    },
    setActiveAccount: () => undefined,
  } as Pca & { popups: number };
}

const SETTINGS: MsalSettings = { clientId: 'client', dialogUrl: 'https://tillagg.example.se/signin.html' };

function scriptedDialog(answers: DialogToken[]) {
  const opened: string[] = [];
  const dialog = async (url: string) => {
    opened.push(url);
    const next = answers.shift();
    if (!next) throw new Error('no more dialogs expected');
    return next;
  };
  return { dialog, opened };
}

describe('MsalTokenProvider with the sign-in dialog', () => {
  const blocked = new BrowserAuthError('popup_window_error', 'c0ffee');

  it('uses the dialog\'s token until shortly before the expiry the page sent, then signs in again', async () => {
    const soon = new Date(Date.now() + 30_000);
    const later = new Date(Date.now() + 3_600_000);
    const { dialog, opened } = scriptedDialog([
      { accessToken: 'short-lived', expiresOn: soon },
      { accessToken: 'fresh', expiresOn: later },
    ]);
    const tokens = new MsalTokenProvider(paneMsal(blocked), SETTINGS, dialog);
    expect(await tokens.getToken()).toBe('short-lived');
    // Within the minute of slack: renewed rather than sent.
    expect(await tokens.getToken()).toBe('fresh');
    expect(await tokens.getToken()).toBe('fresh');
    expect(opened).toEqual([SETTINGS.dialogUrl, SETTINGS.dialogUrl]);
  });

  it('keeps a token without expiry until the library refuses it', async () => {
    const { dialog, opened } = scriptedDialog([
      { accessToken: 'no-expiry', expiresOn: null },
      { accessToken: 'after-401', expiresOn: null },
    ]);
    const tokens = new MsalTokenProvider(paneMsal(blocked), SETTINGS, dialog);
    expect(await tokens.getToken()).toBe('no-expiry');
    expect(await tokens.getToken()).toBe('no-expiry');
    tokens.invalidate();
    expect(await tokens.getToken()).toBe('after-401');
    expect(opened).toHaveLength(2);
  });

  it('opens one dialog for requests that ask at the same time', async () => {
    const { dialog, opened } = scriptedDialog([{ accessToken: 'shared', expiresOn: new Date(Date.now() + 3_600_000) }]);
    const tokens = new MsalTokenProvider(paneMsal(blocked), SETTINGS, dialog);
    expect(await Promise.all([tokens.getToken(), tokens.getToken(), tokens.getToken()])).toEqual(['shared', 'shared', 'shared']);
    expect(opened).toHaveLength(1);
  });

  it('takes a popup the user closed as the answer instead of opening the dialog', async () => {
    const { dialog, opened } = scriptedDialog([{ accessToken: 'unwanted', expiresOn: null }]);
    const pca = paneMsal(new BrowserAuthError('user_cancelled', 'c0ffee'));
    const tokens = new MsalTokenProvider(pca, SETTINGS, dialog);
    await expect(tokens.getToken()).rejects.toMatchObject({ errorCode: 'user_cancelled' });
    expect(pca.popups).toBe(1);
    expect(opened).toEqual([]);
  });

  it('passes on the dialog\'s reason', async () => {
    const tokens = new MsalTokenProvider(paneMsal(blocked), SETTINGS, async () => {
      throw new Error('Inloggningen avbröts.');
    });
    await expect(tokens.getToken()).rejects.toThrow('Inloggningen avbröts.');
  });
});
