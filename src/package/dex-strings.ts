/**
 * The string table of a Dalvik executable (classes*.dex): header fields string_ids_size (0x38)
 * and string_ids_off (0x3C) point at u32 offsets of string_data_item = uleb128 utf16_size +
 * MUTF-8 bytes + NUL (https://source.android.com/docs/core/runtime/dex-format).
 */
import { u32, uleb128 } from './byte-reader.js';
import { check } from './errors.js';
import { decodeMutf8 } from './mutf8.js';

const MAX_STRING_BYTES = 64 * 1024;

/**
 * Calls `visit` for every string that `wanted` accepts; `wanted` sees the raw bytes first so
 * most of the table (class and method names) is never decoded.
 */
export function forEachDexString(buf: Buffer, wanted: (raw: Buffer) => boolean, visit: (text: string) => void): number {
  check(buf.length >= 0x70 && buf.toString('latin1', 0, 4) === 'dex\n', 'it does not start with the dex magic');
  const count = u32(buf, 0x38);
  const idsOffset = u32(buf, 0x3c);
  check(count * 4 <= buf.length && idsOffset + count * 4 <= buf.length, `string_ids (${count} at ${idsOffset}) lie outside the file`);
  for (let i = 0; i < count; i++) {
    const dataOffset = u32(buf, idsOffset + i * 4);
    const start = dataOffset + uleb128(buf, dataOffset).size;
    check(start <= buf.length, `string ${i} starts outside the file`);
    let end = buf.indexOf(0, start);
    if (end < 0) end = buf.length;
    if (end - start > MAX_STRING_BYTES) end = start + MAX_STRING_BYTES;
    const raw = buf.subarray(start, end);
    if (wanted(raw)) visit(decodeMutf8(raw));
  }
  return count;
}

/** Byte-level prefilter: non-ASCII text, or something that may hold a host, URL or IP. */
export function mayBeInteresting(raw: Buffer): boolean {
  if (raw.length < 2) return false;
  for (const byte of raw) {
    if (byte >= 0x80 || byte === 0x2e /* . */ || byte === 0x3a /* : */) return true;
  }
  return false;
}
