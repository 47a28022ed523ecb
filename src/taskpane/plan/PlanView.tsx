/** Plan: check the open workbook, go to each finding's cell, mark and unmark cells, create tables, fix sums. */
import { Button, makeStyles } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { locateTable } from '../../domain/location';
import type { Finding } from '../../domain/findings';
import type { Period } from '../../domain/period';
import { statedSumDifferences } from '../../domain/rules/statedSums';
import { checkWorkbook, type PlanCheck } from '../../workbook/checkPlan';
import { planTables } from '../../workbook/contract/template';
import { TABLES } from '../../workbook/contract/tables';
import type { InteractiveHost } from '../../workbook/host';
import { useStrings } from '../i18n';
import { useWork } from '../useWork';
import { WorkStatus } from '../WorkStatus';
import { CreateTablesForm } from './CreateTablesForm';
import { FindingsList } from '../shared/FindingsList';
import { frameRows } from '../shared/frameRows';
import { FrameSummary } from './FrameSummary';
import { PrioritySummary } from '../shared/PrioritySummary';
import { RecomputeDialog } from './RecomputeDialog';

// "Ny period…" and the .xlsx writer behind it load apart from the pane's first script (an action taken once a year).
const RollForward = lazy(() => import('./RollForward'));

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px', margin: '12px 0' },
});

const CORE_TABLES: string[] = [TABLES.planInfo.name, TABLES.initiatives.name];

export function PlanView(props: { host: InteractiveHost }) {
  const { host } = props;
  const t = useStrings();
  const styles = useStyles();
  const [check, setCheck] = useState<PlanCheck | null>(null);
  const { busy, error, notice, setNotice, showProgress, work } = useWork({ describe: t.failed });

  const runCheck = useCallback(async () => {
    const result = await checkWorkbook(host);
    setCheck(result);
    const count = (s: Finding['severity']) => result.findings.filter((f) => f.severity === s).length;
    setNotice(result.findings.length === 0 ? t.allGood : t.summary(count('error'), count('warning'), count('info')));
    return result;
  }, [host, t, setNotice]);

  // Whether the workbook has the plan's tables at all, known before any check: an empty workbook offers
  // "Skapa tabeller" at once instead of hiding it behind Kontrollera. One read, nothing announced.
  const [lacksTables, setLacksTables] = useState(false);
  useEffect(() => {
    let live = true;
    host
      .readTables()
      .then((tables) => {
        const names = new Set(tables.map((x) => x.name.toLowerCase()));
        // Finance's frame workbook is no plan: it is not offered plan tables unasked (Kontrollera still can).
        const frameWorkbook = names.has('budgetram');
        if (live) setLacksTables(!frameWorkbook && CORE_TABLES.some((name) => !names.has(name.toLowerCase())));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  const findings = useMemo(() => check?.findings ?? [], [check]);
  const missingCore = findings.filter((f) => f.code === 'TABLE_MISSING' && CORE_TABLES.includes(f.location?.table ?? ''));
  const offerTables = check ? missingCore.length > 0 : lacksTables;
  const differences = check?.plan ? statedSumDifferences(check.plan) : [];
  const marks = useMemo(() => {
    const located = findings
      .filter((f) => f.location?.address)
      .map((f) => ({ sheet: f.location!.sheet, address: f.location!.address!, severity: f.severity }));
    // The finding names the first cell changed since approval; marking shows every one of them.
    const changed = findings.find((f) => f.code === 'CHANGED_SINCE_APPROVAL');
    if (!changed || !check) return located;
    const cells = check.changedSinceApproval.filter((c) => c.address);
    return [...located, ...cells.map((c) => ({ sheet: c.sheet, address: c.address!, severity: changed.severity }))];
  }, [check, findings]);
  // Two findings in one cell mark it once: the notice counts cells, as the user sees them.
  const markedCells = new Set(marks.map((m) => `${m.sheet}!${m.address.toUpperCase()}`)).size;

  const createTables = (area: string, period: Period) =>
    work(async () => {
      // Every contract table the workbook lacks (the check names only the core ones when those are missing,
      // so an empty workbook would otherwise get no Versioner sheet); existing tables are never touched.
      const present = new Set((await host.readTables()).map((table) => table.name.toLowerCase()));
      await host.createTables(planTables({ area, period }).filter((table) => !present.has(table.name.toLowerCase())));
      setLacksTables(false);
      const result = await runCheck();
      // Take the user to what was made: the initiatives table, where the plan is written.
      const initiatives = result.plan?.initiativeTable;
      if (initiatives) await host.select(initiatives.sheet, locateTable(initiatives).address!);
      setNotice(t.created);
    });

  return (
    <div>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => work(async () => void (await runCheck()))}>
          {t.check}
        </Button>
        <Button disabled={busy || marks.length === 0} onClick={() => work(async () => { await host.highlight(marks); setNotice(t.highlighted(markedCells)); })}>
          {t.highlight}
        </Button>
        <Button disabled={busy || !check} onClick={() => work(async () => setNotice(t.cleared(await host.clearHighlights())))}>
          {t.clearHighlights}
        </Button>
        <RecomputeDialog
          differences={differences}
          disabled={busy}
          onConfirm={() =>
            work(async () => {
              await host.writeCells(differences.map((d) => ({ sheet: d.location.sheet, address: d.location.address!, value: d.computed })));
              await runCheck();
              setNotice(t.sumsWritten(differences.length));
            })
          }
        />
        <Suspense fallback={null}>
          <RollForward host={host} busy={busy} work={work} setNotice={setNotice} />
        </Suspense>
      </div>
      <WorkStatus notice={notice} error={error} showProgress={showProgress} progressLabel={t.working} view="plan" />
      {offerTables && <CreateTablesForm defaultArea={check?.plan?.info.area ?? ''} busy={busy} onCreate={createTables} />}
      <FindingsList findings={findings} onSelect={(f) => work(() => host.select(f.location!.sheet, f.location!.address!))} />
      {check?.plan && <FrameSummary rows={frameRows(check.plan)} />}
      {check?.plan && <PrioritySummary plan={check.plan} />}
    </div>
  );
}
