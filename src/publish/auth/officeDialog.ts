/**
 * The task pane's side of the sign-in dialog: opens our sign-in page (src/signin) with the Office dialog API
 * and turns what comes back, a message or a dialog event, into a token or a reason in Swedish.
 */

/** What the sign-in page sends with messageParent; `expiresOn` is an ISO date. */
export type DialogReply = { accessToken: string; expiresOn: string | null } | { error: string };

export interface DialogToken {
  accessToken: string;
  /** Null when the page could not say; the token is then used until the library answers 401. */
  expiresOn: Date | null;
}

/** A sign-in that did not give a token; `code` is the Office dialog error number when there is one. */
export class SignInError extends Error {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

/** The part of `Office.context.ui` used here, as Office.js behaves at run time. */
export interface DialogUi {
  displayDialogAsync(
    url: string,
    options: { height?: number; width?: number; displayInIframe?: boolean },
    callback: (result: { status: string; value?: DialogLike; error?: { code: number; message: string } }) => void,
  ): void;
}

export interface DialogLike {
  addEventHandler(type: string, handler: (arg: { message?: string; origin?: string; error?: number }) => void): void;
  close(): void;
}

// The typings declare these enums as numbers; Office.js passes them as these strings.
const FAILED = 'failed';
export const DIALOG_MESSAGE_RECEIVED = 'dialogMessageReceived';
export const DIALOG_EVENT_RECEIVED = 'dialogEventReceived';

export const USER_CLOSED = 12006;

/** Why displayDialogAsync could not open the dialog (Office's codes for it). */
const OPEN_FAILED: Record<number, string> = {
  12004: 'Inloggningssidan ligger inte på tilläggets egen webbplats, så Office öppnar den inte.',
  12005: 'Inloggningssidan måste nås över HTTPS.',
  12007: 'Ett inloggningsfönster är redan öppet. Slutför eller stäng det och försök igen.',
  12009: 'Inloggningsfönstret fick inte öppnas. Försök igen och tillåt fönstret när Office frågar.',
  12011:
    'Webbläsaren blockerar popup-fönster, så inloggningsfönstret kunde inte öppnas. Tillåt popup-fönster för Office på webben eller använd en annan webbläsare.',
};

/** What happened in an open dialog (DialogEventReceived). */
const DIALOG_EVENT: Record<number, string> = {
  12002: 'Inloggningssidan kunde inte laddas: den saknas eller adressen är fel.',
  12003: 'Inloggningsfönstret skickades till en adress utan HTTPS och stoppades.',
  [USER_CLOSED]: 'Inloggningen avbröts.',
};

function officeUi(): DialogUi {
  return Office.context.ui as unknown as DialogUi;
}

function toDate(v: unknown): Date | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

function readReply(message: unknown): DialogToken | { error: string } {
  let body: unknown;
  try {
    body = JSON.parse(String(message));
  } catch {
    return { error: 'Inloggningsfönstret gav ett oläsligt svar.' };
  }
  const b = (body ?? {}) as { accessToken?: unknown; expiresOn?: unknown; error?: unknown };
  if (typeof b.accessToken === 'string' && b.accessToken !== '') return { accessToken: b.accessToken, expiresOn: toDate(b.expiresOn) };
  if (typeof b.error === 'string' && b.error.trim() !== '') return { error: b.error };
  return { error: 'Inloggningsfönstret skickade ingen token.' };
}

/**
 * Signs in inside an Office dialog opened at `url` (our own page). Settles once: the first message or event
 * decides, and later ones (a second message, the close that follows) are ignored.
 */
export function tokenFromDialog(url: string, ui: DialogUi = officeUi()): Promise<DialogToken> {
  const ownOrigin = new URL(url).origin;
  return new Promise((resolve, reject) => {
    let dialog: DialogLike | undefined;
    let settled = false;
    const settle = (closeDialog: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      if (closeDialog) {
        try {
          dialog?.close();
        } catch {
          // Already gone; nothing is waiting on it.
        }
      }
      outcome();
    };
    const fail = (message: string, code?: number, closeDialog = true) => settle(closeDialog, () => reject(new SignInError(message, code)));

    // Entra ID's sign-in refuses to be framed, so the dialog is a window of its own on the web too.
    ui.displayDialogAsync(url, { height: 60, width: 30, displayInIframe: false }, (opened) => {
      if (opened.status === FAILED || !opened.value) {
        const code = opened.error?.code;
        const reason = (code !== undefined && OPEN_FAILED[code]) || `Inloggningsfönstret kunde inte öppnas (${code ?? 'okänt fel'}: ${opened.error?.message ?? ''}).`;
        fail(reason, code, false);
        return;
      }
      dialog = opened.value;
      dialog.addEventHandler(DIALOG_MESSAGE_RECEIVED, (arg) => {
        // Clients without DialogOrigin 1.1 give no origin; they deliver messageParent only from the host
        // page's own domain, so the check holds there too.
        if (arg.origin !== undefined && arg.origin !== ownOrigin) {
          fail(`Inloggningssvaret kom från en annan webbplats (${arg.origin}) och användes inte.`);
          return;
        }
        const reply = readReply(arg.message);
        if ('accessToken' in reply) settle(true, () => resolve(reply));
        else fail(reply.error);
      });
      dialog.addEventHandler(DIALOG_EVENT_RECEIVED, (arg) => {
        const code = arg.error;
        const reason = (code !== undefined && DIALOG_EVENT[code]) || `Inloggningsfönstret stängdes oväntat (fel ${code ?? 'okänt'}).`;
        // A dialog the user closed is gone; one that failed to load still shows its error page.
        fail(reason, code, code !== USER_CLOSED);
      });
    });
  });
}
