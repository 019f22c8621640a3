/**
 * Bounds-checked little-endian reads over a buffer. Every read outside the buffer throws a
 * FormatError naming the offset, so a truncated or crafted file never reads garbage.
 */
import { FormatError } from './errors.js';

/** Checks that [offset, offset+length) lies inside a buffer of `size` bytes. */
export function inBounds(size: number, offset: number, length: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || length < 0 || offset + length > size) {
    throw new FormatError(`${what} at offset ${offset} runs past the end of the data (${size} bytes)`);
  }
}

/** Reads a u8. */
export function u8(buf: Buffer, offset: number, what = 'byte'): number {
  inBounds(buf.length, offset, 1, what);
  return buf.readUInt8(offset);
}

/** Reads a little-endian u16. */
export function u16(buf: Buffer, offset: number, what = 'u16'): number {
  inBounds(buf.length, offset, 2, what);
  return buf.readUInt16LE(offset);
}

/** Reads a little-endian u32. */
export function u32(buf: Buffer, offset: number, what = 'u32'): number {
  inBounds(buf.length, offset, 4, what);
  return buf.readUInt32LE(offset);
}

/** Returns a bounds-checked view of a byte range (no copy). */
export function slice(buf: Buffer, offset: number, length: number, what = 'range'): Buffer {
  inBounds(buf.length, offset, length, what);
  return buf.subarray(offset, offset + length);
}

/** Reads an unsigned LEB128 value (at most 5 bytes); returns the value and the bytes consumed. */
export function uleb128(buf: Buffer, offset: number): { value: number; size: number } {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = u8(buf, offset + i, 'uleb128');
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return { value, size: i + 1 };
  }
  throw new FormatError(`uleb128 at offset ${offset} is longer than 5 bytes`);
}
