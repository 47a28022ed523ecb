/**
 * Sammanställning: finance consolidates every area's newest approved plan (from the library, or the open
 * workbook's own plan) against the frame in the open workbook, shows areas, city, brief and findings, and
 * exports the consolidation tables to new sheets (never over existing ones). From here finance also prepares
 * a forum's review pack (ReviewPackDialog).
 */
import { Button, Field, Input, Link, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { YearBrief } from '../../domain/brief';
import { cityAgainstFrame } from '../../domain/cityAgainstFrame';
import { consolidationInputs, newestApproved } from '../../app/consolidateFromLibrary';
import { figuresOfPlan, type Consolidation, type ConsolidationInput } from '../../domain/consolidation';
import type { Finding } from '../../domain/findings';
import { areaKey, framePeriod, type CityFrame } from '../../domain/frame';
import { formatPeriod, parsePeriod } from '../../domain/period';
import { checkTables } from '../../workbook/checkPlan';
import { consolidationTables } from '../../workbook/contract/consolidationTables';
import { hasFrameTable, readCityFrame } from '../../workbook/contract/readFrame';
import type { InteractiveHost } from '../../workbook/host';
import { FindingsList } from '../shared/FindingsList';
import { useWork } from '../useWork';
import { WorkStatus } from '../WorkStatus';
import { connectLibrary, type Connected } from '../shared/libraryConnection';
import { ReviewPackDialog } from './ReviewPackDialog';
import { usePackStrings } from './packStrings';
import { useSummaryStrings } from './strings';
import { SummaryTables } from './SummaryTables';
import { messageOf } from '../../publish/errors';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px', margin: '12px 0' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  intro: { margin: '8px 0', fontSize: tokens.fontSizeBase300 },
  title: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

type Source = 'library' | 'workbook';

interface Result {
  consolidation: Consolidation;
  brief: YearBrief[];
  findings: Finding[];
  period: string;
}

export default function SummaryView(props: { host: InteractiveHost }) {
  const { host } = props;
  const t = useSummaryStrings();
  const styles = useStyles();
  const [connection, setConnection] = useState<Connected | null | undefined>(undefined);
  const [source, setSource] = useState<Source>('library');
  useEffect(() => {
    let live = true;
    connectLibrary()
      .catch(() => null)
      .then((c) => {
        if (!live) return;
        setConnection(c);
        if (!c) setSource('workbook');
      });
    return () => {
      live = false;
    };
  }, []);
  const [periodText, setPeriodText] = useState('');
  const [periodError, setPeriodError] = useState<string | undefined>();
  const [result, setResult] = useState<Result | null>(null);
  const { busy, error, setError, notice, setNotice, showProgress, work } = useWork({ clearNotice: true });
  const pack = usePackStrings();
  // What the running work is, for the progress bar's name; and where a published review pack opens.
  const [task, setTask] = useState<'consolidate' | 'pack'>('consolidate');
  const [packLink, setPackLink] = useState<string | null>(null);

  const run = () =>
    work(async () => {
      setTask('consolidate');
      setPackLink(null);
      let period = null;
      if (periodText.trim() !== '') {
        period = parsePeriod(periodText);
        if (!period) {
          setPeriodError(t.periodInvalid);
          return;
        }
      }
      setPeriodError(undefined);
      const tables = await host.readTables();
      const hasBudget = hasFrameTable(tables);
      let frame: CityFrame;
      const findings: Finding[] = [];
      const inputs: ConsolidationInput[] = [];
      let skipped = 0;
      if (source === 'library') {
        if (!hasBudget || !connection) throw new Error(t.noFrameTables);
        const reading = readCityFrame(tables);
        frame = reading.frame;
        findings.push(...reading.findings);
        const covered = period ?? framePeriod(frame);
        if (!covered) throw new Error(t.periodInvalid);
        const periodName = formatPeriod(covered);
        if (!period) setPeriodText(periodName);
        // The same reading as consolidate --library: an area whose list item or snapshot cannot be used is
        // left out, and the notice says how many were.
        let left = 0;
        const read = await newestApproved(connection.library, periodName, { skip: () => left++ });
        if (read.length === 0) throw new Error(left > 0 ? t.noneReadable(periodName, left) : t.noVersions(periodName));
        inputs.push(...consolidationInputs(read));
        skipped = left;
        period = covered;
      } else {
        const check = checkTables(tables);
        if (!check.plan) throw new Error(t.noPlan);
        const plan = check.plan;
        if (hasBudget) {
          const reading = readCityFrame(tables);
          frame = reading.frame;
          findings.push(...reading.findings);
        } else {
          // The plan's own Ram table stands in for finance's frame (no city frame then).
          frame = { areas: new Map(plan.frame ? [[areaKey(plan.info.area), plan.frame]] : []), city: new Map(), cityRef: null };
        }
        const latest = plan.versions.filter((v) => v.decision === 'Fastställd').at(-1);
        inputs.push({ figures: figuresOfPlan(plan), file: plan.info.area, ...(latest ? { version: latest.labelShown } : {}) });
        period = plan.info.period;
      }
      const city = cityAgainstFrame(inputs, frame, findings);
      setResult({ ...city, period: period ? formatPeriod(period) : '' });
      setNotice(t.done(city.consolidation.areas.length, city.findings.length) + (skipped > 0 ? ` ${t.skipped(skipped)}` : ''));
    });

  const exportTables = () =>
    work(async () => {
      setTask('consolidate');
      setPackLink(null);
      if (!result) return;
      const writes = consolidationTables(result.consolidation, result.brief);
      const tables = await host.readTables();
      const taken = new Set(tables.map((x) => x.name.toLowerCase()));
      const sheetsTaken = new Set(tables.map((x) => x.sheet.toLowerCase()));
      const clash = [
        ...writes.filter((w) => taken.has(w.name.toLowerCase())).map((w) => `${t.tableWord} ${w.name}`),
        ...[...new Set(writes.map((w) => w.sheet))].filter((s) => sheetsTaken.has(s.toLowerCase())).map((s) => `${t.sheetWord} ${s}`),
      ];
      if (clash.length > 0) {
        setError(t.exists([...new Set(clash)].join(', ')));
        return;
      }
      try {
        await host.createTables(writes);
      } catch (e) {
        setError(t.exportRefused(messageOf(e)));
        return;
      }
      setNotice(t.exported([...new Set(writes.map((w) => w.sheet))].join(', ')));
    });

  return (
    <div>
      <p className={styles.intro}>{t.intro}</p>
      <form
        className={styles.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <Field label={t.period} hint={t.periodHint} validationMessage={periodError}>
          <Input value={periodText} onChange={(_, d) => setPeriodText(d.value)} />
        </Field>
        <Field label={t.source} hint={connection === null ? t.noLibrary : undefined}>
          <RadioGroup value={source} onChange={(_, d) => setSource(d.value as Source)}>
            <Radio value="library" label={t.sourceLibrary} disabled={!connection} />
            <Radio value="workbook" label={t.sourceWorkbook} />
          </RadioGroup>
        </Field>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t.consolidate}
          </Button>
          <Button disabled={busy || !result} onClick={() => void exportTables()}>
            {t.export}
          </Button>
          <ReviewPackDialog
            host={host}
            connection={connection}
            periodText={periodText}
            busy={busy}
            work={work}
            setNotice={setNotice}
            setError={setError}
            setLink={setPackLink}
            onStart={() => setTask('pack')}
          />
        </div>
      </form>
      <WorkStatus notice={notice} error={error} showProgress={showProgress} progressLabel={task === 'pack' ? pack.building : t.consolidating} view="summary" />
      {packLink && (
        <Link href={packLink} target="_blank" rel="noopener noreferrer" data-testid="pack-link">
          {pack.openInLibrary}
        </Link>
      )}
      {result && (
        <>
          <SummaryTables consolidation={result.consolidation} brief={result.brief} period={result.period} />
          <section aria-labelledby="summary-findings-title">
            <h2 id="summary-findings-title" className={styles.title}>
              {t.findingsTitle} ({result.findings.length})
            </h2>
            {result.findings.length === 0 ? <p>{t.noFindings}</p> : <FindingsList findings={result.findings} onSelect={(f) => work(() => host.select(f.location!.sheet, f.location!.address!))} />}
          </section>
        </>
      )}
    </div>
  );
}
