/**
 * When the command's output cannot be written. `tjansteplan validate --json … | head`: the reader stops
 * reading and closes the pipe; what is left of the output has nowhere to go, which is no failure of the
 * command: no stack trace, and the command's own exit code. A full disk is one: the output is lost, and the
 * command says so and ends with 2. Run through a shell, as a user would (a child's stdio in Node is a socket
 * pair, whose buffer takes far more before the writer has to wait).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, ROOT } from './helpers';

const BIN = path.join(ROOT, 'bin', 'tjansteplan.js');
// Six findings, no errors (exit 0); 80 copies make ~200 KB of JSON, more than a pipe holds unread.
const PLAN = path.join(FIXTURES, 'broken', '12-tal-som-text.xlsx');
const quoted = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

it('a reader that closes the pipe early (| head) gets no error from the command, which ends with its own exit code', () => {
  const command = [process.execPath, BIN, 'validate', '--json', ...Array<string>(80).fill(PLAN)].map(quoted).join(' ');
  // pipefail: the pipeline's status is the command's when it fails, not head's.
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${command} | head -c 100`], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stdout).toHaveLength(100);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

// /dev/full: every write fails with ENOSPC (Linux).
(existsSync('/dev/full') ? it : it.skip)('output to a full disk is a failure the command says (exit 2), not a silent success', () => {
  const r = spawnSync('bash', ['-c', `${[process.execPath, BIN, 'validate', '--json', PLAN].map(quoted).join(' ')} > /dev/full`], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr.trim()).toBe('tjansteplan: utdata kunde inte skrivas: ENOSPC: no space left on device, write');
  expect(r.status).toBe(2);
  // Nothing written to a full stderr is no failure of its own.
  const quiet = spawnSync('bash', ['-c', `${[process.execPath, BIN, 'validate', '--json', PLAN].map(quoted).join(' ')} 2> /dev/full > /dev/null`], { cwd: ROOT, encoding: 'utf8' });
  expect(quiet.status).toBe(0);
});
