#!/usr/bin/env node
// The command is compiled to dist/ by `npm install` (the prepare script).
let cli;
try {
  cli = require('../dist/bundle/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /dist[\\/]bundle[\\/]cli/.test(String(e.message))) {
    console.error('tjansteplan: programmet är inte byggt; kör `npm install` (eller `npm run build`) först.');
    process.exit(2);
  }
  throw e;
}

// A reader that stops reading (`tjansteplan validate --json … | head`) closes the pipe: what is left of the
// output has nowhere to go, which is no failure of the command, and it ends with its own code. A pipe closed
// early says EPIPE on POSIX and EOF on Windows (where pipe writes are synchronous); once a stream has failed,
// every later write says ERR_STREAM_DESTROYED. Any other failure to write (a full disk: ENOSPC) is one: the
// output is lost, so the command says so and ends with 2 at least.
const CLOSED = new Set(['EPIPE', 'EOF', 'ERR_STREAM_DESTROYED']);
let writeFailure = null;
const failed = (e) => {
  if (e && !CLOSED.has(e.code)) writeFailure ??= e;
};
for (const stream of [process.stdout, process.stderr]) stream.on('error', failed);

// Whether what was written has left the process: writes to files and terminals are synchronous on POSIX,
// to a pipe they are not (https://nodejs.org/api/process.html#a-note-on-process-io); an empty write's
// callback comes once the writes before it are done. (An empty write to a file would call the system
// once more, and to a full disk fail.)
const written = (stream) => new Promise((resolve) => (stream.writableLength > 0 && !stream.destroyed ? stream.write('', () => resolve()) : resolve()));

cli.main(process.argv).then(async (code) => {
  // Exit once the output is out. Left to end by itself, Node first waits for V8's background work
  // (optimising compiles, garbage collection) to finish: ~20 ms of a 5 000-row validate that does nothing
  // for the user (issue 19). Servers (workbench, library) return only once they are stopped.
  await Promise.all([written(process.stdout), written(process.stderr)]);
  // After the streams' own 'error' events, which come on a later tick than a failed write.
  setImmediate(() => {
    if (!writeFailure) process.exit(code);
    try {
      require('node:fs').writeSync(2, `tjansteplan: utdata kunde inte skrivas: ${writeFailure.message}\n`);
    } catch {
      // stderr is what failed: the exit code says it.
    }
    process.exit(Math.max(code, 2));
  });
});
