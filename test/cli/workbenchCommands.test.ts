/** `npm start` prints command lines that reach its library: token and CA included, each word safe to paste. */
import { execFileSync } from 'node:child_process';
import { shellWord, workbenchCommands } from '../../src/cli/workbenchCommands';

const access = { url: 'https://localhost:3000/v1.0', token: 'dev token', caPath: "/home/a b/.office-addin-dev-certs/ca'1.crt" };

test('publish, consolidate and pack, each with the library, its token and the CA', () => {
  const lines = workbenchCommands(access);
  for (const command of ['publish', 'consolidate', 'pack']) {
    const line = lines.find((l) => l.includes(`npx tjansteplan ${command} `));
    expect(line).toBeDefined();
    expect(line).toContain('--library https://localhost:3000/v1.0');
    expect(line).toContain("--token 'dev token'");
    expect(line).toContain('--ca ');
  }
  expect(lines.find((l) => l.includes(' pack '))).toMatch(/--period 2022–2024 --forum PF --out granskning\.xlsx$/);
});

test('a shell reads every quoted word back exactly', () => {
  for (const word of [access.token, access.caPath, 'plain', '2022–2024', "it's", '$HOME `x`']) {
    const echoed = execFileSync('/bin/sh', ['-c', `printf %s ${shellWord(word)}`], { encoding: 'utf8' });
    expect(echoed).toBe(word);
  }
});
