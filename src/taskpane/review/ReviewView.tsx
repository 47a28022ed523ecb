/**
 * Granskning: the open workbook against a published version, or two published versions of the area; the
 * diff (added, removed, renamed, amounts with deltas, frame) and the Swedish change note, which the reviewer
 * edits and approves into a new Versionshantering row.
 */
import { Button, Field, makeStyles, Radio, RadioGroup, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { recordDecision } from '../../app/recordDecision';
import { changeNotes, diffPlans, versionOfPlan, versionOfSnapshot, type PlanDiff } from '../../domain/diff';
import { areaKey } from '../../domain/frame';
import { formatPeriod } from '../../domain/period';
import type { PublishedVersion } from '../../publish/planLibrary';
import { checkWorkbook } from '../../workbook/checkPlan';
import type { InteractiveHost } from '../../workbook/host';
import { newestFirst } from '../../app/approvedVersions';
import { connectLibrary, type Connected } from '../shared/libraryConnection';
import { useWork } from '../useWork';
import { WorkStatus } from '../WorkStatus';
import { DiffView } from './DiffView';
import { useReviewStrings } from './strings';
import { defaultChoice, stateOf } from './versionChoice';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px', margin: '12px 0' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  intro: { margin: '8px 0', fontSize: tokens.fontSizeBase300 },
  notes: { marginTop: '12px', display: 'flex', flexDirection: 'column', gap: '8px' },
});

type Mode = 'workbook' | 'published';

export default function ReviewView(props: { host: InteractiveHost }) {
  const { host } = props;
  const t = useReviewStrings();
  const styles = useStyles();
  const [mode, setMode] = useState<Mode>('workbook');
  const [connected, setConnected] = useState<Connected | null>(null);
  const [versions, setVersions] = useState<PublishedVersion[] | null>(null);
  const [beforeId, setBeforeId] = useState('');
  const [afterId, setAfterId] = useState('');
  const [diff, setDiff] = useState<{ diff: PlanDiff; beforeLabel: string; afterLabel: string } | null>(null);
  const [notes, setNotes] = useState('');
  const { busy, error, setError, notice, setNotice, showProgress, work } = useWork({ clearNotice: true });
  const labelOf = (v: PublishedVersion) => t.versionOption(v.fields.Version, stateOf(v), v.fields.Beslutsdatum.slice(0, 10));
  const choose = (c: { beforeId: string; afterId: string }) => {
    setBeforeId(c.beforeId);
    setAfterId(c.afterId);
  };

  const readPlan = async () => {
    const { plan } = await checkWorkbook(host);
    if (!plan) throw new Error(t.noPlan);
    return plan;
  };

  const library = async () => {
    const c = connected ?? (await connectLibrary());
    if (!c) throw new Error(t.noLibrary);
    setConnected(c);
    return c.library;
  };

  const load = () =>
    work(async () => {
      const plan = await readPlan();
      const period = formatPeriod(plan.info.period);
      const all = (await (await library()).listVersions(period)).filter((v) => areaKey(v.fields.Tjansteomrade) === areaKey(plan.info.area));
      all.sort(newestFirst);
      setVersions(all);
      choose(defaultChoice(all, mode));
      setNotice(all.length === 0 ? t.noVersions(plan.info.area, period) : t.versionsFound(all.length, plan.info.area, period));
    });

  const compare = () =>
    work(async () => {
      const before = versions?.find((v) => v.itemId === beforeId);
      const after = mode === 'published' ? versions?.find((v) => v.itemId === afterId) : undefined;
      if (!before || (mode === 'published' && !after)) throw new Error(t.chooseBoth);
      const lib = await library();
      const snapshots = await lib.readSnapshots(after ? [before, after] : [before]);
      const old = versionOfSnapshot(snapshots[0]);
      const now = after ? versionOfSnapshot(snapshots[1]) : versionOfPlan(await readPlan());
      const d = diffPlans(old, now);
      const lines = changeNotes(d);
      setDiff({ diff: d, beforeLabel: labelOf(before), afterLabel: after ? labelOf(after) : t.openWorkbook });
      setNotes(lines.join('\n'));
      setNotice(t.compared(lines.length));
    });

  const approve = () =>
    work(async () => {
      const text = notes.trim();
      if (text === '') throw new Error(t.emptyNotes);
      if (typeof host.appendTableRows === 'function') {
        // A draft row (the next draft label, today) through the one action that records a row.
        const r = await recordDecision({ description: text, changedBy: '', forum: null, decision: 'Utkast' }, { workbook: host });
        if (r.kind === 'no-version-table') throw new Error(t.noVersionTable);
        if (r.kind !== 'recorded') throw new Error(t.noPlan);
        setNotice(t.appended(r.entry.labelShown));
        return;
      }
      try {
        await navigator.clipboard.writeText(text);
        setNotice(t.copied);
      } catch {
        setError(t.copyFailed);
      }
    });

  const options = (versions ?? []).map((v) => (
    <option key={v.itemId} value={v.itemId}>
      {labelOf(v)}
    </option>
  ));

  return (
    <div>
      <p className={styles.intro}>{t.intro}</p>
      <div className={styles.form}>
        <Field label={t.mode}>
          <RadioGroup
            value={mode}
            onChange={(_, d) => {
              setMode(d.value as Mode);
              // The baseline differs by mode (versionChoice.ts): a choice not yet made follows it.
              if (versions) choose(defaultChoice(versions, d.value as Mode));
            }}
          >
            <Radio value="workbook" label={t.modeWorkbook} />
            <Radio value="published" label={t.modePublished} />
          </RadioGroup>
        </Field>
        <div className={styles.actions}>
          <Button appearance={versions ? 'secondary' : 'primary'} disabled={busy} onClick={() => void load()}>
            {t.loadVersions}
          </Button>
        </div>
        {versions && versions.length > 0 && (
          <>
            <Field label={t.before}>
              <Select value={beforeId} onChange={(_, d) => setBeforeId(d.value)}>
                {options}
              </Select>
            </Field>
            {mode === 'published' && (
              <Field label={t.after}>
                <Select value={afterId} onChange={(_, d) => setAfterId(d.value)}>
                  {options}
                </Select>
              </Field>
            )}
            <div className={styles.actions}>
              <Button appearance="primary" disabled={busy} onClick={() => void compare()}>
                {t.compare}
              </Button>
            </div>
          </>
        )}
      </div>
      <WorkStatus notice={notice} error={error} showProgress={showProgress} progressLabel={t.compare} view="review" />
      {diff && (
        <>
          <DiffView diff={diff.diff} beforeLabel={diff.beforeLabel} afterLabel={diff.afterLabel} />
          <div className={styles.notes}>
            <Field label={t.notes} hint={t.notesHint}>
              <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} resize="vertical" rows={Math.min(12, Math.max(3, notes.split('\n').length + 1))} />
            </Field>
            <div className={styles.actions}>
              <Button appearance="primary" disabled={busy || notes.trim() === ''} onClick={() => void approve()}>
                {t.approve}
              </Button>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
