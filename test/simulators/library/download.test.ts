/**
 * Downloads stream the blob, only the range asked for: many `Range: bytes=0-0` requests at once on a large
 * file hold next to nothing in memory (each used to read the whole file), and the bytes are the file's.
 */
import { bytes, byPath, startTestLibrary, TOKEN, type TestLibrary } from './helpers';

jest.setTimeout(120_000);

const SIZE = 16 * 1024 * 1024;
const AT_ONCE = 12;

describe('downloads', () => {
  let lib: TestLibrary;
  let url: string;
  const data = bytes(SIZE, 5);

  beforeAll(async () => {
    lib = await startTestLibrary();
    const put = await lib.fetch(`${lib.running.url}${byPath(lib.running.ids.driveId, 'p', 'Stor.xlsx')}:/content`, { method: 'PUT', headers: { Authorization: `Bearer ${TOKEN}` }, body: new Uint8Array(data) });
    url = ((await put.json()) as { '@microsoft.graph.downloadUrl': string })['@microsoft.graph.downloadUrl'];
  });
  afterAll(() => lib.stop());

  test('a range is the file’s bytes with its Content-Range; the whole file is the file', async () => {
    const part = await lib.fetch(url, { headers: { Range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${SIZE}`);
    expect(part.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await part.arrayBuffer()).equals(data.subarray(1000, 2000))).toBe(true);
    const tail = await lib.fetch(url, { headers: { Range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(data.subarray(SIZE - 10))).toBe(true);
    const whole = await lib.fetch(url);
    expect(whole.headers.get('content-length')).toBe(String(SIZE));
    expect(Buffer.from(await whole.arrayBuffer()).equals(data)).toBe(true);
    expect((await lib.fetch(url, { headers: { Range: `bytes=${SIZE}-` } })).status).toBe(416);
  });

  test(`${AT_ONCE} one-byte ranges at once on a ${SIZE / 1024 / 1024} MB file hold well under one copy of it in memory`, async () => {
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 1);
    try {
      const answers = await Promise.all(
        Array.from({ length: AT_ONCE }, async () => {
          const res = await lib.fetch(url, { headers: { Range: 'bytes=0-0' } });
          return Buffer.from(await res.arrayBuffer());
        }),
      );
      for (const a of answers) expect(a.equals(data.subarray(0, 1))).toBe(true);
    } finally {
      clearInterval(sampler);
    }
    expect(peak - before).toBeLessThan(SIZE / 2);
  });
});
