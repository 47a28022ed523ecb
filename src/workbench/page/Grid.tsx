/**
 * The active sheet as a grid: values as Excel formats them, fills (the pane's highlights show here), tables
 * and the selection. Only the rows in view are drawn, so a 5 000-row plan scrolls smoothly.
 */
import { useEffect, useRef, useState } from 'react';
import { columnLetters, type WorkbookModel } from '../../simulators/excel';

const ROW_HEIGHT = 21;
const OVERSCAN = 20;

export function Grid(props: { model: WorkbookModel; sheet: string; version: number; onSelect: (address: string) => void }) {
  const { model, sheet } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  const used = model.getUsedSize(sheet);
  const rows = Math.max(used.rows + 5, 30);
  const columns = Math.max(used.columns + 2, 10);
  const selection = model.getSelection();
  const tables = model.getTables(sheet);

  // Keep the selected cell in view when the pane selects it (a finding clicked in the task pane).
  useEffect(() => {
    const el = scroller.current;
    if (!el || selection.sheet !== sheet) return;
    const y = (selection.top - 1) * ROW_HEIGHT;
    if (y < el.scrollTop || y > el.scrollTop + el.clientHeight - 3 * ROW_HEIGHT) el.scrollTop = Math.max(0, y - 4 * ROW_HEIGHT);
  }, [selection.sheet, selection.top, sheet, props.version]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onResize = () => setHeight(el.clientHeight);
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const first = Math.max(1, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const inTable = (r: number, c: number) => tables.some((t) => r >= t.top && r <= t.bottom && c >= t.left && c <= t.right);
  const selected = (r: number, c: number) =>
    selection.sheet === sheet && r >= selection.top && r <= selection.bottom && c >= selection.left && c <= selection.right;

  const body = [];
  if (first > 1) body.push(<tr key="pad-top" style={{ height: (first - 1) * ROW_HEIGHT }} aria-hidden />);
  for (let r = first; r <= last; r++) {
    const cells = [];
    for (let c = 1; c <= columns; c++) {
      const cell = model.getCell(sheet, r, c);
      const address = `${columnLetters(c)}${r}`;
      cells.push(
        <td
          key={c}
          data-address={address}
          data-selected={selected(r, c) ? 'true' : undefined}
          data-fill={cell.displayFill ?? undefined}
          className={[typeof cell.value === 'number' ? 'num' : '', inTable(r, c) ? 'intable' : ''].join(' ').trim() || undefined}
          style={cell.displayFill ? { background: cell.displayFill, color: '#201f1e' } : undefined}
          title={cell.formula ?? undefined}
          onClick={() => props.onSelect(address)}
        >
          {cell.text}
        </td>,
      );
    }
    body.push(
      <tr key={r} style={{ height: ROW_HEIGHT }}>
        <th className="rowhead" scope="row">
          {r}
        </th>
        {cells}
      </tr>,
    );
  }
  if (last < rows) body.push(<tr key="pad-bottom" style={{ height: (rows - last) * ROW_HEIGHT }} aria-hidden />);

  return (
    <div className="sheet" ref={scroller} onScroll={(e) => setTop(e.currentTarget.scrollTop)} role="region" aria-label={`Bladet ${sheet}`} tabIndex={0}>
      <table className="cells" aria-label={sheet} data-sheet={sheet}>
        <colgroup>
          <col style={{ width: 44 }} />
          {Array.from({ length: columns }, (_, i) => (
            <col key={i} style={{ width: Math.round(Math.max(4, model.getColumnWidth(sheet, i + 1)) * 7 + 10) }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="rowhead" aria-label="Rad" />
            {Array.from({ length: columns }, (_, i) => (
              <th key={i} scope="col">
                {columnLetters(i + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}
