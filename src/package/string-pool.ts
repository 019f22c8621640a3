/**
 * The ResStringPool chunk shared by Android binary XML and resources.arsc
 * (frameworks/base/libs/androidfw/include/androidfw/ResourceTypes.h). Strings decode lazily.
 */
import { inBounds, u16, u32, u8 } from './byte-reader.js';
import { check } from './errors.js';

const UTF8_FLAG = 0x100;

/** A parsed string pool; `get` decodes on first use and caches. */
export class StringPool {
  private readonly cache = new Map<number, string>();

  private constructor(
    private readonly buf: Buffer,
    private readonly offsets: number,
    private readonly stringsStart: number,
    private readonly end: number,
    readonly count: number,
    private readonly utf8: boolean,
  ) {}

  /** Parses the pool chunk starting at `start`. */
  static parse(buf: Buffer, start: number): StringPool {
    const headerSize = u16(buf, start + 2, 'string pool header');
    const size = u32(buf, start + 4, 'string pool size');
    inBounds(buf.length, start, size, 'string pool');
    const count = u32(buf, start + 8, 'string count');
    const flags = u32(buf, start + 16, 'string pool flags');
    const stringsStart = u32(buf, start + 20, 'strings start');
    check(headerSize >= 28 && count * 4 <= size - headerSize, `string pool declares ${count} strings but is only ${size} bytes`);
    check(count === 0 || stringsStart < size, 'string pool data starts outside the chunk');
    return new StringPool(buf, start + headerSize, start + stringsStart, start + size, count, (flags & UTF8_FLAG) !== 0);
  }

  /** The string at `index`, or undefined for an out-of-range index (0xFFFFFFFF means none). */
  get(index: number): string | undefined {
    if (index < 0 || index >= this.count) return undefined;
    const cached = this.cache.get(index);
    if (cached !== undefined) return cached;
    const at = this.stringsStart + u32(this.buf, this.offsets + index * 4, 'string offset');
    const value = this.utf8 ? this.readUtf8(at) : this.readUtf16(at);
    this.cache.set(index, value);
    return value;
  }

  private readUtf8(at: number): string {
    let pos = at;
    const skipLen = (): number => {
      const first = u8(this.buf, pos, 'string length');
      if (first & 0x80) {
        const value = ((first & 0x7f) << 8) | u8(this.buf, pos + 1, 'string length');
        pos += 2;
        return value;
      }
      pos += 1;
      return first;
    };
    skipLen();
    const byteLength = skipLen();
    check(pos + byteLength <= this.end, `string at ${at} runs past its pool`);
    return this.buf.toString('utf8', pos, pos + byteLength);
  }

  private readUtf16(at: number): string {
    let length = u16(this.buf, at, 'string length');
    let pos = at + 2;
    if (length & 0x8000) {
      length = ((length & 0x7fff) << 16) | u16(this.buf, pos, 'string length');
      pos += 2;
    }
    check(pos + length * 2 <= this.end, `string at ${at} runs past its pool`);
    return this.buf.toString('utf16le', pos, pos + length * 2);
  }
}
