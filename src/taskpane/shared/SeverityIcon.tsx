/** Severity drawn by shape (circle with cross, triangle, circle with i), so it never depends on colour alone. */
import type { Severity } from '../../domain/findings';

export function SeverityIcon(props: { severity: Severity; className?: string }) {
  const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false, className: props.className } as const;
  if (props.severity === 'error') {
    return (
      <svg {...common}>
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="currentColor" strokeWidth="1.5" />
      </svg>
    );
  }
  if (props.severity === 'warning') {
    return (
      <svg {...common}>
        <path d="M8 1.5l6.5 12.5h-13z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
        <path d="M8 6v4" stroke="currentColor" strokeWidth="1.5" />
        <circle cx="8" cy="12" r="0.9" fill="currentColor" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 7v4.5" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="8" cy="4.8" r="0.9" fill="currentColor" />
    </svg>
  );
}
