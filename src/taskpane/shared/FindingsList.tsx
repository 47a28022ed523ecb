/** Findings grouped by severity; each one with a cell is a button that selects it in the sheet. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../domain/findings';
import { useLanguage, useStrings } from '../i18n';
import { findingText } from '../text';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  group: { margin: '12px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: { justifyContent: 'flex-start', textAlign: 'start', width: '100%', minHeight: '40px', padding: '4px 6px', fontWeight: tokens.fontWeightRegular },
  text: { display: 'flex', flexDirection: 'column', gap: '2px' },
  /** A finding without a cell (a missing table, say): readable text, not a greyed-out disabled button. */
  plain: { display: 'flex', alignItems: 'center', gap: '6px', minHeight: '40px', padding: '4px 6px', boxSizing: 'border-box', fontSize: tokens.fontSizeBase300 },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  /** The icon keeps its width, so every message starts at the same place however long it is. */
  iconSlot: { flexShrink: 0 },
  iconBox: { display: 'inline-flex', justifyContent: 'center', width: '20px', flexShrink: 0 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
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
                const where = l ? [l.address ? `${l.sheet}!${l.address}` : l.sheet, l.table, l.row ? t.row(l.row) : '', l.column ?? ''].filter(Boolean).join(' · ') : '';
                const message = findingText(f, lang);
                const content = (
                  <span className={styles.text}>
                    <span>{message}</span>
                    <span className={styles.where}>{where}</span>
                  </span>
                );
                if (!l?.address) {
                  return (
                    <li key={`${f.code}-${i}`} className={styles.plain} data-code={f.code}>
                      <span className={styles.iconBox}>
                        <SeverityIcon severity={severity} className={styles[severity]} />
                      </span>
                      <span className={styles.hidden}>{t.severity[severity]}: </span>
                      {content}
                    </li>
                  );
                }
                return (
                  <li key={`${f.code}-${i}`}>
                    <Button
                      appearance="subtle"
                      className={styles.item}
                      icon={{ className: styles.iconSlot, children: <SeverityIcon severity={severity} className={styles[severity]} /> }}
                      data-code={f.code}
                      data-address={l.address}
                      title={t.goTo(`${l.sheet}!${l.address}`)}
                      onClick={() => props.onSelect(f)}
                    >
                      {/* The name is what the button shows (severity first, for those who do not see the icon). */}
                      <span className={styles.hidden}>{t.severity[severity]}: </span>
                      {content}
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
