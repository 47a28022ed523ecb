/** Findings grouped by severity; each one is a button that selects its cell in the sheet. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../domain/findings';
import { messageIn } from '../../domain/findings';
import { useLanguage, useStrings } from '../i18n';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  group: { margin: '12px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: { justifyContent: 'flex-start', textAlign: 'start', width: '100%', minHeight: '40px', padding: '4px 6px', fontWeight: tokens.fontWeightRegular },
  text: { display: 'flex', flexDirection: 'column', gap: '2px' },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
});

export function FindingsList(props: { findings: Finding[]; onSelect: (f: Finding) => void }) {
  const t = useStrings();
  const lang = useLanguage();
  const styles = useStyles();
  const groups: [Severity, string][] = [
    ['error', t.errors],
    ['warning', t.warnings],
    ['info', t.infos],
  ];
  return (
    <>
      {groups.map(([severity, title]) => {
        const items = props.findings.filter((f) => f.severity === severity);
        if (items.length === 0) return null;
        return (
          <section key={severity} aria-label={`${title} (${items.length})`}>
            <h2 className={styles.group}>
              {title} ({items.length})
            </h2>
            <ul className={styles.list}>
              {items.map((f, i) => {
                const l = f.location;
                const where = l ? [l.address ? `${l.sheet}!${l.address}` : l.sheet, l.table, l.row ? `rad ${l.row}` : '', l.column ?? ''].filter(Boolean).join(' · ') : '';
                const message = messageIn(f, lang);
                return (
                  <li key={`${f.code}-${i}`}>
                    <Button
                      appearance="subtle"
                      className={styles.item}
                      icon={<SeverityIcon severity={severity} className={styles[severity]} />}
                      disabled={!l?.address}
                      data-code={f.code}
                      data-address={l?.address}
                      aria-label={`${t.severity[severity]}: ${message}${l?.address ? `. ${t.goTo(`${l.sheet}!${l.address}`)}` : ''}`}
                      onClick={() => props.onSelect(f)}
                    >
                      <span className={styles.text}>
                        <span>{message}</span>
                        <span className={styles.where}>{where}</span>
                      </span>
                    </Button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
