/**
 * The decision kept beside a Prioriteringsbeslut in the library: one canonical form from the pane or from the
 * saved workbook, and checked on read, since anyone with write access to the library can craft it.
 */
import { decisionDocumentData, parseDecisionDocumentData } from '../../src/domain/decisionDocument';
import type { DecisionRow } from '../../src/domain/prioritizationDecision';

const row: DecisionRow = { area: 'IT', nr: '2', initiative: 'Pott', row: 2, year: 2022, before: 300, after: 0, action: 'cut', reason: 'Prioritet Kan.' };

describe('the decision beside a Prioriteringsbeslut', () => {
  it('is one canonical form whatever order the fields came in, and reads back as written', () => {
    const shuffled = { reason: row.reason, action: row.action, after: 0, before: 300, year: 2022, row: 2, initiative: 'Pott', nr: '2', area: 'IT' } as DecisionRow;
    const a = decisionDocumentData({ period: '2022–2024', date: '2021-03-18', forum: 'PF' }, [shuffled]);
    const b = decisionDocumentData({ forum: 'PF', date: '2021-03-18', period: '2022–2024' }, [row]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(parseDecisionDocumentData(JSON.parse(JSON.stringify(a)))).toEqual({ ok: true, data: b });
  });

  it.each([
    ['an amount that is text', { rows: [{ ...row, after: '=1+1' }] }, 'rows.0.after'],
    ['a fractional amount', { rows: [{ ...row, before: 300.5 }] }, 'rows.0.before'],
    ['an unknown action', { rows: [{ ...row, action: 'delete' }] }, 'rows.0.action'],
    ['a row number below 1', { rows: [{ ...row, row: 0 }] }, 'rows.0.row'],
    ['an unknown forum', { info: { forum: 'XF', date: '2021-03-18', period: '2022–2024', status: 'Beslut' } }, 'info.forum'],
    ['a proposal, not a decision', { info: { forum: 'PF', date: '2021-03-18', period: '2022–2024', status: 'Förslag' } }, 'info.status'],
    ['rows that are not a list', { rows: { 0: row } }, 'rows'],
  ])('refuses %s, naming the field', (_what, change, field) => {
    const value = { ...decisionDocumentData({ forum: 'PF', date: '2021-03-18', period: '2022–2024' }, [row]), ...change };
    expect(parseDecisionDocumentData(value)).toEqual({ ok: false, reason: `beslutet följer inte formatet (fältet ${field} har fel form)` });
  });

  it('refuses nothing at all', () => {
    expect(parseDecisionDocumentData(null)).toEqual({ ok: false, reason: 'beslutet följer inte formatet (innehållet har fel form)' });
  });
});
