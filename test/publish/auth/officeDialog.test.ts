/**
 * The task pane's side of the sign-in dialog against a fake `Office.context.ui` that behaves as Office does:
 * displayDialogAsync answers later with `{status, value, error}`, the dialog delivers messages with their
 * origin and events with an error number, nothing arrives after the dialog is closed, and closing it
 * yourself raises no event. What is checked is what the user gets: the token, or the reason in Swedish.
 */
import { SignInError, tokenFromDialog, type DialogLike, type DialogUi } from '../../../src/publish/auth/officeDialog';

const PAGE = 'https://tillagg.example.se/signin.html';
const OWN = 'https://tillagg.example.se';

type Handler = (arg: { message?: string; origin?: string; error?: number }) => void;

class FakeDialog implements DialogLike {
  readonly handlers = new Map<string, Handler>();
  closeCalls = 0;
  get closed(): boolean {
    return this.closeCalls > 0;
  }
  addEventHandler(type: string, handler: Handler): void {
    this.handlers.set(type, handler);
  }
  close(): void {
    this.closeCalls += 1;
  }
  /** The page calls messageParent; Office adds the sender's origin (DialogOrigin 1.1) or none (older clients). */
  pageSends(body: unknown, origin: string | undefined = OWN): void {
    if (this.closed) return;
    const message = typeof body === 'string' ? body : JSON.stringify(body);
    this.handlers.get('dialogMessageReceived')?.(origin === undefined ? { message } : { message, origin });
  }
  /** The user closes the window (12006), or the dialog could not load or navigate (12002, 12003). */
  event(error: number): void {
    if (this.closed) return;
    this.handlers.get('dialogEventReceived')?.({ error });
  }
}

function fakeUi(open: { fails?: { code: number; message: string } } = {}) {
  const dialog = new FakeDialog();
  const calls: { url: string; options: unknown }[] = [];
  const ui: DialogUi = {
    displayDialogAsync(url, options, callback) {
      calls.push({ url, options });
      setTimeout(() => {
        if (open.fails) callback({ status: 'failed', error: { ...open.fails } });
        else callback({ status: 'succeeded', value: dialog });
      }, 0);
    },
  };
  return { ui, dialog, calls };
}

/** Until displayDialogAsync has answered and the handlers are in place. */
const opened = () => new Promise((r) => setTimeout(r, 5));

async function rejection(p: Promise<unknown>): Promise<SignInError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SignInError);
    return e as SignInError;
  }
  throw new Error('expected the sign-in to fail');
}

describe('tokenFromDialog', () => {
  it('opens our page in a window of its own and resolves with the token and its expiry', async () => {
    const { ui, dialog, calls } = fakeUi();
    const token = tokenFromDialog(PAGE, ui);
    await opened();
    dialog.pageSends({ accessToken: 'eyJ.token', expiresOn: '2026-03-01T10:15:00.000Z' });
    await expect(token).resolves.toEqual({ accessToken: 'eyJ.token', expiresOn: new Date('2026-03-01T10:15:00.000Z') });
    expect(calls).toEqual([{ url: PAGE, options: expect.objectContaining({ displayInIframe: false }) }]);
    expect(dialog.closeCalls).toBe(1);
  });

  it('gives no expiry when the page sends none, and accepts a message without origin from older clients', async () => {
    const { ui, dialog } = fakeUi();
    const token = tokenFromDialog(PAGE, ui);
    await opened();
    dialog.pageSends({ accessToken: 'eyJ.token', expiresOn: null }, undefined);
    await expect(token).resolves.toEqual({ accessToken: 'eyJ.token', expiresOn: null });
  });

  it('says the sign-in was cancelled when the user closes the dialog (12006)', async () => {
    const { ui, dialog } = fakeUi();
    const token = tokenFromDialog(PAGE, ui);
    await opened();
    dialog.event(12006);
    const e = await rejection(token);
    expect(e.message).toBe('Inloggningen avbröts.');
    expect(e.code).toBe(12006);
  });

  it.each([
    [12002, 'Inloggningssidan kunde inte laddas: den saknas eller adressen är fel.'],
    [12003, 'Inloggningsfönstret skickades till en adress utan HTTPS och stoppades.'],
    [12345, 'Inloggningsfönstret stängdes oväntat (fel 12345).'],
  ])('explains dialog event %i in Swedish and closes the dialog', async (code, message) => {
    const { ui, dialog } = fakeUi();
    const token = tokenFromDialog(PAGE, ui);
    await opened();
    dialog.event(code);
    expect((await rejection(token)).message).toBe(message);
    expect(dialog.closeCalls).toBe(1);
  });

  it.each([
    [12004, 'Inloggningssidan ligger inte på tilläggets egen webbplats, så Office öppnar den inte.'],
    [12005, 'Inloggningssidan måste nås över HTTPS.'],
    [12007, 'Ett inloggningsfönster är redan öppet. Slutför eller stäng det och försök igen.'],
    [12009, 'Inloggningsfönstret fick inte öppnas. Försök igen och tillåt fönstret när Office frågar.'],
  ])('explains why the dialog could not open (%i)', async (code, message) => {
    const { ui } = fakeUi({ fails: { code, message: 'Internal Error' } });
    const e = await rejection(tokenFromDialog(PAGE, ui));
    expect(e.message).toBe(message);
    expect(e.code).toBe(code);
  });

  it('names a popup blocker (12011) and keeps an unknown code with Office\'s own text', async () => {
    expect((await rejection(tokenFromDialog(PAGE, fakeUi({ fails: { code: 12011, message: '' } }).ui))).message).toMatch(/blockerar popup-fönster/);
    expect((await rejection(tokenFromDialog(PAGE, fakeUi({ fails: { code: 5001, message: 'Internal Error' } }).ui))).message).toBe(
      'Inloggningsfönstret kunde inte öppnas (5001: Internal Error).',
    );
  });

  it('refuses a token sent from another origin, and the real one after it no longer counts', async () => {
    const { ui, dialog } = fakeUi();
    const token = tokenFromDialog(PAGE, ui);
    await opened();
    dialog.pageSends({ accessToken: 'stolen', expiresOn: null }, 'https://evil.example.com');
    dialog.pageSends({ accessToken: 'eyJ.token', expiresOn: null });
    const e = await rejection(token);
    expect(e.message).toBe('Inloggningssvaret kom från en annan webbplats (https://evil.example.com) och användes inte.');
    expect(dialog.closeCalls).toBe(1);
  });

  it('passes on the page\'s own reason, and calls an unreadable answer unreadable', async () => {
    const a = fakeUi();
    const withReason = tokenFromDialog(PAGE, a.ui);
    await opened();
    a.dialog.pageSends({ error: 'Inloggningen nekades.' });
    expect((await rejection(withReason)).message).toBe('Inloggningen nekades.');

    const b = fakeUi();
    const garbled = tokenFromDialog(PAGE, b.ui);
    await opened();
    b.dialog.pageSends('<html>not json');
    expect((await rejection(garbled)).message).toBe('Inloggningsfönstret gav ett oläsligt svar.');

    const c = fakeUi();
    const empty = tokenFromDialog(PAGE, c.ui);
    await opened();
    c.dialog.pageSends({ accessToken: '' });
    expect((await rejection(empty)).message).toBe('Inloggningsfönstret skickade ingen token.');
  });

  it('settles once: what comes after the first answer changes nothing and closes nothing again', async () => {
    const { ui, dialog } = fakeUi();
    const token = tokenFromDialog(PAGE, ui);
    await opened();
    const message = dialog.handlers.get('dialogMessageReceived')!;
    const event = dialog.handlers.get('dialogEventReceived')!;
    // Straight to the handlers: a host that delivers late must not change the outcome either.
    message({ message: JSON.stringify({ accessToken: 'first', expiresOn: null }), origin: OWN });
    message({ message: JSON.stringify({ accessToken: 'second', expiresOn: null }), origin: OWN });
    event({ error: 12006 });
    await expect(token).resolves.toEqual({ accessToken: 'first', expiresOn: null });
    expect(dialog.closeCalls).toBe(1);
  });
});
