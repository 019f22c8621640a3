/**
 * Binary property lists ("bplist00"), written here instead of using bplist-parser because a
 * hostile file must not recurse without bound (cycles), expand shared references exponentially,
 * or set __proto__: every object counts against a node budget and depth is limited.
 * Format: CoreFoundation CFBinaryPList.c (trailer: offset size, ref size, count, top, table).
 */
import { check } from './errors.js';

/** A decoded plist value. */
export type PlistValue = string | number | bigint | boolean | Date | Buffer | null | PlistValue[] | { [key: string]: PlistValue };

const MAX_NODES = 500_000;

/** Parses a binary plist; throws FormatError on malformed input or exceeded limits. */
export function parseBinaryPlist(buf: Buffer, maxDepth: number): PlistValue {
  check(buf.length >= 40 && buf.toString('latin1', 0, 8) === 'bplist00', 'it is not a bplist00 binary property list');
  const trailer = buf.length - 32;
  const offsetSize = buf[trailer + 6] ?? 0;
  const refSize = buf[trailer + 7] ?? 0;
  const count = toSafe(buf.readBigUInt64BE(trailer + 8));
  const top = toSafe(buf.readBigUInt64BE(trailer + 16));
  const tableOffset = toSafe(buf.readBigUInt64BE(trailer + 24));
  check(offsetSize >= 1 && offsetSize <= 8 && refSize >= 1 && refSize <= 8, 'the trailer has invalid integer sizes');
  check(top < count && tableOffset + count * offsetSize <= trailer, 'the offset table lies outside the file');
  let nodes = 0;
  const offsetOf = (ref: number): number => {
    check(ref < count, `object reference ${ref} is out of range`);
    const offset = readUInt(buf, tableOffset + ref * offsetSize, offsetSize);
    check(offset < tableOffset, `object ${ref} lies outside the object area`);
    return offset;
  };
  const parse = (ref: number, depth: number): PlistValue => {
    check(depth <= maxDepth, `objects are nested deeper than ${maxDepth} levels`);
    check(++nodes <= MAX_NODES, `it expands to more than ${MAX_NODES} objects`);
    const at = offsetOf(ref);
    const marker = buf[at] ?? 0;
    const kind = marker >> 4;
    const info = marker & 0x0f;
    if (kind === 0x0) return info === 0x8 ? false : info === 0x9 ? true : null;
    if (kind === 0x1) return readInt(buf, at + 1, 2 ** info);
    if (kind === 0x2) return info === 2 ? buf.readFloatBE(at + 1) : buf.readDoubleBE(at + 1);
    if (kind === 0x3) return new Date((buf.readDoubleBE(at + 1) + 978307200) * 1000);
    const { length, start } = lengthOf(buf, at, info);
    if (kind === 0x4) return Buffer.from(slice(buf, start, length, tableOffset));
    if (kind === 0x5) return slice(buf, start, length, tableOffset).toString('latin1');
    if (kind === 0x6) return swap16(slice(buf, start, length * 2, tableOffset)).toString('utf16le');
    if (kind === 0x7) return slice(buf, start, length, tableOffset).toString('utf8');
    if (kind === 0x8) return readUInt(buf, at + 1, info + 1);
    if (kind === 0xa) {
      const refs = slice(buf, start, length * refSize, tableOffset);
      return Array.from({ length }, (_, i) => parse(readUInt(refs, i * refSize, refSize), depth + 1));
    }
    if (kind === 0xd) {
      const refs = slice(buf, start, length * 2 * refSize, tableOffset);
      const dict: Record<string, PlistValue> = Object.create(null) as Record<string, PlistValue>;
      for (let i = 0; i < length; i++) {
        const key = parse(readUInt(refs, i * refSize, refSize), depth + 1);
        check(typeof key === 'string', 'a dictionary key is not a string');
        dict[key] = parse(readUInt(refs, (length + i) * refSize, refSize), depth + 1);
      }
      return dict;
    }
    throw new RangeError(`unknown object marker 0x${marker.toString(16)}`);
  };
  return parse(top, 0);
}

function lengthOf(buf: Buffer, at: number, info: number): { length: number; start: number } {
  if (info !== 0x0f) return { length: info, start: at + 1 };
  const marker = buf[at + 1] ?? 0;
  check(marker >> 4 === 0x1, 'a length is not encoded as an integer');
  const size = 2 ** (marker & 0x0f);
  const length = readInt(buf, at + 2, size);
  check(typeof length === 'number' && length >= 0, 'a length is negative or too large');
  return { length, start: at + 2 + size };
}

function slice(buf: Buffer, start: number, length: number, limit: number): Buffer {
  check(start + length <= limit, `data at ${start} runs past the object area`);
  return buf.subarray(start, start + length);
}

function readUInt(buf: Buffer, at: number, size: number): number {
  check(at + size <= buf.length && size <= 8, `an integer at ${at} runs past the end`);
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + (buf[at + i] ?? 0);
  return value;
}

function readInt(buf: Buffer, at: number, size: number): number | bigint {
  check(at + size <= buf.length && size <= 16, `an integer at ${at} runs past the end`);
  if (size === 8) {
    const big = buf.readBigInt64BE(at);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }
  if (size === 16) return buf.readBigInt64BE(at + 8);
  return readUInt(buf, at, size);
}

function toSafe(value: bigint): number {
  check(value <= BigInt(Number.MAX_SAFE_INTEGER), 'a trailer value is too large');
  return Number(value);
}

function swap16(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  return copy.swap16();
}
