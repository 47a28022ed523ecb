/**
 * Publicering: where the plan stands, recording a forum's decision in Versionshantering, publishing the newest
 * approved version through the outbox to the library, and the outbox itself. Says plainly when no library is
 * configured. Every piece of work goes through `work()`: errors become a message, never a broken pane.
 */
import { Button, Link, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { approvalOf } from '../../domain/approval';
import type { CellValue } from '../../domain/cell';
import type { Finding } from '../../domain/findings';
import type { Plan } from '../../domain/plan';
import { areaKey } from '../../domain/frame';
import { formatPeriod } from '../../domain/period';
import { checkDecisionsPublished } from '../../domain/rules/decisionLedger';
import { formatVersion, latestApproved, type VersionEntry } from '../../domain/versions';
import { planState, recordDecision, type DecisionInput, type PlanState } from '../../domain/workflow';
import { IndexedDbOutboxStore } from '../../publish/browser/indexedDbOutboxStore';
import { createGraphClient } from '../../publish/graph/client';
import { GraphPlanLibrary } from '../../publish/graph/graphLibrary';
import { Outbox, outboxId, type OutboxEntry } from '../../publish/outbox';
import type { PlanLibrary, PublishProgress, PublishRequest } from '../../publish/planLibrary';
import { preparePublication, versionToPublish } from '../../publish/prepare';
import { checkTables, type PlanCheck } from '../../workbook/checkPlan';
import { approvalTable } from '../../workbook/contract/approvalTable';
import { findTable, headerKey, TABLES } from '../../workbook/contract/tables';
import type { InteractiveHost } from '../../workbook/host';
import { useLanguage } from '../i18n';
import { findingText } from '../text';
import { SeverityIcon } from '../plan/SeverityIcon';
import { useWork } from '../useWork';
import { WorkStatus } from '../WorkStatus';
import { DecisionForm } from './DecisionForm';
import { loadLibraryConfig, type LibraryConfig } from './libraryConfig';
import { OutboxList } from './OutboxList';
import { usePublishStrings, type PublishStrings } from './strings';
import { watchWorkbook } from './workbookChanges';

const useStyles = makeStyles({
  root: { marginTop: '12px' },
  section: { margin: '12px 0', paddingBottom: '8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '4px 0' },
  status: { margin: '8px 0' },
  findings: { listStyleType: 'none', padding: 0, margin: '4px 0' },
  finding: { display: 'flex', gap: '6px', alignItems: 'flex-start', margin: '2px 0' },
});

interface Outcome {
  kind: 'published' | 'already-published' | 'conflict' | 'waiting';
  fileName: string;
  webUrl?: string;
}

interface Connected {
  library: PlanLibrary;
  outbox: Outbox;
}

function stateText(t: PublishStrings, s: PlanState): string {
  const v = (e: VersionEntry | null) => (e ? e.labelShown || (e.label ? formatVersion(e.label) : '') : '');
  switch (s.kind) {
    case 'draft':
      return t.stateDraft(s.current ? v(s.current) : null);
    case 'submitted':
      return t.stateSubmitted(v(s.current), s.current.forum ?? '');
    case 'approved':
      return t.stateApproved(s.approved.label ? formatVersion(s.approved.label) : v(s.approved), s.approved.forum ?? '', s.approved.date ?? s.approved.dateShown);
    case 'returned':
      return t.stateReturned(v(s.current), s.current.forum ?? '');
  }
}

const errorCount = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error').length;

/** The Versionshantering row in the table's own column order (headers matched as the contract reads them). */
function rowFor(headers: readonly string[], entry: VersionEntry): CellValue[] {
  const [datum, version, beskrivning, andratAv, forum, beslut] = TABLES.versions.headers.map(headerKey);
  return headers.map((h) => {
    const k = headerKey(h);
    if (k === datum) return entry.date ? new Date(`${entry.date}T00:00:00Z`) : entry.dateShown || null;
    if (k === version) return entry.labelShown;
    if (k === beskrivning) return entry.description || null;
    if (k === andratAv) return entry.changedBy || null;
    if (k === forum) return entry.forum;
    if (k === beslut) return entry.decision;
    return null;
  });
}

/** How long edits must pause before the view reads the plan again (typing a column of amounts is many edits). */
const QUIET_MS = 400;

export default function PublishView(props: { host?: InteractiveHost | null; visible?: boolean }) {
  const t = usePublishStrings();
  const lang = useLanguage();
  const styles = useStyles();
  const ids = { state: useId(), record: useId(), publish: useId(), outbox: useId(), hint: useId() };
  const host = props.host ?? null;
  const [config, setConfig] = useState<LibraryConfig | null | undefined>(undefined);
  const connected = useRef<Connected | null>(null);
  const [check, setCheck] = useState<PlanCheck | null>(null);
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [recorded, setRecorded] = useState<Finding[]>([]);
  const [unpublished, setUnpublished] = useState<Finding[]>([]);
  const lastPlan = useRef<Plan | null>(null);
  const [progress, setProgress] = useState<PublishProgress | null>(null);
  const clearProgress = useCallback(() => setProgress(null), []);
  const { busy, error, notice, setNotice, showProgress, work } = useWork({ describe: t.failed, onSettled: clearProgress });

  /**
   * Whether the newest approved version is in the library yet (DECISION_UNPUBLISHED): one list query, not
   * awaited by the read. Older approvals are history, often from before the library, and are not listed.
   */
  const checkPublished = useCallback(async (plan: Plan) => {
    const c = connected.current;
    const newest = latestApproved(plan.versions);
    if (!c || !newest) return setUnpublished([]);
    try {
      const listed = await c.library.listVersions(formatPeriod(plan.info.period));
      const labels = listed.filter((v) => areaKey(v.fields.Tjansteomrade) === areaKey(plan.info.area)).map((v) => v.fields.Version);
      setUnpublished(checkDecisionsPublished([newest], plan.versionTable, labels));
    } catch {
      // The library out of reach says nothing about the plan; the outbox reports on sending.
      setUnpublished([]);
    }
  }, []);

  /** A fresh read of the workbook: state and findings are never taken from an earlier check. */
  const read = useCallback(async () => {
    if (!host) throw new Error(t.noHost);
    const tables = await host.readTables();
    const result = checkTables(tables);
    setCheck(result);
    lastPlan.current = result.plan;
    if (result.plan) void checkPublished(result.plan);
    return { result, tables };
  }, [host, t, checkPublished]);

  const refreshEntries = useCallback(async () => {
    if (connected.current) setEntries(await connected.current.outbox.entries());
  }, []);

  const send = useCallback(async (only?: string[]) => {
    const c = connected.current!;
    const report = await c.outbox.send(c.library, {
      ...(only ? { only } : {}),
      onProgress: (_, p) => setProgress(p),
    });
    await refreshEntries();
    // What landed is no longer unpublished.
    if (report.landed.length > 0 && lastPlan.current) void checkPublished(lastPlan.current);
    return report;
  }, [refreshEntries, checkPublished]);

  // Configuration first; then the outbox, the plan, and whatever an earlier session left waiting.
  useEffect(() => {
    let live = true;
    void loadLibraryConfig().then((c) => live && setConfig(c));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!config || !host) return;
    void work(async () => {
      const store = await IndexedDbOutboxStore.open().catch((e: unknown) => {
        throw new Error(t.outboxUnavailable(e instanceof Error ? e.message : String(e)));
      });
      const client = createGraphClient({ url: config.url, tokens: await config.tokens() });
      connected.current = { library: new GraphPlanLibrary(client, config.location), outbox: new Outbox(store) };
      await refreshEntries();
      await read();
      const pending = await connected.current.outbox.pending();
      if (pending.length > 0) {
        const r = await send();
        setNotice(t.resent(r.landed.length, r.waiting.length, r.failed.length));
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config, host]);

  // What the view says follows the workbook: read again after edits (once they pause) and whenever the
  // view is shown, so neither the state nor the reason it would not publish is ever an earlier read's.
  const quietRead = useCallback(() => void read().catch(() => undefined), [read]);
  useEffect(() => {
    if (!config || !host) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | null = null;
    let live = true;
    void watchWorkbook(() => {
      clearTimeout(timer);
      timer = setTimeout(quietRead, QUIET_MS);
    })
      .then((s) => (live ? (stop = s) : void s?.()))
      .catch(() => undefined);
    return () => {
      live = false;
      clearTimeout(timer);
      void stop?.().catch(() => undefined);
    };
  }, [config, host, quietRead]);
  const shown = props.visible ?? true;
  const everShown = useRef(false);
  useEffect(() => {
    // The first showing is the initial read below; later ones catch up with edits made elsewhere.
    if (!shown || !config || !host) return;
    if (everShown.current) quietRead();
    everShown.current = true;
  }, [shown, config, host, quietRead]);

  /** Records the decision; true when a row was written (the form then starts over). */
  const record = async (input: DecisionInput): Promise<boolean> => {
    let written = false;
    await work(async () => {
      setRecorded([]);
      const { result, tables } = await read();
      const plan = result.plan;
      if (!plan) throw new Error(t.noPlan);
      const raw = findTable(tables, TABLES.versions.name);
      if (!plan.versionTable || !raw) throw new Error(t.noVersionTable);
      const errors = errorCount(result.findings);
      if (input.decision === 'Fastställd' && errors > 0) {
        setNotice(t.approveWithErrors(errors));
        return;
      }
      const { entry, findings } = recordDecision(plan.versions, input, { ref: plan.versionTable, planFindings: result.findings });
      await host!.appendTableRows(raw.name, [rowFor(raw.headers, entry)]);
      written = true;
      let kept: string | null = null;
      if (entry.decision === 'Fastställd') kept = await keepApproval(plan, entry);
      await read();
      setRecorded(findings);
      if (entry.decision !== 'Fastställd') setNotice(t.recorded(entry.labelShown, entry.decision ? t.decisionNames[entry.decision] : ''));
      else setNotice(kept === null ? t.recordedApproved(entry.labelShown) : t.approvalNotKept(entry.labelShown, kept));
    });
    return written;
  };

  /**
   * Keeps the tables as the forum approved them in the workbook (its hidden Fastställd table), for every
   * later check to compare with. The decision row is already written: a failure here is told, not thrown.
   */
  const keepApproval = async (plan: Plan, approved: VersionEntry): Promise<string | null> => {
    try {
      await host!.writeHiddenTable(approvalTable(await approvalOf(plan, approved)));
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };

  /** The same area and version already in the library with the same tables (another export of one file). */
  const publishedTwin = async (library: PlanLibrary, request: PublishRequest) => {
    try {
      const listed = (await library.listVersions(request.fields.Planperiod)).find(
        (v) => v.fields.Tjansteomrade === request.fields.Tjansteomrade && v.fields.Version === request.fields.Version,
      );
      if (!listed) return null;
      if (listed.fileSha256 === request.fileSha256) return listed;
      const [snapshot] = await library.readSnapshots([listed]);
      return snapshot && snapshot.fingerprint === request.snapshot.fingerprint ? listed : null;
    } catch {
      // The outbox will find out (and keep the version) if the library cannot be reached.
      return null;
    }
  };

  const publish = () =>
    work(async () => {
      setOutcome(null);
      const c = connected.current;
      if (!c) throw new Error(t.notConfigured);
      const { result } = await read();
      if (!result.plan) throw new Error(t.noPlan);
      setNotice(t.preparing);
      // A version approved before the add-in kept a record (typed in by hand, say) while the history still
      // ends with it gets one now, before the file is taken, so the published copy carries it too.
      const publishable = versionToPublish(result.plan, result.findings, result.approval);
      if (publishable.ok && publishable.recordNeeded) {
        const failure = await keepApproval(result.plan, publishable.approved);
        if (failure) throw new Error(failure);
      }
      const prep = await preparePublication(result.plan, result.findings, result.approval, await host!.fileBytes());
      if (!prep.ok) {
        setNotice(t.notPublishable(prep, errorCount(result.findings)));
        return;
      }
      const { request } = prep;
      const id = outboxId(request);
      const known = (await c.outbox.entries()).find((e) => e.id === id);
      if (known?.state === 'landed') {
        setOutcome({ kind: 'already-published', fileName: known.fileName, webUrl: known.webUrl });
        setNotice(t.alreadyPublished(known.fileName));
        return;
      }
      if (!known) {
        const twin = await publishedTwin(c.library, request);
        if (twin) {
          setOutcome({ kind: 'already-published', fileName: request.fileName, webUrl: twin.webUrl });
          setNotice(t.alreadyPublished(request.fileName));
          return;
        }
      }
      await c.outbox.add(request);
      const report = await send([id]);
      const landed = report.landed.find((e) => e.id === id);
      const failed = report.failed.find((e) => e.id === id);
      if (landed) {
        const kind = landed.outcome === 'already-published' ? 'already-published' : 'published';
        setOutcome({ kind, fileName: landed.fileName, webUrl: landed.webUrl });
        setNotice(kind === 'published' ? t.published(landed.fileName) : t.alreadyPublished(landed.fileName));
      } else if (failed) {
        setOutcome({ kind: 'conflict', fileName: failed.fileName, webUrl: failed.webUrl });
        setNotice(t.conflict(failed.fileName, failed.reason ?? ''));
      } else {
        const waiting = (await c.outbox.entries()).find((e) => e.id === id);
        setOutcome({ kind: 'waiting', fileName: request.fileName });
        setNotice(t.stillWaiting(request.fileName, waiting?.reason ?? ''));
      }
    });

  const retry = (entry: OutboxEntry) =>
    work(async () => {
      const c = connected.current!;
      const r = await c.outbox.retry(c.library, entry.id, { onProgress: (_, p) => setProgress(p) });
      await refreshEntries();
      if (r.landed.length > 0 && lastPlan.current) void checkPublished(lastPlan.current);
      setNotice(t.resent(r.landed.length, r.waiting.length, r.failed.length));
    });

  // Why the last read would not publish, said before anyone presses the button (publishing reads again).
  // Once per read, not per render: it compares every cell with the approved version.
  const publishable = useMemo(() => (check?.plan ? versionToPublish(check.plan, check.findings, check.approval) : null), [check]);

  if (config === undefined) return <p className={styles.root}>{t.loading}</p>;
  if (config === null || !host) {
    return (
      <MessageBar intent="warning" className={styles.root}>
        <MessageBarBody>{config === null ? t.notConfigured : t.noHost}</MessageBarBody>
      </MessageBar>
    );
  }

  const plan = check?.plan ?? null;
  const state = plan ? planState(plan.versions) : null;
  const approved = plan ? latestApproved(plan.versions) : null;
  const approvedLabel = approved?.label ? formatVersion(approved.label) : null;
  const hint = approvedLabel && publishable && !publishable.ok ? t.notPublishable(publishable, errorCount(check?.findings ?? [])) : null;

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby={ids.state}>
        <h2 id={ids.state} className={styles.heading}>
          {t.stateHeading}
        </h2>
        {check && !plan && <p>{t.noPlan}</p>}
        {state && <p data-testid="plan-state" data-state={state.kind}>{stateText(t, state)}</p>}
        {plan && <p>{approvedLabel ? t.lastApproved(approvedLabel) : t.noneApproved}</p>}
        {check?.approval && <p data-testid="approval-record">{t.recordKept(check.approval.version, check.approval.fingerprint)}</p>}
        {unpublished.map((f, i) => (
          <p key={i} className={styles.finding} data-testid="unpublished">
            <SeverityIcon severity={f.severity} />
            <span>{findingText(f, lang)}</span>
          </p>
        ))}
        <Button disabled={busy} onClick={() => work(async () => void (await read()))}>
          {t.reread}
        </Button>
      </section>

      <WorkStatus
        notice={notice}
        error={error}
        showProgress={showProgress}
        progressLabel={progress ? t.uploading(progress.sentBytes, progress.totalBytes) : t.reading}
        value={progress && progress.totalBytes > 0 ? progress.sentBytes / progress.totalBytes : undefined}
        view="publish"
        testId="publish-status"
      />
      {outcome && (
        <MessageBar intent={outcome.kind === 'published' || outcome.kind === 'already-published' ? 'success' : 'warning'} className={styles.status}>
          <MessageBarBody>
            {outcome.webUrl && (
              <Link href={outcome.webUrl} target="_blank" rel="noopener noreferrer" data-testid="published-link">
                {t.openFile(outcome.fileName)} {t.newTab}
              </Link>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby={ids.record}>
        <h2 id={ids.record} className={styles.heading}>
          {t.recordHeading}
        </h2>
        <DecisionForm history={plan?.versions ?? []} busy={busy} onRecord={record} headingId={ids.record} />
        {recorded.length > 0 && (
          <>
            <h3 className={styles.heading}>{t.recordedFindings}</h3>
            <ul className={styles.findings}>
              {recorded.map((f, i) => (
                <li key={i} className={styles.finding}>
                  <SeverityIcon severity={f.severity} />
                  <span>
                    {f.location?.address ? `${f.location.address}: ` : ''}
                    {findingText(f, lang)}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby={ids.publish}>
        <h2 id={ids.publish} className={styles.heading}>
          {t.publishHeading}
        </h2>
        {/* Disabled while the pane already says why it would refuse (pressing would only repeat it), yet
            focusable, so a keyboard user reaches it and hears the reason it is described by. */}
        <Button
          appearance="primary"
          disabled={(busy || !approvedLabel) && hint === null}
          disabledFocusable={hint !== null}
          onClick={publish}
          aria-describedby={hint ? ids.hint : undefined}
        >
          {approvedLabel ? t.publish(approvedLabel) : t.publishNone}
        </Button>
        {hint && (
          <p id={ids.hint} data-testid="publish-hint">
            {hint}
          </p>
        )}
      </section>

      <section className={styles.section} aria-labelledby={ids.outbox}>
        <h2 id={ids.outbox} className={styles.heading}>
          {t.outboxHeading}
        </h2>
        <OutboxList entries={entries} busy={busy} onRetry={retry} labelledBy={ids.outbox} />
      </section>
    </div>
  );
}
