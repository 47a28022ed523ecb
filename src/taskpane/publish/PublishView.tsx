/**
 * Publicering: where the plan stands, recording a forum's decision in Versionshantering (a version sent to a
 * forum is published as it is recorded), publishing the newest approved version through the outbox to the
 * library, and the outbox itself. Says plainly when no library is configured. The work is usePublishing's,
 * which calls src/app; this view renders.
 */
import { Button, Link, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import type { Finding } from '../../domain/findings';
import { formatVersion, latestApproved, type VersionEntry } from '../../domain/versions';
import { planState, type PlanState } from '../../domain/workflow';
import { versionToPublish } from '../../publish/prepare';
import type { InteractiveHost } from '../../workbook/host';
import { useLanguage } from '../i18n';
import { findingText } from '../text';
import { SeverityIcon } from '../plan/SeverityIcon';
import { WorkStatus } from '../WorkStatus';
import { DecisionForm } from './DecisionForm';
import { OutboxList } from './OutboxList';
import { usePublishStrings, type PublishStrings } from './strings';
import { usePublishing } from './usePublishing';

const useStyles = makeStyles({
  root: { marginTop: '12px' },
  section: { margin: '12px 0', paddingBottom: '8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '4px 0' },
  status: { margin: '8px 0' },
  findings: { listStyleType: 'none', padding: 0, margin: '4px 0' },
  finding: { display: 'flex', gap: '6px', alignItems: 'flex-start', margin: '2px 0' },
});

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

export default function PublishView(props: { host?: InteractiveHost | null; visible?: boolean }) {
  const t = usePublishStrings();
  const lang = useLanguage();
  const styles = useStyles();
  const ids = { state: useId(), record: useId(), publish: useId(), outbox: useId(), hint: useId() };
  const host = props.host ?? null;
  const { config, check, entries, outcome, recorded, unpublished, progress, status, read, record, publish, retry } = usePublishing(host, props.visible ?? true);
  const { busy, error, notice, showProgress, work } = status;

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
