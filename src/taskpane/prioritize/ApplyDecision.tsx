/**
 * Tillämpa prioriteringsbeslut: the cells the decision changes in the open plan, shown before anything is
 * written; only on confirmation are exactly those cells written and one Versionshantering row added. The
 * decision is the one in the open workbook or, when it has none and a library is connected, the newest
 * Prioriteringsbeslut of the plan's period there (app/newestDecision).
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { newestDecision } from '../../app/newestDecision';
import { formatPeriod } from '../../domain/period';
import type { PlanLibrary } from '../../publish/planLibrary';
import { formatNumber } from '../../domain/money';
import { planApplication, type Application } from '../../domain/prioritizationApply';
import { checkTables } from '../../workbook/checkPlan';
import { readDecision } from '../../workbook/contract/prioritizationTables';
import { findTable, TABLES } from '../../workbook/contract/tables';
import { versionRow } from '../../workbook/contract/versionRow';
import { parseVersionLabel, type VersionEntry } from '../../domain/versions';
import type { DecisionRow } from '../../domain/prioritizationDecision';
import type { InteractiveHost } from '../../workbook/host';
import { useLanguage } from '../i18n';
import { useWork } from '../useWork';
import { WorkStatus } from '../WorkStatus';
import { useTableStyles } from './FrameTables';
import { usePrioritizeStrings } from './strings';

const useStyles = makeStyles({
  title: { margin: '24px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: '4px 0 8px', fontSize: tokens.fontSizeBase200 },
});

interface Pending {
  area: string;
  application: Application;
  /** Versionshantering's headers as the workbook has them, to put the new row's cells in their columns. */
  versionHeaders: string[];
  /** The decision's file in the library, when it came from there. */
  source: string | null;
}

const today = () => new Date().toISOString().slice(0, 10);

export function ApplyDecision(props: { host: InteractiveHost; library: PlanLibrary | null }) {
  const { host, library } = props;
  const t = usePrioritizeStrings();
  const lang = useLanguage();
  const styles = useStyles();
  const s = useTableStyles();
  const [pending, setPending] = useState<Pending | null>(null);
  const { busy, error, notice, setNotice, showProgress, work } = useWork({ clearNotice: true });

  const prepare = () =>
    work(async () => {
      const tables = await host.readTables();
      const inWorkbook = readDecision(tables);
      if (!inWorkbook && !library) throw new Error(t.noDecision);
      const { plan } = checkTables(tables);
      if (!plan) throw new Error(t.noPlan);
      let decision: { rows: DecisionRow[]; info: { forum?: string; date?: string } } | null = inWorkbook;
      let source: string | null = null;
      if (!decision && library) {
        const period = formatPeriod(plan.info.period);
        const found = await newestDecision(library, period);
        if (!found) throw new Error(t.noDecisionAnywhere(period));
        decision = found.decision;
        source = found.document.name;
      }
      const application = planApplication(plan, decision!.rows, decision!.info, today());
      if (application.changes.length === 0) {
        setNotice([...(source ? [t.fromLibrary(source)] : []), t.nothingToApply(plan.info.area, application.alreadyApplied), ...application.skipped.map((x) => (lang === 'en' ? x.en : x.sv))].join(' '));
        return;
      }
      const versions = findTable(tables, TABLES.versions.name);
      setPending({ area: plan.info.area, application, versionHeaders: versions?.headers ?? [...TABLES.versions.headers], source });
    });

  const confirm = () =>
    work(async () => {
      if (!pending) return;
      const { application: a, versionHeaders } = pending;
      setPending(null);
      await host.writeCells(a.changes.map((c) => ({ sheet: c.location.sheet, address: c.location.address!, value: c.after })));
      // The contract's one row writer (versionRow.ts), as Registrera beslut uses.
      const r = a.versionRow;
      const entry: VersionEntry = { row: 0, date: r.date, dateShown: r.date, label: parseVersionLabel(r.version), labelShown: r.version, description: r.description, changedBy: '', forum: null, decision: r.decision };
      await host.appendTableRows(TABLES.versions.name, [versionRow(versionHeaders, entry)]);
      setNotice(t.applied(a.changes.length, a.versionRow.version));
    });

  return (
    <section aria-labelledby="prio-apply-title">
      <h2 id="prio-apply-title" className={styles.title}>
        {t.applyTitle}
      </h2>
      <p className={styles.intro}>{t.applyIntro}</p>
      <Button disabled={busy} onClick={() => void prepare()}>
        {t.apply}
      </Button>
      <WorkStatus notice={notice} error={error} showProgress={showProgress} progressLabel={t.apply} view="prioritize-apply" />
      <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && setPending(null)}>
        <DialogSurface aria-describedby="prio-apply-intro">
          {pending && (
            <DialogBody>
              <DialogTitle>{t.apply}</DialogTitle>
              <DialogContent>
                <p id="prio-apply-intro">
                  {pending.source && `${t.fromLibrary(pending.source)} `}
                  {t.applyIntroDialog(pending.application.changes.length, pending.area)} {pending.application.versionRow.version} –{' '}
                  {pending.application.versionRow.description}
                </p>
                <table className={s.table} aria-label={t.apply}>
                  <thead>
                    <tr>
                      <th scope="col" className={s.th}>{t.cell}</th>
                      <th scope="col" className={s.th}>{t.initiative}</th>
                      <th scope="col" className={s.th}>{t.before}</th>
                      <th scope="col" className={s.th}>{t.now}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pending.application.changes.map((c) => (
                      <tr key={c.location.address}>
                        <td className={s.td}>
                          {c.location.address} ({c.location.column})
                        </td>
                        <td className={s.td}>{c.isSum ? `${c.initiative} (${t.sumRow})` : c.initiative}</td>
                        <td className={s.num}>{formatNumber(c.before)}</td>
                        <td className={s.num}>{formatNumber(c.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {pending.application.skipped.length > 0 && (
                  <>
                    <h3 className={styles.title}>{t.skippedTitle}</h3>
                    <ul>
                      {pending.application.skipped.map((x, k) => (
                        <li key={k}>{lang === 'en' ? x.en : x.sv}</li>
                      ))}
                    </ul>
                  </>
                )}
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setPending(null)}>
                  {t.cancel}
                </Button>
                <Button appearance="primary" onClick={() => void confirm()}>
                  {t.confirm}
                </Button>
              </DialogActions>
            </DialogBody>
          )}
        </DialogSurface>
      </Dialog>
    </section>
  );
}
