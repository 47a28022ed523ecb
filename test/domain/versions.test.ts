import {
  compareVersions,
  formatVersion,
  latestApproved,
  parseDecision,
  parseForum,
  parseVersionLabel,
  type VersionEntry,
} from '../../src/domain/versions';
import { versionEntry } from './versionEntries';

describe('parseVersionLabel', () => {
  it.each([
    ['0.1', 0, 1],
    ['0,1', 0, 1],
    ['1.0', 1, 0],
    ['2', 2, 0],
    ['v1.2', 1, 2],
    ['V1.2', 1, 2],
    ['v 3', 3, 0],
    [' 0.10 ', 0, 10],
  ])('reads %j as %d.%d', (text, major, minor) => {
    expect(parseVersionLabel(text)).toEqual({ major, minor });
  });

  it.each(['', 'utkast', '1.2.3', '1.', '.5', '-1', '1.0a', 'version 1'])('refuses %j', (text) => {
    expect(parseVersionLabel(text)).toBeNull();
  });
});

describe('compareVersions', () => {
  const v = (t: string) => parseVersionLabel(t)!;
  it('compares part by part', () => {
    expect(compareVersions(v('0.10'), v('0.9'))).toBeGreaterThan(0);
    expect(compareVersions(v('0.9'), v('0.10'))).toBeLessThan(0);
    expect(compareVersions(v('1.0'), v('0.9'))).toBeGreaterThan(0);
    expect(compareVersions(v('1'), v('1.0'))).toBe(0);
    expect(compareVersions(v('0,5'), v('0.5'))).toBe(0);
    expect(compareVersions(v('2.0'), v('10.0'))).toBeLessThan(0);
  });

  it('formats major.minor', () => {
    expect(formatVersion(v('2'))).toBe('2.0');
    expect(formatVersion(v('v0,10'))).toBe('0.10');
  });
});

describe('forums and decisions', () => {
  it.each([
    ['TF', 'TF'],
    ['tf', 'TF'],
    [' Tjänsteforum ', 'TF'],
    ['tjansteforum', 'TF'],
    ['PF', 'PF'],
    ['Prioriteringsforum', 'PF'],
    ['bf', 'BF'],
    ['BESLUTSFORUM', 'BF'],
  ])('reads the forum %j as %s', (text, forum) => {
    expect(parseForum(text)).toBe(forum);
  });

  it.each(['', 'KS', 'styrgrupp', 'T F', 'constructor', 'toString', '__proto__'])('refuses the forum %j', (text) => {
    expect(parseForum(text)).toBeNull();
  });

  it.each([
    ['Utkast', 'Utkast'],
    ['inskickad', 'Inskickad'],
    [' FASTSTÄLLD ', 'Fastställd'],
    ['återremitterad', 'Återremitterad'],
  ])('reads the decision %j as %s', (text, decision) => {
    expect(parseDecision(text)).toBe(decision);
  });

  it.each(['', 'Godkänd', 'Faststalld', 'Beslutad'])('refuses the decision %j', (text) => {
    expect(parseDecision(text)).toBeNull();
  });
});

describe('latestApproved', () => {
  let row = 0;
  const entry = (labelShown: string, decision: VersionEntry['decision'], forum: VersionEntry['forum'] = null): VersionEntry =>
    versionEntry(++row, labelShown, { decision, forum });

  it('is the last row a forum approved', () => {
    const history = [
      entry('0.1', 'Utkast'),
      entry('0.5', 'Fastställd', 'TF'),
      entry('0.6', 'Utkast'),
      entry('1.0', 'Fastställd', 'PF'),
      entry('1.1', 'Inskickad'),
      entry('1.1', 'Återremitterad', 'BF'),
    ];
    expect(latestApproved(history)?.labelShown).toBe('1.0');
    expect(latestApproved(history)?.forum).toBe('PF');
  });

  it('is null without an approved version', () => {
    expect(latestApproved([])).toBeNull();
    expect(latestApproved([entry('0.1', 'Utkast'), entry('0.2', 'Inskickad'), entry('0.2', 'Återremitterad')])).toBeNull();
  });

  it('skips an approved row whose version cannot be read', () => {
    const history = [entry('0.5', 'Fastställd'), entry('slutlig', 'Fastställd')];
    expect(latestApproved(history)?.labelShown).toBe('0.5');
  });
});
