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
// output has nowhere to go, which is no failure of the command. The command still ends with its own code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
}

cli.main(process.argv).then((code) => {
  // Exit once what was written has reached stdout and stderr (writes to a pipe are asynchronous on POSIX:
  // https://nodejs.org/api/process.html#a-note-on-process-io). Left to end by itself, Node first waits for
  // V8's background work (optimising compiles, garbage collection) to finish: ~20 ms of a 5 000-row
  // validate that does nothing for the user (issue 19). Servers (workbench, library) return only once
  // they are stopped.
  let pending = 2;
  const flushed = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
});
