/**
 * "Granskningsunderlag…" in Sammanställning: finance prepares a forum's review pack (issue 14) — the same
 * `buildReviewPack` as `tjansteplan pack --publish` — and puts it in the library beside the plans, where the
 * forum's members open it in Excel for the web, or opens it here as a new workbook. The outcome is told in
 * the view's status. exceljs (the workbook writer) is a chunk of its own, loaded on confirmation, never with
 * the pane. When the open workbook has finance's Budgetram (what Sammanställning consolidates against), the
 * pack gets the Ram sheet from it, as `pack --frame` does.
 */
import { Button, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { FormDialog } from '../shared/FormDialog';
import { localDay } from '../../app/ports';
import { buildReviewPack, type ReviewPackOutcome } from '../../app/reviewPack';
import type { Finding, Severity } from '../../domain/findings';
import { framePeriod, type CityFrame } from '../../domain/frame';
import { formatPeriod, parsePeriod } from '../../domain/period';
import type { Forum } from '../../domain/versions';
import { LibraryUnavailable, messageOf } from '../../publish/errors';
import { forumDocumentName, forumFolder } from '../../publish/forumDocuments';
import type { PackSheet, ReviewPack } from '../../workbook/contract/reviewPackTables';
import { hasFrameTable, readCityFrame } from '../../workbook/contract/readFrame';
import type { InteractiveHost } from '../../workbook/host';
import { deliverWorkbook } from '../plan/newWorkbook';
import type { Connected } from '../shared/libraryConnection';
import { usePackStrings } from './packStrings';


const FORUMS: readonly Forum[] = ['TF', 'PF', 'BF'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** The sheets as workbook bytes, through the browser's exceljs chunk (loaded here, on use). */
const write = async (sheets: readonly PackSheet[]) => (await import('../../workbook/file/tablesToXlsx')).sheetsToXlsx(sheets);

/** A link only to a web address: the library's answer is not trusted to be one. */
const webAddress = (url: string) => (/^https:\/\//i.test(url) ? url : null);

export interface ReviewPackDialogProps {
  host: InteractiveHost;
  connection: Connected | null | undefined;
  /** What the view's Planperiod field says: the dialog's period when set, else the open frame's years. */
  periodText: string;
  busy: boolean;
  /** The view's way of running work (busy, progress, errors in its status). */
  work: (task: () => Promise<void>) => Promise<void>;
  setNotice: (text: string) => void;
  setError: (text: string) => void;
  /** Where the published pack opens (shown under the status), or null. */
  setLink: (url: string | null) => void;
  /** Told when the pack's work starts, so the view's progress bar is named for it. */
  onStart: () => void;
}

export function ReviewPackDialog(props: ReviewPackDialogProps) {
  const { host, connection, periodText, busy, work, setNotice, setError, setLink, onStart } = props;
  const t = usePackStrings();
  const [open, setOpen] = useState(false);
  const [forum, setForum] = useState<Forum>('PF');
  const [date, setDate] = useState(() => localDay(new Date()));
  const [period, setPeriod] = useState('');
  const [tried, setTried] = useState(false);

  const show = () =>
    work(async () => {
      setLink(null);
      setTried(false);
      setPeriod(await startPeriod());
      setOpen(true);
    });

  /** The view's period field, or the open frame workbook's years, or nothing to start from. */
  const startPeriod = async (): Promise<string> => {
    if (periodText.trim() !== '') return periodText.trim();
    const frame = await openFrame();
    const covered = frame && framePeriod(frame.frame);
    return covered ? formatPeriod(covered) : '';
  };

  /**
   * The open workbook's Budgetram, read as Sammanställning reads it, with its findings (the pack lists them on
   * its Ram sheet); null when it has none (or an empty one).
   */
  const openFrame = async (): Promise<{ frame: CityFrame; findings: Finding[] } | null> => {
    const tables = await host.readTables();
    if (!hasFrameTable(tables)) return null;
    const reading = readCityFrame(tables);
    return reading.frame.areas.size > 0 || reading.frame.city.size > 0 ? reading : null;
  };

  const chosen = parsePeriod(period);
  const day = date.trim();

  const run = (publish: boolean) => {
    setTried(true);
    if (!chosen || (publish && !isDate(day)) || !connection) return;
    setOpen(false);
    setLink(null);
    onStart();
    const name = formatPeriod(chosen);
    void work(async () => {
      let outcome: ReviewPackOutcome;
      // A version whose list item or snapshot cannot be used is left out; the others make the pack, and the
      // notice says how many were.
      let left = 0;
      const frame = await openFrame();
      // The Ram sheet's findings (the frame's and the consolidation's, e.g. an area with a frame but no approved
      // version, missing from the pack) are counted in the notice, so they are not found only by opening the pack.
      const also = (text: string, pack?: ReviewPack) => {
        const onRam = pack?.frame?.findings;
        const count = (severity: Severity) => onRam?.filter((f) => f.severity === severity).length ?? 0;
        return [text, ...(onRam ? [t.withFrame(count('error'), count('warning'))] : []), ...(left > 0 ? [t.skipped(left)] : [])].join(' ');
      };
      try {
        outcome = await buildReviewPack(
          { forum, period: name, ...(publish ? { publish: { date: day } } : {}), ...(frame ? { frame: frame.frame, frameFindings: frame.findings } : {}) },
          { library: connection.library, write, skip: () => left++ },
        );
      } catch (e) {
        const message = messageOf(e);
        throw new Error(e instanceof LibraryUnavailable ? t.unreachable(message) : t.unreadable(message));
      }
      if (outcome.kind === 'nothing-approved') return setNotice(also(t.nothing(name)));
      if (!publish) {
        const file = forumDocumentName('Granskningsunderlag', forum, isDate(day) ? day : localDay(new Date()));
        const how = await deliverWorkbook(outcome.bytes, file);
        return setNotice(also(how === 'created' ? t.created(forum, name, outcome.pack.areas.length) : t.downloaded(file), outcome.pack));
      }
      const p = outcome.publication!;
      if (p.kind === 'failed') return setError(t.publishFailed(p.message));
      if (p.kind === 'conflict') return setError(t.conflict(`${forumFolder(name)}/${p.existing.name}`));
      const where = `${forumFolder(name)}/${p.document.name}`;
      setNotice(also(p.kind === 'published' ? t.published(where, outcome.pack.areas.length, outcome.changed) : t.already(where), outcome.pack));
      setLink(webAddress(p.document.webUrl));
    });
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      opener={{ label: t.open, disabled: busy || !connection, onShow: () => void show() }}
      title={t.title}
      intro={t.intro}
      cancel={t.cancel}
      onSubmit={() => run(true)}
      fluidActions
      actions={
        <>
          <Button type="button" onClick={() => run(false)}>
            {t.openHere}
          </Button>
          <Button type="submit" appearance="primary">
            {t.publish}
          </Button>
        </>
      }
    >
      <Field label={t.forum}>
        <RadioGroup value={forum} onChange={(_, d) => setForum(d.value as Forum)}>
          {FORUMS.map((f) => (
            <Radio key={f} value={f} label={t.forumNames[f]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t.period} required hint={t.periodHint} validationMessage={tried && !chosen ? t.periodInvalid : undefined} validationState={tried && !chosen ? 'error' : 'none'}>
        <Input value={period} onChange={(_, d) => setPeriod(d.value)} />
      </Field>
      <Field label={t.date} required hint={t.dateHint} validationMessage={tried && !isDate(day) ? t.dateInvalid : undefined} validationState={tried && !isDate(day) ? 'error' : 'none'}>
        <Input value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
    </FormDialog>
  );
}
