/**
 * What the pane shows when Office.js is missing or never ready: no Fluent theme or Office language is known
 * then, so plain markup in the browser's language, with what the user (or the administrator) can do.
 */
import type { BootFailureReason } from './officeBoot';
import type { Language } from '../domain/findings';

const TEXT: Record<Language, Record<BootFailureReason, { title: string; body: string[] }>> = {
  sv: {
    'office-missing': {
      title: 'Tjänsteplan kunde inte starta',
      body: [
        'Office.js, Microsofts bibliotek som tillägget behöver, gick inte att hämta från appsforoffice.microsoft.com.',
        'Kontrollera nätverksanslutningen och att brandväggen eller proxyn släpper igenom https://appsforoffice.microsoft.com, och öppna sedan tillägget igen.',
        'Kvarstår felet: kontakta den som administrerar tillägget.',
      ],
    },
    'office-timeout': {
      title: 'Tjänsteplan kunde inte starta',
      body: [
        'Office svarade inte: Office.js laddades men blev inte klart inom några sekunder.',
        'Stäng aktivitetsfönstret och öppna det igen (i Excel på webben: ladda om sidan). Öppnas sidan utanför Excel fungerar den inte; öppna den från Excel.',
        'Kvarstår felet: starta om Excel eller kontakta den som administrerar tillägget.',
      ],
    },
  },
  en: {
    'office-missing': {
      title: 'Tjänsteplan could not start',
      body: [
        'Office.js, the Microsoft library the add-in needs, could not be loaded from appsforoffice.microsoft.com.',
        'Check the network connection and that the firewall or proxy lets https://appsforoffice.microsoft.com through, then open the add-in again.',
        'If it keeps happening, contact whoever administers the add-in.',
      ],
    },
    'office-timeout': {
      title: 'Tjänsteplan could not start',
      body: [
        'Office did not answer: Office.js loaded but was not ready within a few seconds.',
        'Close the task pane and open it again (in Excel on the web: reload the page). Opened outside Excel the page does not work; open it from Excel.',
        'If it keeps happening, restart Excel or contact whoever administers the add-in.',
      ],
    },
  },
};

export function BootFailure({ reason, lang }: { reason: BootFailureReason; lang: Language }) {
  const t = TEXT[lang][reason];
  return (
    <main role="alert" lang={lang} style={{ fontFamily: 'system-ui, sans-serif', padding: '16px', lineHeight: 1.4 }}>
      <h1 style={{ fontSize: '18px' }}>{t.title}</h1>
      {t.body.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </main>
  );
}
