/** Issue 15: a token from standard input or TJANSTEPLAN_TOKEN, and the help says why not `--token T`. */
import { Readable } from 'node:stream';
import { resolveToken } from '../../src/cli/token';
import { UsageError } from '../../src/cli/usage';
import { cli } from './helpers';

describe('resolveToken', () => {
  const saved = process.env.TJANSTEPLAN_TOKEN;
  afterEach(() => {
    if (saved === undefined) delete process.env.TJANSTEPLAN_TOKEN;
    else process.env.TJANSTEPLAN_TOKEN = saved;
  });

  it('reads `--token -` from standard input: the first line, without its line break', async () => {
    expect(await resolveToken('-', Readable.from(['hemlig-', 'token\n', 'andra raden\n']))).toBe('hemlig-token');
  });

  it('refuses empty or oversized standard input with a usage error', async () => {
    await expect(resolveToken('-', Readable.from(['\n']))).rejects.toThrow(UsageError);
    await expect(resolveToken('-', Readable.from(['x'.repeat(70 * 1024)]))).rejects.toThrow(/för lång/);
  });

  it('takes TJANSTEPLAN_TOKEN without --token, and --token T over it', async () => {
    process.env.TJANSTEPLAN_TOKEN = 'från-miljön';
    expect(await resolveToken(undefined)).toBe('från-miljön');
    expect(await resolveToken('given')).toBe('given');
    delete process.env.TJANSTEPLAN_TOKEN;
    expect(await resolveToken(undefined)).toBeUndefined();
  });
});

describe('the help where --token is used', () => {
  it.each(['publish', 'pack', 'consolidate', 'library', 'provision'])('%s --help says a --token value shows in ps and offers standard input', async (command) => {
    const run = await cli([command, '--help']);
    const help = run.stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--token -');
    expect(help).toContain('standard input');
    expect(help).toContain('processlistan (ps)');
  });
});
