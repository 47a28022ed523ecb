/**
 * Registrera beslut: forum, decision, date, who, what, and the version — prefilled with the suggested label
 * (shown as a hint) until the user types another; never forced. It opens as a draft with no forum, and starts
 * over after each recorded decision: an approval is always chosen, never left over from the last one.
 */
import { Button, Field, Input, makeStyles, Select, Textarea } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { DECISIONS, FORUMS, type Decision, type Forum, type VersionEntry } from '../../domain/versions';
import { suggestNextVersion, type DecisionInput, type VersionIntent } from '../../domain/workflow';
import { usePublishStrings } from './strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px', margin: '8px 0' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  narrow: { minWidth: '110px', flexGrow: 1 },
});

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function intentOf(forum: Forum | null, decision: Decision): VersionIntent {
  if (decision === 'Utkast' || decision === 'Inskickad') return { decision };
  return { forum: forum ?? 'TF', decision };
}

export function DecisionForm(props: { history: readonly VersionEntry[]; busy: boolean; onRecord: (input: DecisionInput) => Promise<boolean>; headingId: string }) {
  const t = usePublishStrings();
  const styles = useStyles();
  const id = useId();
  const [forum, setForum] = useState<Forum | ''>('');
  const [decision, setDecision] = useState<Decision>('Utkast');
  const [date, setDate] = useState(today());
  const [changedBy, setChangedBy] = useState('');
  const [description, setDescription] = useState('');
  // null: follow the suggestion; a string: what the user typed.
  const [typed, setTyped] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ field: 'forum' | 'version' | 'date'; message: string } | null>(null);

  const suggestion = suggestNextVersion(props.history, intentOf(forum || null, decision));
  const version = typed ?? suggestion.text;
  const needsForum = decision === 'Fastställd' || decision === 'Återremitterad';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (needsForum && !forum) return setProblem({ field: 'forum', message: t.forumNeeded });
    if (version.trim() === '') return setProblem({ field: 'version', message: t.versionNeeded });
    if (date.trim() === '') return setProblem({ field: 'date', message: t.dateNeeded });
    setProblem(null);
    void props.onRecord({ date, version, description, changedBy, forum: forum || null, decision }).then((written) => {
      if (!written) return;
      // Who records stays (it is the same person); the decision itself starts over.
      setForum('');
      setDecision('Utkast');
      setDate(today());
      setTyped(null);
      setDescription('');
    });
  };
  const error = (field: 'forum' | 'version' | 'date') => (problem?.field === field ? { validationState: 'error' as const, validationMessage: problem.message } : {});

  return (
    <form className={styles.form} aria-labelledby={props.headingId} onSubmit={submit} noValidate>
      <div className={styles.row}>
        <Field label={t.forum} className={styles.narrow} {...error('forum')}>
          <Select id={`${id}-forum`} value={forum} onChange={(_, d) => setForum(d.value as Forum | '')}>
            <option value="">{t.noForum}</option>
            {FORUMS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.decision} className={styles.narrow} hint={forum && (decision === 'Inskickad' || decision === 'Återremitterad') ? t.publishedOnRecord(forum) : undefined}>
          <Select id={`${id}-decision`} value={decision} onChange={(_, d) => setDecision(d.value as Decision)}>
            {DECISIONS.map((d) => (
              <option key={d} value={d}>
                {t.decisionNames[d]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t.date} className={styles.narrow} {...error('date')}>
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Field label={t.version} className={styles.narrow} hint={t.suggestion(suggestion.text, suggestion.reason)} {...error('version')}>
          <Input value={version} onChange={(_, d) => setTyped(d.value)} />
        </Field>
      </div>
      <Field label={t.changedBy}>
        <Input value={changedBy} onChange={(_, d) => setChangedBy(d.value)} autoComplete="name" />
      </Field>
      <Field label={t.description}>
        <Textarea value={description} onChange={(_, d) => setDescription(d.value)} resize="vertical" />
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabled={props.busy}>
          {t.record}
        </Button>
      </div>
    </form>
  );
}
