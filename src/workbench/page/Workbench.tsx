/** The workbench page: toolbar (samples, open, download, language, theme), formula bar, grid, sheet tabs, pane. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SelectionView } from '../../simulators/excel';
import { CreatedWorkbookNotice } from './CreatedWorkbookNotice';
import { Grid } from './Grid';
import { download, fetchSample, openSession, withPane, type PaneOptions, type Session } from './session';

declare const __SAMPLES__: { plans: string[]; broken: string[] };

const FIRST_SAMPLE = `samples/${__SAMPLES__.plans.find((p) => p.includes('-it-')) ?? __SAMPLES__.plans[0]}`;

export function Workbench() {
  const query = new URLSearchParams(location.search);
  const [options, setOptions] = useState<PaneOptions>({
    language: query.get('lang') === 'en' ? 'en-US' : 'sv-SE',
    theme: query.get('theme') === 'dark' ? 'dark' : 'light',
  });
  // ?pane=320: the task pane's width in px, to see the pane as narrow as Office may make it.
  const paneWidth = Math.min(800, Math.max(280, Number(query.get('pane')) || 360));
  const [sample, setSample] = useState('');
  const [session, setSession] = useState<Session | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState('');
  const [dragging, setDragging] = useState(false);
  const [paneKey, setPaneKey] = useState(0);
  // What the user is typing into the formula bar, for the cell it was typed at (another cell shows its own).
  const [typed, setTyped] = useState<{ at: string; text: string } | null>(null);
  const [fill, setFill] = useState('#00b0f0');
  const fileInput = useRef<HTMLInputElement>(null);

  const open = useCallback(
    async (name: string, bytes: Uint8Array | null, fromSample = '') => {
      try {
        const s = await openSession(name, bytes, options);
        setError('');
        setSample(fromSample);
        s.model.onChange(() => setVersion((v) => v + 1));
        setSession(s);
        setPaneKey((k) => k + 1);
      } catch (e) {
        setError(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [options],
  );

  // Start with a sample plan (or the one named in ?sample=), or an empty workbook with ?empty.
  useEffect(() => {
    const named = query.get('sample');
    const path = named ? `samples/${named}` : FIRST_SAMPLE;
    // Either way the workbook opens once its bytes are there; the empty one simply has none to fetch.
    const bytes = query.has('empty') ? Promise.resolve(null) : fetchSample(path);
    void bytes.then(
      (b) => (b ? open(path.split('/').pop()!, b, path.slice('samples/'.length)) : open('Tom arbetsbok.xlsx', null)),
      (e) => setError(String(e)),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Another language or theme keeps the open workbook and its edits; only the pane starts again.
  const settings = useRef(options);
  useEffect(() => {
    if (settings.current === options) return;
    settings.current = options;
    if (!session) return;
    void withPane(session, options).then((s) => {
      setSession(s);
      setPaneKey((k) => k + 1);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options]);

  useEffect(() => {
    document.documentElement.dataset.theme = options.theme;
  }, [options.theme]);

  // The grid shows the active sheet, and so follows the one the pane activates (selecting a finding's cell
  // on another sheet, say): the model is the one place that knows, and `version` re-reads it after each change.
  const selection = session?.model.getSelection();
  const sheet = selection?.sheet ?? '';
  const at = selection ? `${selection.sheet}!${selection.address}` : '';
  const content = selection && session ? (session.model.getCell(selection.sheet, selection.top, selection.left).formula ?? session.model.getCellText(selection.sheet, selection.top, selection.left)) : '';
  const edit = typed && typed.at === at ? typed.text : content;

  const openFile = async (file: File) => open(file.name, new Uint8Array(await file.arrayBuffer()));

  return (
    <div
      className={`wb${dragging ? ' drop' : ''}`}
      // One more px for the pane's left border, so the pane itself is exactly that wide.
      style={{ gridTemplateColumns: `minmax(0, 1fr) ${paneWidth + 1}px` }}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void openFile(file);
      }}
    >
      <header>
        <h1>Tjänsteplan – arbetsbänk</h1>
        <label>
          Exempel{' '}
          <select
            aria-label="Öppna ett exempel"
            value={sample}
            onChange={(e) => {
              const chosen = e.target.value;
              if (chosen) void fetchSample(`samples/${chosen}`).then((b) => open(chosen.split('/').pop()!, b, chosen));
            }}
          >
            <option value="">Välj…</option>
            {__SAMPLES__.plans.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
            {__SAMPLES__.broken.map((p) => (
              <option key={p} value={`broken/${p}`}>
                trasig: {p}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Öppna .xlsx…
        </button>
        <input ref={fileInput} type="file" accept=".xlsx" hidden aria-label="Välj en arbetsbok" onChange={(e) => e.target.files?.[0] && void openFile(e.target.files[0])} />
        <button type="button" onClick={() => void open('Tom arbetsbok.xlsx', null)}>
          Tom arbetsbok
        </button>
        <button type="button" disabled={!session} onClick={async () => session && download(session.name, await session.model.toXlsx())}>
          Ladda ned
        </button>
        <label>
          Språk{' '}
          <select value={options.language} onChange={(e) => setOptions({ ...options, language: e.target.value as PaneOptions['language'] })}>
            <option value="sv-SE">svenska</option>
            <option value="en-US">English</option>
          </select>
        </label>
        <label>
          Tema{' '}
          <select value={options.theme} onChange={(e) => setOptions({ ...options, theme: e.target.value as PaneOptions['theme'] })}>
            <option value="light">ljust</option>
            <option value="dark">mörkt</option>
          </select>
        </label>
        <span role="status" aria-live="polite" data-testid="open-file">
          {error || (session ? `Öppen: ${session.name}` : 'Laddar…')}
        </span>
        <CreatedWorkbookNotice host={session?.host ?? null} onOpen={(c) => void open(`${c.name}.xlsx`, c.bytes)} />
      </header>
      {session && sheet && (
        <>
          <div className="bar">
            <span aria-label="Markerad cell" data-testid="name-box">
              {selection ? `${selection.sheet}!${selection.address}` : ''}
            </span>
            <input
              aria-label="Cellens innehåll"
              value={edit}
              onChange={(e) => setTyped({ at, text: e.target.value })}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || !selection) return;
                session.model.userEnter(selection.sheet, selection.top, selection.left, edit);
                setTyped(null);
              }}
            />
            {/* Colouring cells as a user would: a fill of the user's own, which the pane's marks must leave alone. */}
            <input type="color" aria-label="Fyllningsfärg" value={fill} onChange={(e) => setFill(e.target.value)} style={{ flex: 'none', width: 32, padding: 0 }} />
            <button type="button" disabled={!selection} onClick={() => selection && fillSelection(session, selection, fill)}>
              Fyll
            </button>
            <button type="button" disabled={!selection} onClick={() => selection && fillSelection(session, selection, null)}>
              Ingen fyllning
            </button>
          </div>
          <Grid model={session.model} sheet={sheet} version={version} onSelect={(address) => session.model.userSelect(sheet, address)} />
          <div className="tabs" role="tablist" aria-label="Blad">
            {session.model.getSheetNames().map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={name === sheet}
                onClick={() => {
                  session.model.userActivate(name);
                }}
              >
                {name}
              </button>
            ))}
          </div>
        </>
      )}
      <div className="pane">{session && <iframe key={paneKey} src="taskpane.html" title="Aktivitetsfönstret Tjänsteplan" />}</div>
    </div>
  );
}

/** Fills the selected cells (or removes their fill) as the user, not through the add-in's API. */
function fillSelection(session: Session, selection: SelectionView, color: string | null) {
  for (let r = selection.top; r <= selection.bottom; r++)
    for (let c = selection.left; c <= selection.right; c++) session.model.userFill(selection.sheet, r, c, color);
}
