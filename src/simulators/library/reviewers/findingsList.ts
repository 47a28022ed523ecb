/** A version's findings as a list: severity in words (not colour alone), the Swedish message, and where. */
import { bySeverity, type Finding } from '../../../domain/findings';
// The review pack's words for a severity: a forum member reads the pack and this page, and both say the same.
import { SEVERITY_SV } from '../../../workbook/contract/reviewPackFindings';
import { h } from './layout';
import type { VersionFindings } from './snapshotFindings';

function where(f: Finding): string {
  const l = f.location;
  if (!l) return '';
  const parts = [`blad ${l.sheet}`, `tabell ${l.table}`, ...(l.row !== undefined ? [`rad ${l.row}`] : []), ...(l.column ? [`kolumn ${l.column}`] : []), ...(l.address ? [`cell ${l.address}`] : [])];
  return ` <span class="empty">(${h(parts.join(', '))})</span>`;
}

export function findingsList(v: VersionFindings): string {
  const source = v.source === 'published' ? 'Kontrollerna när versionen publicerades.' : 'Ögonblicksbilden bär inga fynd: kontrollerna har körts här på dess tabeller.';
  if (v.findings.length === 0) return `<p>${h(source)}</p><p>Inga fynd.</p>`;
  const sorted = [...v.findings].sort(bySeverity);
  const items = sorted.map((f) => `<li><span class="sev-${f.severity}">${SEVERITY_SV[f.severity]}</span> <code>${h(f.code)}</code>: ${h(f.message)}${where(f)}</li>`).join('\n');
  const errors = v.findings.filter((f) => f.severity === 'error').length;
  return `<p>${h(source)} ${v.findings.length} fynd, varav ${errors} fel.</p><ul class="findings">\n${items}\n</ul>`;
}
