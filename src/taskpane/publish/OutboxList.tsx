/** The outbox: each version with its state in words and by shape (never colour alone), failures with their reason. */
import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { OutboxEntry, OutboxState } from '../../publish/outbox';
import { usePublishStrings } from './strings';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: '4px 0' },
  item: { display: 'flex', flexDirection: 'column', gap: '2px', padding: '6px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  line: { display: 'flex', alignItems: 'center', gap: '6px', flexWrap: 'wrap' },
  state: { fontWeight: tokens.fontWeightSemibold },
  reason: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  icon: { flexShrink: 0 },
});

export function OutboxStateIcon(props: { state: OutboxState; className?: string }) {
  const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false, className: props.className } as const;
  switch (props.state) {
    case 'waiting': // a clock
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 4v4l3 2" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      );
    case 'sending': // an arrow up
      return (
        <svg {...common}>
          <path d="M8 14V3M3.5 7.5L8 3l4.5 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      );
    case 'landed': // a tick in a circle
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M4.5 8.2l2.3 2.3 4.7-4.9" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      );
    case 'failed': // a cross in a circle
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      );
  }
}

export function OutboxList(props: { entries: readonly OutboxEntry[]; busy: boolean; onRetry: (entry: OutboxEntry) => void; labelledBy: string }) {
  const t = usePublishStrings();
  const styles = useStyles();
  if (props.entries.length === 0) return <p>{t.outboxEmpty}</p>;
  const newestFirst = [...props.entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ul className={styles.list} aria-labelledby={props.labelledBy}>
      {newestFirst.map((e) => (
        <li key={e.id} className={styles.item} data-state={e.state}>
          <span className={styles.line}>
            <OutboxStateIcon state={e.state} className={styles.icon} />
            <span className={styles.state}>{t.states[e.state]}</span>
            <span>{e.fileName}</span>
          </span>
          {e.reason && e.state !== 'landed' && <span className={styles.reason}>{e.reason}</span>}
          {e.state === 'landed' && e.webUrl && (
            <Link href={e.webUrl} target="_blank" rel="noopener noreferrer">
              {t.openFile(e.fileName)} <span>{t.newTab}</span>
            </Link>
          )}
          {(e.state === 'failed' || e.state === 'waiting') && (
            <span>
              <Button size="small" disabled={props.busy} aria-label={t.retryLabel(e.fileName)} onClick={() => props.onRetry(e)}>
                {t.retry}
              </Button>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
