/** The library's small parts: QuickXorHash, $filter, If-Match, names, and a store that refuses a damaged state. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ifMatchHolds, newItemId } from '../../../src/simulators/library/ids';
import { checkName } from '../../../src/simulators/library/names';
import { matches, parseFilter } from '../../../src/simulators/library/odataFilter';
import { quickXorHash } from '../../../src/simulators/library/quickXorHash';
import { Store } from '../../../src/simulators/library/store';

test('QuickXorHash matches OneDrive’s (published test vectors)', () => {
  const vectors: [string, string][] = [
    ['', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['Sg==', 'SgAAAAAAAAAAAAAAAQAAAAAAAAA='],
    ['tbQ=', 'taAFAAAAAAAAAAAAAgAAAAAAAAA='],
    ['n6Neh7p6fFgm', 'nxiFFw6hCz3wAQsmCQAAAAAAAAA='],
    ['T6LYJIfDh81JrAK309H2JMJTXis=', 'zBTHrspn3mEcohlJdIUAbjGNaNg='],
    ['DWAAX5/CIfrmErgZa8ot6ZraeSbu', 'LR2Z0PjuRYGKQB/mhQAuMrAGZbQ='],
    ['Mb7EGva2rEE5fENDL85P+BsapHEEjv2/siVhKjvAQe02feExVOQSkfmuYzU/kTF1MaKjPmKF/w+cbvwfdWL8aQ==', 'n1anP5NfvD4XDYWIeRPW3ZkPv1Y='],
  ];
  for (const [input, hash] of vectors) expect(quickXorHash(Buffer.from(input, 'base64'))).toBe(hash);
});

test('$filter: eq, ne, and, or, parentheses, doubled quotes', () => {
  const item: Record<string, string> = { Planperiod: '2022–2024', Tjansteomrade: "O'Brien", Beslut: 'Fastställd', id: '7' };
  const m = (f: string) => matches(parseFilter(f), (k) => item[k]);
  expect(m("fields/Planperiod eq '2022–2024'")).toBe(true);
  expect(m("fields/Planperiod eq '2022–2024' and fields/Tjansteomrade eq 'O''Brien'")).toBe(true);
  expect(m("fields/Planperiod eq '2025–2027' or (fields/Beslut ne 'Utkast' and fields/id eq 7)")).toBe(true);
  expect(m('fields/Version eq null')).toBe(true);
  for (const bad of ["fields/Planperiod gt '2022'", "Planperiod eq '2022'", "fields/Planperiod eq '2022", "fields/Okand eq 'x'", "fields/Planperiod eq 'x' extra"]) expect(() => parseFilter(bad)).toThrow();
});

test('If-Match: drive item, content and list item forms, weak, lists and *', () => {
  const uid = '9b0d5a5a-1111-2222-3333-444455556666';
  expect(ifMatchHolds(`"{${uid.toUpperCase()}},3"`, uid, 3, 2)).toBe(true);
  expect(ifMatchHolds(`"${uid},3"`, uid, 3, 2)).toBe(true);
  expect(ifMatchHolds(`W/"${uid},3"`, uid, 3, 2)).toBe(true);
  expect(ifMatchHolds(`"c:{${uid}},2"`, uid, 3, 2)).toBe(true);
  expect(ifMatchHolds(`"${uid},2", "${uid},3"`, uid, 3, 2)).toBe(true);
  expect(ifMatchHolds('*', uid, 3, 2)).toBe(true);
  expect(ifMatchHolds(`"${uid},2"`, uid, 3, 2)).toBe(false);
  expect(ifMatchHolds('"other,3"', uid, 3, 2)).toBe(false);
});

test('ids and names as SharePoint makes and takes them', () => {
  for (let i = 0; i < 50; i++) expect(newItemId()).toMatch(/^01[A-Z2-7]{32}$/);
  for (const ok of ['Ekonomi 2022–2024 v1.0.xlsx', 'Kultur & fritid.json', "Ö'land.xlsx", '2022–2024']) expect(() => checkName(ok)).not.toThrow();
  for (const bad of ['', 'a/b', 'a\\b', 'a:b', 'a*b', 'a?b', 'a"b', 'a<b', 'a>b', 'a|b', ' a', 'a ', 'CON', '.lock', '~$a.xlsx', 'x_vti_y']) expect(() => checkName(bad)).toThrow();
});

test('a damaged library.json stops the start instead of being replaced', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tjp-lib-'));
  try {
    await writeFile(path.join(dir, 'library.json'), '{"format":1,"items":');
    await expect(Store.open(dir)).rejects.toThrow();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
