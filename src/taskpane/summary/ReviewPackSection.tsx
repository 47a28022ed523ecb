/**
 * Granskningsunderlag in Sammanställning: finance prepares a forum's review pack (issue 14) — the same
 * `buildReviewPack` as `tjansteplan pack --publish` — and puts it in the library beside the plans, where the
 * forum's members open it in Excel for the web, or opens it here as a new workbook. exceljs (the workbook
 * writer) is a chunk of its own, loaded on the first click, never with the pane.
 */
import { Button, Field, Input, Link, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { localDay } from '../../app/ports';
import { buildReviewPack, type ReviewPackOutcome } from '../../app/reviewPack';
import { parsePeriod, formatPeriod } from '../../domain/period';
import type { Forum } from '../../domain/versions';
import { LibraryUnavailable } from '../../publish/errors';
import { forumDocumentName, forumFolder } from '../../publish/forumDocuments';
import type { PackSheet } from '../../workbook/contract/reviewPackTables';
import { readCityFrame } from '../../workbook/contract/readFrame';
import type { InteractiveHost } from '../../workbook/host';
import { deliverWorkbook } from '../plan/newWorkbook';
import type { Connected } from '../shared/libraryConnection';
import { useWork } from '../useWork';
import { WorkStatus } from '../WorkStatus';
import { framePeriod } from './framePeriod';
import { usePackStrings } from './packStrings';

const useStyles = makeStyles({
  section: { marginTop: '20px', paddingTop: '8px', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  title: { margin: '8px 0 4px', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: '4px 0 8px', fontSize: tokens.fontSizeBase300 },
  form: { display: 'flex', flexDirection: 'column', gap: '8px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
});

const FORUMS: readonly Forum[] = ['TF', 'PF', 'BF'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The sheets as workbook bytes, through the browser's exceljs chunk (loaded here, on use). */
const write = async (sheets: readonly PackSheet[]) => (await import('../../workbook/file/tablesToXlsx')).sheetsToXlsx(sheets);

/** A link only to a web address: the library's answer is not trusted to be one. */
const webAddress = (url: string) => (/^https?:\/\//i.test(url) ? url : null);

export function ReviewPackSection(props: { host: InteractiveHost; connection: Connected | null | undefined; periodText: string }) {
  const { host, connection, periodText } = props;
  const t = usePackStrings();
  const styles = useStyles();
  const [forum, setForum] = useState<Forum>('PF');
  const [date, setDate] = useState(() => localDay(new Date()));
  const [dateError, setDateError] = useState<string | undefined>();
  const [link, setLink] = useState<string | null>(null);
  const { busy, error, setError, notice, setNotice, showProgress, work } = useWork({ clearNotice: true });

  /** The view's period field, or the open frame workbook's years. */
  const period = async (): Promise<string | null> => {
    if (periodText.trim() !== '') {
      const p = parsePeriod(periodText);
      return p ? formatPeriod(p) : null;
    }
    const tables = await host.readTables();
    if (!tables.some((x) => x.name.toLowerCase() === 'budgetram')) return null;
    return framePeriod(readCityFrame(tables).frame);
  };

  const run = (publish: boolean) => {
    const day = date.trim();
    if (publish && (!ISO_DATE.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))) {
      setDateError(t.packDateInvalid);
      return;
    }
    setDateError(undefined);
    setLink(null);
    void work(async () => {
      if (!connection) return;
      const name = await period();
      if (!name) throw new Error(t.packNoPeriod);
      let outcome: ReviewPackOutcome;
      try {
        outcome = await buildReviewPack({ forum, period: name, ...(publish ? { publish: { date: day } } : {}) }, { library: connection.library, write });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        throw new Error(e instanceof LibraryUnavailable ? t.packUnreachable(message) : t.packUnreadable(message));
      }
      if (outcome.kind === 'nothing-approved') {
        setNotice(t.packNothing(name));
        return;
      }
      if (!publish) {
        const file = forumDocumentName('Granskningsunderlag', forum, ISO_DATE.test(day) ? day : localDay(new Date()));
        const how = await deliverWorkbook(outcome.bytes, file);
        setNotice(how === 'created' ? t.packCreated(forum, name, outcome.pack.areas.length) : t.packDownloaded(file));
        return;
      }
      said(outcome, name);
    });
  };

  /** The library's answer in the status, with a link to the workbook when it is there. */
  const said = (outcome: Extract<ReviewPackOutcome, { kind: 'built' }>, name: string) => {
    const p = outcome.publication;
    if (!p) return;
    if (p.kind === 'failed') return setError(t.packPublishFailed(p.message));
    if (p.kind === 'conflict') return setError(t.packConflict(`${forumFolder(name)}/${p.existing.name}`));
    const where = `${forumFolder(name)}/${p.document.name}`;
    setNotice(p.kind === 'published' ? t.packPublished(where, outcome.pack.areas.length, outcome.changed) : t.packAlready(where));
    setLink(webAddress(p.document.webUrl));
  };

  return (
    <section className={styles.section} aria-labelledby="review-pack-title">
      <h2 id="review-pack-title" className={styles.title}>
        {t.packTitle}
      </h2>
      <p className={styles.intro}>{connection === null ? t.packNoLibrary : t.packIntro}</p>
      <form
        className={styles.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run(true);
        }}
      >
        <Field label={t.packForum}>
          <RadioGroup value={forum} onChange={(_, d) => setForum(d.value as Forum)}>
            {FORUMS.map((f) => (
              <Radio key={f} value={f} label={t[`forum${f}`]} />
            ))}
          </RadioGroup>
        </Field>
        <Field label={t.packDate} hint={t.packDateHint} validationMessage={dateError}>
          <Input value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={busy || !connection}>
            {t.packPublish}
          </Button>
          <Button disabled={busy || !connection} onClick={() => run(false)}>
            {t.packOpen}
          </Button>
        </div>
      </form>
      <WorkStatus notice={notice} error={error} showProgress={showProgress} progressLabel={t.packBuilding} view="summary-pack" />
      {link && (
        <Link href={link} target="_blank" rel="noopener noreferrer" data-testid="pack-link">
          {t.packOpenInLibrary}
        </Link>
      )}
    </section>
  );
}
