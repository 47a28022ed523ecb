#!/usr/bin/env node
// The command is compiled to dist/ by `npm install` (the prepare script).
let cli;
try {
  cli = require('../dist/src/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /dist[\\/]src[\\/]cli/.test(String(e.message))) {
    console.error('tjansteplan: programmet är inte byggt; kör `npm install` (eller `npm run build`) först.');
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});
