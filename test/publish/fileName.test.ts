/** A published file's name says its state: approved as before, a version before a forum or returned by it in words. */
import { fileNameOf, publishedFileName } from '../../src/publish/planLibrary';

const fields = (Beslut: string, Forum: string) => ({ Tjansteomrade: 'Ekonomi', Planperiod: '2022–2024', Version: '1.1', Forum, Beslut, Beslutsdatum: '2022-01-20' });

test('approved (or published before Beslut was set) keeps today’s name; submitted and returned say so, with the forum', () => {
  expect(fileNameOf(fields('Fastställd', 'PF'))).toBe('Ekonomi 2022–2024 v1.1.xlsx');
  expect(fileNameOf(fields('', ''))).toBe('Ekonomi 2022–2024 v1.1.xlsx');
  expect(publishedFileName('Ekonomi', '2022–2024', '1.1')).toBe('Ekonomi 2022–2024 v1.1.xlsx');
  expect(fileNameOf(fields('Inskickad', 'PF'))).toBe('Ekonomi 2022–2024 v1.1 inskickad till PF.xlsx');
  expect(fileNameOf(fields('Återremitterad', 'BF'))).toBe('Ekonomi 2022–2024 v1.1 återremitterad av BF.xlsx');
});

test('a forum column someone typed anything into never becomes part of the path; an unknown Beslut is no state', () => {
  expect(fileNameOf(fields('Inskickad', '../PF'))).toBe('Ekonomi 2022–2024 v1.1 inskickad.xlsx');
  expect(fileNameOf(fields('constructor', 'PF'))).toBe('Ekonomi 2022–2024 v1.1.xlsx');
});
