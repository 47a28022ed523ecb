/**
 * OneDrive's QuickXorHash (the `file.hashes.quickXorHash` SharePoint reports): each byte is XORed into a
 * circular 160-bit register at bit (index × 11) mod 160, then the length (64-bit little endian) is XORed
 * into the last 8 bytes; base64 of the 20 bytes.
 */
const WIDTH_BYTES = 20;
const WIDTH_BITS = 160;
const SHIFT = 11;

export function quickXorHash(data: Uint8Array): string {
  const cell = new Uint8Array(WIDTH_BYTES);
  let bit = 0;
  for (let i = 0; i < data.length; i++) {
    const at = bit >> 3;
    const v = data[i] << (bit & 7);
    cell[at] ^= v & 0xff;
    cell[(at + 1) % WIDTH_BYTES] ^= v >> 8;
    bit += SHIFT;
    if (bit >= WIDTH_BITS) bit -= WIDTH_BITS;
  }
  let length = BigInt(data.length);
  for (let i = 0; i < 8; i++) {
    cell[WIDTH_BYTES - 8 + i] ^= Number(length & 0xffn);
    length >>= 8n;
  }
  return Buffer.from(cell).toString('base64');
}
