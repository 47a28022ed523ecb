/** True once `active` has lasted `ms`: progress shows only for work a person would notice (over 300 ms). */
import { useEffect, useState } from 'react';

export function useDelayed(active: boolean, ms = 300): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setLate(true), ms);
    return () => {
      clearTimeout(timer);
      setLate(false);
    };
  }, [active, ms]);
  // Read through `active` too: the reset in the cleanup lands a render later than the end of the work.
  return active && late;
}
