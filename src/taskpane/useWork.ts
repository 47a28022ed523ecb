/**
 * One way every view runs work against the workbook or the library: busy while it runs, progress once it
 * has taken 300 ms, and any error turned into a message in the pane — never a broken pane.
 */
import { useCallback, useState } from 'react';
import { useDelayed } from './useDelayed';
import { messageOf } from '../publish/errors';

export interface WorkOptions {
  /** Turns an error's message into the text shown (e.g. "Något gick fel: …"). */
  describe?: (message: string) => string;
  /** Clear the previous notice when new work starts. */
  clearNotice?: boolean;
  /** Runs after each piece of work, whatever its outcome. */
  onSettled?: () => void;
}

export function useWork(options: WorkOptions = {}) {
  const { describe, clearNotice, onSettled } = options;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const showProgress = useDelayed(busy);
  const work = useCallback(
    async (task: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      if (clearNotice) setNotice('');
      try {
        await task();
      } catch (e) {
        const message = messageOf(e);
        setError(describe ? describe(message) : message);
      } finally {
        setBusy(false);
        onSettled?.();
      }
    },
    [describe, clearNotice, onSettled],
  );
  return { busy, error, setError, notice, setNotice, showProgress, work };
}
