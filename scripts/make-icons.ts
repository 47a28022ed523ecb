/**
 * Draws the add-in's icons (a white "T" on the city's blue) as PNG files in assets/, without an image
 * library: a PNG is a zlib stream of RGBA rows in a few CRC-checked chunks.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

export function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

function icon(size: number): Buffer {
  const blue: [number, number, number, number] = [0x00, 0x5a, 0x9e, 255];
  const white: [number, number, number, number] = [255, 255, 255, 255];
  const clear: [number, number, number, number] = [0, 0, 0, 0];
  const r = size * 0.18;
  return png(size, (x, y) => {
    const cx = Math.min(x, size - 1 - x);
    const cy = Math.min(y, size - 1 - y);
    if (cx < r && cy < r && (r - cx) ** 2 + (r - cy) ** 2 > r * r) return clear;
    const u = x / size;
    const v = y / size;
    const bar = v > 0.22 && v < 0.36 && u > 0.2 && u < 0.8;
    const stem = u > 0.43 && u < 0.57 && v >= 0.22 && v < 0.8;
    return bar || stem ? white : blue;
  });
}

async function main() {
  const dir = path.resolve(__dirname, '..', '..', 'assets');
  await fs.mkdir(dir, { recursive: true });
  for (const size of [16, 32, 64, 80, 128]) await fs.writeFile(path.join(dir, `icon-${size}.png`), icon(size));
  console.log(`assets/icon-{16,32,64,80,128}.png`);
}

if (require.main === module) void main();
