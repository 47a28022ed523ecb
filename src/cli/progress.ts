/** A one-line progress bar on stderr, shown only when stderr is a terminal (never in pipes, logs or CI). */
import { printable } from './printable';

export interface Progress {
  update(done: number, label?: string): void;
  done(): void;
}

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= 1) return { update: () => {}, done: () => {} };
  const width = 24;
  let last = '';
  return {
    update(done, label = '') {
      const filled = Math.round((done / total) * width);
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${printable(label)}`.slice(0, (stream.columns ?? 80) - 1);
      if (line === last) return;
      last = line;
      stream.write(`\r${line.padEnd((stream.columns ?? 80) - 1)}`);
    },
    done() {
      stream.write(`\r${' '.repeat((stream.columns ?? 80) - 1)}\r`);
    },
  };
}
