/**
 * Forum documents through the Graph adapter against the local library over real HTTPS: where they go and
 * what one publish sends, a large one through an upload session, an attempt that stopped after the file
 * finished by the next (not listed until then), and a crafted decision beside a document refused on read.
 */
import { randomBytes } from 'node:crypto';
import { newestDecision } from '../../src/app/newestDecision';
import { publishForumDocument } from '../../src/app/publishForumDocument';
import { createGraphClient } from '../../src/publish/graph/client';
import { itemByPath } from '../../src/publish/graph/paths';
import { CHUNK_UNIT, SIMPLE_UPLOAD_LIMIT } from '../../src/publish/graph/upload';
import { sha256Hex } from '../../src/publish/hash';
import { readCa, trustedFetch } from '../../src/publish/node/trustedFetch';
import { staticTokenProvider } from '../../src/publish/auth/tokenProvider';
import { connect, TOKEN, useLibrary, withLibrary } from './helpers';

jest.setTimeout(60_000);

const PERIOD = '2022–2024';
const decision = (after: number) => ({
  info: { forum: 'PF', date: '2021-03-18', period: PERIOD, status: 'Beslut' },
  rows: [{ area: 'IT', nr: '2', initiative: 'Pott', row: 2, year: 2022, before: 300, after, action: after === 0 ? 'cut' : 'reduce', reason: 'Prioritet Kan.' }],
});

withLibrary('forum documents through the Graph adapter', () => {
  const lib = useLibrary();

  async function rawClient() {
    return createGraphClient({ url: lib.info.url, tokens: staticTokenProvider(TOKEN), fetch: trustedFetch(await readCa(lib.info.ca)) });
  }
  async function download(name: string): Promise<Uint8Array> {
    const ab = (await (await rawClient()).api(`${itemByPath(lib.info.driveId, `${PERIOD}/Forum`, name)}:/content`).responseType('arraybuffer' as never).get()) as ArrayBuffer;
    return new Uint8Array(ab);
  }

  test('a small decision: one PUT of the workbook into 2022–2024/Forum, one of its JSON, one PATCH of the columns', async () => {
    const t = await connect(lib);
    const file = new Uint8Array(randomBytes(2000));
    const outcome = await publishForumDocument(t.library, { kind: 'Prioriteringsbeslut', period: '2022-2024', forum: 'PF', date: '2021-03-18', file, content: decision(0), data: decision(0) });
    expect(outcome.kind).toBe('published');
    expect(t.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PATCH']);
    expect(t.requests[0].url).toContain('/root:/2022–2024/Forum/Prioriteringsbeslut PF 2021-03-18.xlsx:/content');
    expect(t.requests[0].url).toContain('@microsoft.graph.conflictBehavior=fail');
    expect(t.requests[1].url).toContain('/root:/2022–2024/Forum/Prioriteringsbeslut PF 2021-03-18.json:/content');
    expect(await sha256Hex(await download('Prioriteringsbeslut PF 2021-03-18.xlsx'))).toBe(await sha256Hex(file));
    expect((await newestDecision(t.library, PERIOD))?.decision).toEqual(decision(0));
    // Plans are listed as before: a forum document has no area or version.
    expect(await t.library.listVersions(PERIOD)).toEqual([]);
  });

  test('a large review pack goes through an upload session in 320 KiB-multiple chunks', async () => {
    const t = await connect(lib, { chunkSize: 4 * CHUNK_UNIT });
    const file = new Uint8Array(randomBytes(SIMPLE_UPLOAD_LIMIT + 100_000));
    const seen: number[] = [];
    const outcome = await t.library.publishForumDocument(
      { kind: 'Granskningsunderlag', period: PERIOD, forum: 'BF', date: '2021-04-15', file, fileSha256: await sha256Hex(file), contentSha256: 'c'.repeat(64) },
      (p) => seen.push(p.sentBytes),
    );
    expect(outcome.kind).toBe('published');
    expect(t.requests.some((r) => r.url.includes('Granskningsunderlag BF 2021-04-15.xlsx:/createUploadSession'))).toBe(true);
    expect(seen.at(-1)).toBe(file.byteLength);
    expect(await sha256Hex(await download('Granskningsunderlag BF 2021-04-15.xlsx'))).toBe(await sha256Hex(file));
    expect((await t.library.listForumDocuments(PERIOD)).map((d) => d.name).sort()).toEqual(['Granskningsunderlag BF 2021-04-15.xlsx', 'Prioriteringsbeslut PF 2021-03-18.xlsx']);
  });

  test('an attempt that stopped after the workbook is not listed, and the next finishes it', async () => {
    const t = await connect(lib);
    const file = new Uint8Array(randomBytes(3000));
    const name = 'Prioriteringsbeslut TF 2021-02-01.xlsx';
    await (await rawClient())
      .api(`${itemByPath(lib.info.driveId, `${PERIOD}/Forum`, name)}:/content`)
      .header('Content-Type', 'application/octet-stream')
      .put(new Blob([file]));
    const listed = async () => (await t.library.listForumDocuments(PERIOD)).map((d) => d.name);
    expect(await listed()).not.toContain(name);
    const data = { ...decision(100), info: { ...decision(100).info, forum: 'TF', date: '2021-02-01' } };
    const outcome = await publishForumDocument(t.library, { kind: 'Prioriteringsbeslut', period: PERIOD, forum: 'TF', date: '2021-02-01', file, content: data, data });
    expect(outcome.kind).toBe('published');
    expect(await listed()).toContain(name);
    // The PF decision of March is still the newest.
    expect((await newestDecision(t.library, PERIOD))?.document.name).toBe('Prioriteringsbeslut PF 2021-03-18.xlsx');
  });

  test('a crafted decision beside a document is refused on read, naming the field, and nothing older is applied instead', async () => {
    const t = await connect(lib);
    const crafted = { ...decision(0), rows: [{ ...decision(0).rows[0], after: '=HYPERLINK("x")' }] };
    const file = new Uint8Array(randomBytes(1000));
    const outcome = await publishForumDocument(t.library, { kind: 'Prioriteringsbeslut', period: PERIOD, forum: 'BF', date: '2021-05-01', file, content: crafted, data: crafted });
    expect(outcome.kind).toBe('published');
    await expect(newestDecision(t.library, PERIOD)).rejects.toThrow('Prioriteringsbeslut BF 2021-05-01.xlsx i biblioteket: beslutet följer inte formatet (fältet rows.0.after har fel form)');
  });
});
