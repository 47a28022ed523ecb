/**
 * Publicering's state and its actions, for PublishView to render: the library and the outbox (connected once
 * the configuration is known), the plan as last read (read again after edits and on showing), and the user's
 * actions, each one call to src/app (recordDecision, publishVersion) whose outcome becomes words here.
 * Every piece of work goes through `work()`: errors become a message, never a broken pane.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Publishing } from '../../app/ports';
import type { Delivery } from '../../app/deliver';
import { publishVersion } from '../../app/publishVersion';
import { recordDecision, type ForumPublication } from '../../app/recordDecision';
import { isApproved } from '../../app/approvedVersions';
import { areaKey } from '../../domain/frame';
import type { Finding } from '../../domain/findings';
import { formatPeriod } from '../../domain/period';
import type { Plan } from '../../domain/plan';
import { checkDecisionsPublished } from '../../domain/rules/decisionLedger';
import { latestApproved } from '../../domain/versions';
import type { DecisionInput } from '../../domain/workflow';
import { IndexedDbOutboxStore } from '../../publish/browser/indexedDbOutboxStore';
import { Outbox, type OutboxEntry } from '../../publish/outbox';
import type { PlanLibrary, PublishProgress } from '../../publish/planLibrary';
import { checkTables, type PlanCheck } from '../../workbook/checkPlan';
import type { InteractiveHost } from '../../workbook/host';
import { useLanguage } from '../i18n';
import { useWork } from '../useWork';
import { loadLibraryConfig, type LibraryConfig } from '../shared/libraryConfig';
import { libraryOf } from '../shared/libraryConnection';
import { usePublishStrings, type PublishStrings } from './strings';
import { watchWorkbook } from './workbookChanges';
import { messageOf } from '../../publish/errors';

export interface Outcome {
  kind: 'published' | 'already-published' | 'conflict' | 'waiting';
  fileName: string;
  webUrl?: string;
}

/** The library (shared/libraryConnection.ts, as every view reaches it) and the outbox in front of it. */
interface Connected {
  library: PlanLibrary;
  outbox: Outbox;
}

/** How long edits must pause before the view reads the plan again (typing a column of amounts is many edits). */
const QUIET_MS = 400;

const errorCount = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error').length;

/** What a delivery came to, as the link under the status and the status's words. */
function told(t: PublishStrings, d: Delivery): { outcome: Outcome; notice: string } {
  if (d.kind === 'no-library') return { outcome: { kind: 'waiting', fileName: d.fileName }, notice: t.stillWaiting(d.fileName, String(d.error)) };
  if (d.kind === 'already-published') return { outcome: { kind: 'already-published', fileName: d.fileName, webUrl: d.webUrl }, notice: t.alreadyPublished(d.fileName) };
  const e = d.entry;
  if (e?.state === 'landed') {
    const kind = e.outcome === 'already-published' ? 'already-published' : 'published';
    return { outcome: { kind, fileName: e.fileName, webUrl: e.webUrl }, notice: kind === 'published' ? t.published(e.fileName) : t.alreadyPublished(e.fileName) };
  }
  if (e?.state === 'failed') return { outcome: { kind: 'conflict', fileName: e.fileName, webUrl: e.webUrl }, notice: t.conflict(e.fileName, e.reason ?? '') };
  return { outcome: { kind: 'waiting', fileName: d.fileName }, notice: t.stillWaiting(d.fileName, e?.reason ?? '') };
}

export function usePublishing(host: InteractiveHost | null, shown: boolean) {
  const t = usePublishStrings();
  const lang = useLanguage();
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
  const status = useWork({ describe: t.failed, onSettled: clearProgress });
  const { work, setNotice } = status;

  /**
   * Whether the newest approved version is in the library yet (DECISION_UNPUBLISHED): one list query, not
   * awaited by the read. Older approvals are history, often from before the library, and are not listed;
   * versions sent to a forum are listed too, but are not the approval.
   */
  const checkPublished = useCallback(async (plan: Plan) => {
    const c = connected.current;
    const newest = latestApproved(plan.versions);
    if (!c || !newest) return setUnpublished([]);
    try {
      const listed = await c.library.listVersions(formatPeriod(plan.info.period));
      const labels = listed
        .filter((v) => areaKey(v.fields.Tjansteomrade) === areaKey(plan.info.area) && isApproved(v))
        .map((v) => v.fields.Version);
      setUnpublished(checkDecisionsPublished([newest], plan.versionTable, labels));
    } catch {
      // The library out of reach says nothing about the plan; the outbox reports on sending.
      setUnpublished([]);
    }
  }, []);

  /** What a read found: state and findings are never taken from an earlier check. */
  const took = useCallback(
    (result: PlanCheck) => {
      setCheck(result);
      lastPlan.current = result.plan;
      if (result.plan) void checkPublished(result.plan);
    },
    [checkPublished],
  );

  const read = useCallback(async () => {
    if (!host) throw new Error(t.noHost);
    const result = checkTables(await host.readTables());
    took(result);
    return result;
  }, [host, t, took]);

  const refreshEntries = useCallback(async () => {
    if (connected.current) setEntries(await connected.current.outbox.entries());
  }, []);

  /** After anything went to the library: the outbox as it stands, and what landed is no longer unpublished. */
  const afterSending = useCallback(async () => {
    await refreshEntries();
    if (lastPlan.current) void checkPublished(lastPlan.current);
  }, [refreshEntries, checkPublished]);

  const publishing = (c: Connected): Publishing => ({ library: c.library, outbox: c.outbox, onProgress: (_, p) => setProgress(p) });

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
        throw new Error(t.outboxUnavailable(messageOf(e)));
      });
      const c = (connected.current = { library: await libraryOf(config), outbox: new Outbox(store) });
      await refreshEntries();
      await read();
      if ((await c.outbox.pending()).length > 0) {
        const r = await c.outbox.send(c.library, { onProgress: (_, p) => setProgress(p) });
        await afterSending();
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
  const everShown = useRef(false);
  useEffect(() => {
    // The first showing is the initial read; later ones catch up with edits made elsewhere.
    if (!shown || !config || !host) return;
    if (everShown.current) quietRead();
    everShown.current = true;
  }, [shown, config, host, quietRead]);

  /** What became of the version sent to (or returned by) a forum, in words after the decision's. */
  const publicationText = (p: ForumPublication, errors: number): string => {
    if (p.kind === 'refused') return t.notPublishable(p.refusal, errors);
    if (p.kind === 'not-sent') return t.forumVersionNotSent(p.reason);
    const { outcome: o, notice } = told(t, p);
    setOutcome(o);
    return notice;
  };

  /** Records the decision; true when a row was written (the form then starts over). */
  const record = async (input: DecisionInput): Promise<boolean> => {
    let written = false;
    await work(async () => {
      setRecorded([]);
      setOutcome(null);
      if (!host) throw new Error(t.noHost);
      const c = connected.current;
      const r = await recordDecision(input, { workbook: host, publishing: c ? publishing(c) : null });
      if (r.kind !== 'recorded') took(r.check);
      switch (r.kind) {
        case 'no-plan':
          throw new Error(t.noPlan);
        case 'no-version-table':
          throw new Error(t.noVersionTable);
        case 'approve-with-errors':
          return setNotice(t.approveWithErrors(r.errors));
        case 'over-frame':
          return setNotice(lang === 'en' ? r.refusal.messageEn : r.refusal.message);
      }
      written = true;
      const { entry } = r;
      const after = await read();
      setRecorded(r.findings);
      if (r.publication) await afterSending();
      const sent = r.publication ? ` ${publicationText(r.publication, errorCount(after.findings))}` : '';
      if (entry.decision !== 'Fastställd') setNotice(t.recorded(entry.labelShown, entry.decision ? t.decisionNames[entry.decision] : '') + sent);
      else setNotice(r.approvalNotKept === null ? t.recordedApproved(entry.labelShown) : t.approvalNotKept(entry.labelShown, r.approvalNotKept));
    });
    return written;
  };

  const publish = () =>
    work(async () => {
      setOutcome(null);
      const c = connected.current;
      if (!c) throw new Error(t.notConfigured);
      if (!host) throw new Error(t.noHost);
      setNotice(t.preparing);
      const r = await publishVersion({ ...publishing(c), workbook: host, fileBytes: () => host.fileBytes(), keepApproval: true });
      took(r.check);
      switch (r.kind) {
        case 'no-plan':
          throw new Error(t.noPlan);
        case 'record-failed':
          throw new Error(r.reason);
        case 'refused':
          return setNotice(t.notPublishable(r.refusal, errorCount(r.check.findings)));
      }
      if (r.kind === 'sent') await afterSending();
      const { outcome: o, notice } = told(t, r);
      setOutcome(o);
      setNotice(notice);
    });

  const retry = (entry: OutboxEntry) =>
    work(async () => {
      const c = connected.current!;
      const r = await c.outbox.retry(c.library, entry.id, { onProgress: (_, p) => setProgress(p) });
      if (r.landed.length > 0) await afterSending();
      else await refreshEntries();
      setNotice(t.resent(r.landed.length, r.waiting.length, r.failed.length));
    });

  return { config, check, entries, outcome, recorded, unpublished, progress, status, read, record, publish, retry };
}
