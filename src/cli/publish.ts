/**
 * `tjansteplan publish --library URL [--token T] [--outbox FILE] [--ca PATH] [--lang sv|en] FILE`: publishes
 * the file's newest approved version. It goes into the outbox first, so a run that is killed or cannot reach
 * the library loses nothing: the next run (with the same outbox) sends it, resuming an interrupted upload,
 * together with anything else still waiting there.
 * Exit 0 when it landed (or was already there), 1 when it is refused (errors in the plan, no approved
 * version, the name taken by another file), 2 when the file cannot be read or the library cannot be reached.
 * `--lang en` gives the reason for a refusal in English; the command's other lines are Swedish, as in validate.
 */
import os from 'node:os';
import path from 'node:path';
import type { Language } from '../domain/findings';
import { FileOutboxStore } from '../publish/node/fileOutboxStore';
import { nodePlanLibrary } from '../publish/node/connect';
import { Outbox, outboxId, type OutboxEntry } from '../publish/outbox';
import { preparePublication } from '../publish/prepare';
import { checkWorkbook } from '../workbook/checkPlan';
import { openWorkbook } from './files';
import { progressBar, type Progress } from './progress';
import { resolveToken } from './token';

export interface PublishCommandOptions {
  library: string;
  token?: string;
  outbox?: string;
  ca?: string;
  /** The language of a refusal's reason; Swedish by default. */
  lang?: Language;
}

/** The outbox outlives the run: by default in the user's home, so the next run finds what is waiting. */
export const DEFAULT_OUTBOX = path.join(os.homedir(), '.tjansteplan', 'utkorg.json');

export async function publishCommand(file: string, o: PublishCommandOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const opened = await openWorkbook(file);
  if (!opened.ok) {
    err(`${file}: ${opened.reason}`);
    return 2;
  }
  const { plan, findings, approval } = await checkWorkbook(opened.workbook);
  if (!plan) {
    err(`${file}: planen kan inte läsas och publiceras inte; kör \`tjansteplan validate ${file}\` för detaljer`);
    return 1;
  }
  // The bytes that were checked are the bytes published: the file is not read a second time.
  const bytes = opened.workbook.bytes;
  const prepared = await preparePublication(plan, findings, approval, bytes);
  if (!prepared.ok) {
    err(`${file}: ${o.lang === 'en' ? prepared.messageEn : prepared.message}`);
    return 1;
  }
  const token = await resolveToken(o.token);
  if (!token) {
    err('tjansteplan: ange en token med TJANSTEPLAN_TOKEN eller --token - (från standard input)');
    return 2;
  }

  const outboxFile = path.resolve(o.outbox ?? DEFAULT_OUTBOX);
  const outbox = new Outbox(new FileOutboxStore(outboxFile));
  await outbox.add(prepared.request);
  let library;
  try {
    library = await nodePlanLibrary({ url: o.library, token, caPath: o.ca });
  } catch (e) {
    err(`tjansteplan: --library ${o.library}: ${(e as Error).message}`);
    err(`Versionen ligger kvar i utkorgen ${outboxFile}.`);
    return 2;
  }

  const bars = new Map<string, Progress>();
  const report = await outbox.send(library, {
    onProgress: (entry, p) => {
      let bar = bars.get(entry.id);
      if (!bar) bars.set(entry.id, (bar = progressBar(Math.ceil(p.totalBytes / 1024))));
      bar.update(Math.ceil(p.sentBytes / 1024), `KiB ${entry.fileName}`);
    },
  });
  for (const bar of bars.values()) bar.done();

  const id = outboxId(prepared.request);
  for (const e of report.landed) if (e.id !== id) err(`Skickade även ${e.fileName} från utkorgen: ${e.webUrl ?? ''}`);
  for (const e of report.failed) if (e.id !== id) err(`${e.fileName} i utkorgen: ${e.reason ?? 'misslyckades'}`);
  const mine = [...report.landed, ...report.failed, ...report.waiting].find((e) => e.id === id) ?? (await outbox.entries()).find((e) => e.id === id);
  return conclude(mine, outboxFile, out, err);
}

function conclude(entry: OutboxEntry | undefined, outboxFile: string, out: (s: string) => void, err: (s: string) => void): number {
  if (!entry) {
    err('tjansteplan: versionen försvann ur utkorgen');
    return 2;
  }
  const label = `${entry.fields.Tjansteomrade} ${entry.fields.Planperiod} v${entry.fields.Version}`;
  switch (entry.state) {
    case 'landed':
      if (entry.outcome === 'already-published') err(`${label} var redan publicerad med samma innehåll; inget skrevs.`);
      out(entry.webUrl ?? '');
      return 0;
    case 'failed':
      err(`${label} publicerades inte: ${entry.reason ?? 'okänt skäl'}`);
      return 1;
    default:
      err(`${label} kunde inte publiceras nu: ${entry.reason ?? 'biblioteket svarade inte'}`);
      err(`Versionen ligger kvar i utkorgen ${outboxFile} och skickas nästa gång publish körs.`);
      return 2;
  }
}
