/**
 * Tillämpa prioriteringsbeslut in the pane: the dialog over app/applyPrioritization — the cells the decision
 * changes, shown before anything is written, and written only on confirmation.
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
import { useState, type ReactNode } from 'react';
import { applyPrioritization, previewPrioritization, type Proposal, type ReadyPreview } from '../../app/applyPrioritization';
import { formatNumber } from '../../domain/money';
import type { Location } from '../../domain/location';
import { locationAddress } from '../../domain/sheetAddress';
import type { PlanLibrary } from '../../publish/planLibrary';
import type { InteractiveHost } from '../../workbook/host';
import { useLanguage, useStrings } from '../i18n';
import { useWork } from '../useWork';
import { WorkStatus } from '../WorkStatus';
import { useTableStyles } from './FrameTables';
import { usePrioritizeStrings } from './strings';
import { messageOf } from '../../publish/errors';

const useStyles = makeStyles({
  title: { margin: '24px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: '4px 0 8px', fontSize: tokens.fontSizeBase200 },
  /** A left-alone row or a changed cell reads as text; the button only takes the user to its cell. */
  goTo: { justifyContent: 'flex-start', textAlign: 'start', fontWeight: tokens.fontWeightRegular, padding: '2px 4px' },
});

/**
 * What the dialog says about a place in the plan — a row left alone, a cell changed since the preview — as a
 * button that takes the user to its cell ("Gå till Tjänsteplan!C9"), or as text when it has no cell.
 */
function CellButton(props: { at: Location; onGo: (sheet: string, address: string) => void; children: ReactNode }) {
  const { at, onGo, children } = props;
  const styles = useStyles();
  const common = useStrings();
  if (!at.address) return <>{children}</>;
  const address = at.address;
  return (
    <Button appearance="subtle" className={styles.goTo} data-address={address} title={common.goTo(locationAddress(at))} onClick={() => onGo(at.sheet, address)}>
      {children}
    </Button>
  );
}

export function ApplyDecision(props: { host: InteractiveHost; library: PlanLibrary | null }) {
  const { host, library } = props;
  const t = usePrioritizeStrings();
  const lang = useLanguage();
  const styles = useStyles();
  const s = useTableStyles();
  const [pending, setPending] = useState<ReadyPreview | null>(null);
  /** A decision with nothing left to apply: its rows left alone stay listed under the status, each with its cell. */
  const [settled, setSettled] = useState<Proposal | null>(null);
  /** Where the plan differs from what the dialog showed, when writing was refused for it: listed under the error. */
  const [changed, setChanged] = useState<Location[]>([]);
  const { busy, error, setError, notice, setNotice, showProgress, work } = useWork({ clearNotice: true });
  // Not through work(): going to a cell is no work to announce, and the status it would clear is still true.
  const goTo = (sheet: string, address: string) => void host.select(sheet, address).catch((e: unknown) => setError(messageOf(e)));
  const leftAlone = (p: Proposal) =>
    p.application.skipped.length + p.unreadable.length > 0 && (
      <>
        <h3 className={styles.title}>{t.skippedTitle}</h3>
        <ul>
          {p.application.skipped.map(({ sv, en, location: l }, k) => (
            <li key={`s${k}`}>
              <CellButton at={l} onGo={goTo}>
                {lang === 'en' ? en : sv}
              </CellButton>
            </li>
          ))}
          {p.unreadable.map((x, k) => (
            <li key={`u${k}`}>{x}</li>
          ))}
        </ul>
      </>
    );

  const prepare = () =>
    work(async () => {
      setSettled(null);
      setChanged([]);
      const p = await previewPrioritization({ workbook: host, library });
      if (p.kind === 'no-decision') throw new Error(t.noDecision);
      if (p.kind === 'no-plan') throw new Error(t.noPlan);
      if (p.kind === 'no-decision-anywhere') throw new Error(t.noDecisionAnywhere(p.period));
      if (p.kind === 'no-version-table') throw new Error(t.noVersionTable(p.area));
      if (p.kind === 'nothing-to-apply') {
        setNotice([...(p.decision.source ? [t.fromLibrary(p.decision.source)] : []), t.nothingToApply(p.area, p.application.alreadyApplied)].join(' '));
        setSettled(p);
        return;
      }
      setPending(p);
    });

  const confirm = () =>
    work(async () => {
      if (!pending) return;
      setPending(null);
      setChanged([]);
      const r = await applyPrioritization(pending, { workbook: host });
      if (r.kind === 'no-plan') throw new Error(t.noPlan);
      if (r.kind === 'changed-since') {
        setChanged(r.cells);
        throw new Error(t.changedSince(r.cells.length, r.version));
      }
      setNotice([t.applied(r.changes.length, r.entry.labelShown), ...(r.historyNotAdded ? [t.historyNotAdded(r.historyNotAdded)] : [])].join(' '));
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
      {changed.length > 0 && (
        <>
          <h3 id="prio-apply-changed" className={styles.title}>
            {t.changedTitle}
          </h3>
          <ul aria-labelledby="prio-apply-changed">
            {changed.map((l) => (
              <li key={locationAddress(l)}>
                <CellButton at={l} onGo={goTo}>
                  {locationAddress(l)}
                  {l.column ? ` (${l.column})` : ''}
                </CellButton>
              </li>
            ))}
          </ul>
        </>
      )}
      {settled && leftAlone(settled)}
      <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && setPending(null)}>
        <DialogSurface aria-describedby="prio-apply-intro">
          {pending && (
            <DialogBody>
              <DialogTitle>{t.apply}</DialogTitle>
              <DialogContent>
                <p id="prio-apply-intro">
                  {pending.decision.source && `${t.fromLibrary(pending.decision.source)} `}
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
                {leftAlone(pending)}
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
