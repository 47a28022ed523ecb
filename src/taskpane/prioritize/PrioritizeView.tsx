/**
 * Prioritering: the forum's what-if over the basis in the open workbook (from `prioritize --out`) or, when a
 * library is connected, over each area's newest approved plan there against the frame in the open workbook;
 * starting from the proposal, saved as a Prioriteringsbeslut on new sheets and, with a library, published
 * beside the plans (`<period>/Forum/Prioriteringsbeslut <forum> <date>.xlsx`); and, for the area's
 * controller, applying such a decision to the open plan (ApplyDecision), from the workbook or the library.
 */
import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Skipped } from '../../app/approvedVersions';
import { prioritizationFromLibrary } from '../../app/prioritizationFromLibrary';
import { publishForumDocument } from '../../app/publishForumDocument';
import { decisionDocumentData } from '../../domain/decisionDocument';
import { formatPeriod, parsePeriod, periodOf } from '../../domain/period';
import { forumFolder } from '../../publish/forumDocuments';
import { readCityFrame } from '../../workbook/contract/readFrame';
import { framePeriod } from '../../domain/frame';
import { connectLibrary, type Connected } from '../shared/libraryConnection';
import { formatTkr } from '../../domain/money';
import { cityFigures, prioritize, type Prioritization } from '../../domain/prioritization';
import { decisionRows, type DecisionRow } from '../../domain/prioritizationDecision';
import { amountsWith, areaFigures, cellKey, choicesFromProposal, type Choice } from '../../domain/prioritizationWhatIf';
import { DECISION_NAMES, decisionTables, readDecision, type AreaTotals } from '../../workbook/contract/prioritizationTables';
import type { InteractiveHost } from '../../workbook/host';
import { useWork } from '../useWork';
import { WorkStatus } from '../WorkStatus';
import { ApplyDecision } from './ApplyDecision';
import { basisFromTables, type PaneBasis } from './basisFromTables';
import { ChoiceTable } from './ChoiceTable';
import { AreaTable, CityTable, standing } from './FrameTables';
import { usePrioritizeStrings } from './strings';
import { messageOf } from '../../publish/errors';

const useStyles = makeStyles({
  intro: { margin: '8px 0', fontSize: tokens.fontSizeBase300 },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', margin: '8px 0', alignItems: 'end' },
  title: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

interface Loaded {
  basis: PaneBasis;
  result: Prioritization;
  start: Map<string, Choice>;
}

const today = () => new Date().toISOString().slice(0, 10);

export default function PrioritizeView(props: { host: InteractiveHost }) {
  const { host } = props;
  const t = usePrioritizeStrings();
  const styles = useStyles();
  const { busy, error, setError, notice, setNotice, showProgress, work } = useWork({ clearNotice: true });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [choices, setChoices] = useState<Map<string, Choice>>(new Map());
  const [year, setYear] = useState<number>(0);
  const [area, setArea] = useState<string>('');
  const [forum, setForum] = useState('PF');
  const [date, setDate] = useState(today());
  const [dateError, setDateError] = useState<string | undefined>();
  const [connection, setConnection] = useState<Connected | null>(null);
  const [periodText, setPeriodText] = useState('');
  const [periodError, setPeriodError] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    connectLibrary()
      .catch(() => null)
      .then((c) => live && setConnection(c));
    return () => {
      live = false;
    };
  }, []);

  const start = (basis: PaneBasis, problems: string[]) => {
    const result = prioritize(basis);
    const first = choicesFromProposal(basis, result);
    setLoaded({ basis, result, start: first });
    setChoices(new Map(first));
    setYear(basis.years.find((_, k) => (result.before[k].excess ?? 0) > 0) ?? basis.years[0]);
    setNotice([t.loaded(basis.items.length, new Set(result.proposal.map((p) => p.item)).size), ...problems].join(' '));
  };

  const read = () =>
    work(async () => {
      const reading = basisFromTables(await host.readTables());
      if (!reading) throw new Error(t.noBasis);
      start(reading.basis, reading.problems);
    });

  /** Each area's newest approved plan in the library, against the frame in the open workbook. */
  const readLibrary = () =>
    work(async () => {
      if (!connection) return;
      const { frame } = readCityFrame(await host.readTables());
      if (frame.city.size === 0 && frame.areas.size === 0) throw new Error(t.noFrameTables);
      const typed = periodText.trim() === '' ? null : parsePeriod(periodText);
      if (periodText.trim() !== '' && !typed) {
        setPeriodError(t.periodInvalid);
        return;
      }
      setPeriodError(undefined);
      const chosen = typed ?? framePeriod(frame);
      if (!chosen) throw new Error(t.noFrameTables);
      const period = formatPeriod(chosen);
      if (!typed) setPeriodText(period);
      // An area left out changes what the city can afford: the forum is told which, never silently.
      const leftOut: string[] = [];
      const skip = (why: Skipped) => leftOut.push(why.kind === 'unreadable-snapshot' ? why.fileName : t.listItem(why.itemId));
      const { basis, versions } = await prioritizationFromLibrary(connection.library, period, frame, { skip });
      if (versions.length === 0) throw new Error([t.noVersions(period), ...(leftOut.length > 0 ? [t.leftOut(leftOut)] : [])].join(' '));
      start({ ...basis, items: [...basis.items] }, leftOut.length > 0 ? [t.leftOut(leftOut)] : []);
    });

  const figures = useMemo(() => {
    if (!loaded) return null;
    const amounts = amountsWith(loaded.basis, choices);
    return { amounts, city: cityFigures(loaded.basis, amounts), areas: areaFigures(loaded.basis, amounts) };
  }, [loaded, choices]);

  const shown = useMemo(() => {
    if (!loaded) return [];
    const t0 = loaded.basis.years.indexOf(year);
    return loaded.basis.items.flatMap((it, i) => ((area === '' || it.area === area) && it.development[t0] > 0 ? [i] : []));
  }, [loaded, year, area]);

  const choose = (item: number, y: number, c: Choice) =>
    setChoices((prev) => {
      const next = new Map(prev);
      next.set(cellKey(item, y), c);
      return next;
    });

  const save = () =>
    work(async () => {
      if (!loaded || !figures) return;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) {
        setDateError(t.dateInvalid);
        return;
      }
      setDateError(undefined);
      const { basis, result, start } = loaded;
      // The proposal's reasons only for the cells the forum left as proposed.
      const same = (k: string) => JSON.stringify(choices.get(k) ?? null) === JSON.stringify(start.get(k) ?? null);
      const steps = result.proposal.filter((s) => same(cellKey(s.item, s.year)));
      const rows = decisionRows(basis, figures.amounts, steps);
      const totals: AreaTotals[] = figures.areas.flatMap((a, k) =>
        a.years.map((y, tIndex) => ({
          area: a.area,
          year: y.year,
          before: basis.items.reduce((sum, it, i) => sum + (basis.sourceOf[i] === k ? it.development[tIndex] : 0), 0),
          after: y.development,
        })),
      );
      const names = DECISION_NAMES.Beslut;
      const tables = await host.readTables();
      const taken = new Set(tables.flatMap((x) => [x.name.toLowerCase(), x.sheet.toLowerCase()]));
      if ([names.table, names.info, names.totals, names.sheet, names.totalsSheet].some((n) => taken.has(n.toLowerCase()))) {
        setError(t.exists);
        return;
      }
      const years = basis.years;
      const period = years.length ? formatPeriod(periodOf(years[0], years[years.length - 1])) : '';
      await host.createTables(decisionTables({ forum, date: date.trim(), period, status: 'Beslut' }, rows, totals));
      setNotice(t.saved(rows.length));
      if (!connection) return;
      try {
        await publishDecision(connection, { forum, date: date.trim(), period }, rows);
      } catch (e) {
        // Saved in the workbook all the same: Publicera beslutet tries again from there.
        setError(t.publishFailed(messageOf(e)));
      }
    });

  /** The workbook as it is now, beside the plans, where each area's controller's pane finds the decision. */
  const publishDecision = async (c: Connected, info: { forum: string; date: string; period: string }, rows: readonly DecisionRow[]) => {
    const data = decisionDocumentData(info, rows);
    const outcome = await publishForumDocument(c.library, { kind: 'Prioriteringsbeslut', ...info, file: await host.fileBytes(), content: data, data });
    if (outcome.kind === 'conflict') {
      setError(t.publishConflict(`${forumFolder(info.period)}/${outcome.existing.name}`));
      return;
    }
    setNotice(t.published(rows.length, `${forumFolder(info.period)}/${outcome.document.name}`, outcome.kind === 'already-published'));
  };

  /** A decision already saved in the open workbook (earlier, or when publishing failed), published now. */
  const publishSaved = () =>
    work(async () => {
      if (!connection) return;
      const saved = readDecision(await host.readTables());
      const { forum: f, date: d, period: p } = saved?.info ?? {};
      if (!saved || saved.info.status !== 'Beslut' || !f || !d || !p) throw new Error(t.noSavedDecision);
      if (saved.problems.length > 0) throw new Error(saved.problems.join(' '));
      await publishDecision(connection, { forum: f, date: d, period: p }, saved.rows);
    });

  const live = figures ? figures.city.map((y) => `${y.year} ${formatTkr(y.development)}, ${standing(t, y.excess)}`).join('; ') : '';

  return (
    <div>
      <p className={styles.intro}>{t.intro}</p>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void read()}>
          {t.read}
        </Button>
        {connection && (
          <>
            <Field label={t.period} hint={t.periodHint} validationMessage={periodError}>
              <Input value={periodText} onChange={(_, d) => setPeriodText(d.value)} />
            </Field>
            <Button disabled={busy} onClick={() => void readLibrary()}>
              {t.readLibrary}
            </Button>
          </>
        )}
        <Button
          disabled={busy || !loaded}
          onClick={() => {
            if (!loaded) return;
            setChoices(new Map(loaded.start));
            setNotice(t.resetDone);
          }}
        >
          {t.reset}
        </Button>
      </div>
      <WorkStatus notice={notice} error={error} showProgress={showProgress} progressLabel={t.reading} view="prioritize" />
      {loaded && figures && (
        <>
          {/* Said again after every choice, so a screen reader hears where the city now stands. */}
          <p role="status" aria-live="polite" data-testid="prio-live">
            {t.liveCity(live)}
          </p>
          {loaded.result.misses.map((m) => (
            <p key={m.year}>{t.misses(m.year, formatTkr(m.amount))}</p>
          ))}
          <CityTable before={loaded.result.before} now={figures.city} />
          <AreaTable areas={figures.areas} />
          <h2 className={styles.title}>{t.initiativesTitle(year)}</h2>
          <div className={styles.row}>
            <Field label={t.focusYear}>
              <Select value={String(year)} onChange={(_, d) => setYear(Number(d.value))}>
                {loaded.basis.years.map((y) => (
                  <option key={y} value={String(y)}>
                    {y}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t.areaFilter}>
              <Select value={area} onChange={(_, d) => setArea(d.value)}>
                <option value="">{t.allAreas}</option>
                {loaded.basis.areas.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <ChoiceTable items={loaded.basis.items} shown={shown} years={loaded.basis.years} year={year} choices={choices} onChoose={choose} />
          <h2 className={styles.title}>{t.saveTitle}</h2>
          <div className={styles.row}>
            <Field label={t.forum}>
              <Select value={forum} onChange={(_, d) => setForum(d.value)}>
                {['PF', 'BF', 'TF'].map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t.date} hint={t.dateHint} validationMessage={dateError}>
              <Input value={date} onChange={(_, d) => setDate(d.value)} />
            </Field>
            <Button disabled={busy} onClick={() => void save()}>
              {t.save}
            </Button>
          </div>
        </>
      )}
      {connection && (
        <div className={styles.row}>
          <Button disabled={busy} onClick={() => void publishSaved()}>
            {t.publishSaved}
          </Button>
        </div>
      )}
      <ApplyDecision host={host} library={connection?.library ?? null} />
    </div>
  );
}
