/**
 * What a view's work is doing, told the same way in every view: the live region, the progress bar and the
 * error, from what `useWork` returns. The views differ only in the bar's label, Publicering's upload value
 * and the names tests find the region by.
 */
import { makeStyles, MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import type { useWork } from './useWork';

const useStyles = makeStyles({
  piece: { margin: '8px 0' },
});

export interface WorkStatusProps extends Pick<ReturnType<typeof useWork>, 'notice' | 'error' | 'showProgress'> {
  /** The progress bar's accessible name: it has no visible text of its own. */
  progressLabel: string;
  /** 0..1 when the work knows how far it has come (bytes uploaded); otherwise the bar is indeterminate. */
  value?: number;
  /** Which view's region this is (data-view), so a test can tell the views' regions apart. */
  view: string;
  testId?: string;
}

export function WorkStatus(props: WorkStatusProps) {
  const { notice, error, showProgress, progressLabel, value, view, testId } = props;
  const styles = useStyles();
  return (
    <>
      {/* Always rendered, even empty: screen readers announce changes only to a region that was already there.
          It comes first so the bar appearing and going away below it never moves the text being read. */}
      <div role="status" aria-live="polite" className={styles.piece} data-view={view} data-testid={testId}>
        {notice}
      </div>
      {showProgress && <ProgressBar aria-label={progressLabel} value={value} className={styles.piece} />}
      {error && (
        <MessageBar intent="error" className={styles.piece}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
