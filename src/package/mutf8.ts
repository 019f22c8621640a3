/**
 * Modified UTF-8 (Java/Dalvik/Ark): NUL is encoded as C0 80 and characters outside the BMP as
 * two 3-byte surrogates. Invalid sequences become U+FFFD instead of throwing.
 */

/** Decodes MUTF-8 bytes to a JS string (UTF-16), tolerating malformed sequences. */
export function decodeMutf8(bytes: Uint8Array): string {
  let ascii = true;
  for (const b of bytes) {
    if (b >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const units: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const a = bytes[i] ?? 0;
    if (a < 0x80) {
      units.push(a);
      i += 1;
    } else if ((a & 0xe0) === 0xc0 && i + 1 < bytes.length && ((bytes[i + 1] ?? 0) & 0xc0) === 0x80) {
      units.push(((a & 0x1f) << 6) | ((bytes[i + 1] ?? 0) & 0x3f));
      i += 2;
    } else if ((a & 0xf0) === 0xe0 && i + 2 < bytes.length && ((bytes[i + 1] ?? 0) & 0xc0) === 0x80 && ((bytes[i + 2] ?? 0) & 0xc0) === 0x80) {
      units.push(((a & 0x0f) << 12) | (((bytes[i + 1] ?? 0) & 0x3f) << 6) | ((bytes[i + 2] ?? 0) & 0x3f));
      i += 3;
    } else {
      units.push(0xfffd);
      i += 1;
    }
  }
  let out = '';
  for (let start = 0; start < units.length; start += 8192) out += String.fromCharCode(...units.slice(start, start + 8192));
  return out;
}
