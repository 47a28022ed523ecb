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
import { publishVersion } from '../app/publishVersion';
import type { Language } from '../domain/findings';
import { FileOutboxStore } from '../publish/node/fileOutboxStore';
import { nodePlanLibrary } from '../publish/node/connect';
import { Outbox, type OutboxEntry } from '../publish/outbox';
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
  const outboxFile = path.resolve(o.outbox ?? DEFAULT_OUTBOX);
  const bars = new Map<string, Progress>();
  const result = await publishVersion({
    workbook: opened.workbook,
    // The bytes that were checked are the bytes published: the file is not read a second time.
    fileBytes: () => Promise.resolve(opened.workbook.bytes),
    outbox: new Outbox(new FileOutboxStore(outboxFile)),
    // Reached only for a version that is to be sent: a refused plan needs no token.
    library: async () => {
      const token = await resolveToken(o.token);
      if (!token) throw new Error('ange en token med TJANSTEPLAN_TOKEN eller --token - (från standard input)');
      try {
        return await nodePlanLibrary({ url: o.library, token, caPath: o.ca });
      } catch (e) {
        throw new Error(`--library ${o.library}: ${(e as Error).message}`);
      }
    },
    sendAll: true,
    onProgress: (entry, p) => {
      let bar = bars.get(entry.id);
      if (!bar) bars.set(entry.id, (bar = progressBar(Math.ceil(p.totalBytes / 1024))));
      bar.update(Math.ceil(p.sentBytes / 1024), `KiB ${entry.fileName}`);
    },
  });
  for (const bar of bars.values()) bar.done();

  switch (result.kind) {
    case 'no-plan':
      err(`${file}: planen kan inte läsas och publiceras inte; kör \`tjansteplan validate ${file}\` för detaljer`);
      return 1;
    case 'refused':
      err(`${file}: ${o.lang === 'en' ? result.refusal.messageEn : result.refusal.message}`);
      return 1;
    case 'record-failed':
      err(`${file}: ${result.reason}`);
      return 2;
    case 'no-library':
      err(`tjansteplan: ${(result.error as Error).message}`);
      err(`Versionen ligger kvar i utkorgen ${outboxFile}.`);
      return 2;
  }
  const mine = result.kind === 'sent' ? result.id : result.entry?.id;
  for (const e of result.report?.landed ?? []) if (e.id !== mine) err(`Skickade även ${e.fileName} från utkorgen: ${e.webUrl ?? ''}`);
  for (const e of result.report?.failed ?? []) if (e.id !== mine) err(`${e.fileName} i utkorgen: ${e.reason ?? 'misslyckades'}`);
  if (result.kind === 'already-published' && !result.entry) {
    // The library holds the same tables under this name (another save of the file): nothing was sent.
    err(`${result.fileName.replace(/\.xlsx$/i, '')} var redan publicerad med samma innehåll; inget skrevs.`);
    out(result.webUrl ?? '');
    return 0;
  }
  return conclude(result.entry, outboxFile, out, err);
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
