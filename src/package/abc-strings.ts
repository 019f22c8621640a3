/**
 * String literals of an Ark bytecode file (ets/modules.abc, magic "PANDA\0"). Strings are stored
 * as ULEB128 (utf16_length << 1 | is_ascii) + MUTF-8 + NUL (arkcompiler runtime_core
 * docs/file_format.md). Rather than walk every index, scan NUL-terminated runs and accept a run
 * when its prefix matches its decoded length; runs that do not match but are valid CJK text are
 * kept too (debug builds embed source lines).
 */
import { decodeMutf8 } from './mutf8.js';

const MAX_RUN = 16 * 1024;

/** Calls `visit` for each string literal found in the abc bytes. */
export function forEachAbcString(buf: Buffer, visit: (text: string) => void): void {
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(0, start);
    if (end < 0) end = buf.length;
    if (end - start >= 2 && end - start <= MAX_RUN) {
      const text = literalAt(buf.subarray(start, end));
      if (text !== undefined) visit(text);
    }
    start = end + 1;
  }
}

function literalAt(run: Buffer): string | undefined {
  // The run may begin inside preceding data; try each suffix whose head is a plausible prefix.
  for (let skip = 0; skip < Math.min(run.length - 1, 8); skip++) {
    const prefix = readUleb(run, skip);
    if (!prefix) continue;
    const body = run.subarray(skip + prefix.size);
    if (body.length === 0) continue;
    const text = decodeMutf8(body);
    if ((prefix.value >>> 1) === text.length && isPrintable(text)) return text;
  }
  const whole = decodeMutf8(run);
  return !whole.includes('\uFFFD') && isPrintable(whole) && /[\u4e00-\u9fff]/.test(whole) ? trimJunk(whole) : undefined;
}

function readUleb(buf: Buffer, offset: number): { value: number; size: number } | undefined {
  let value = 0;
  for (let i = 0; i < 4 && offset + i < buf.length; i++) {
    const byte = buf[offset + i] ?? 0;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return { value, size: i + 1 };
  }
  return undefined;
}

function isPrintable(text: string): boolean {
   
  return !/[\u0000-\u0008\u000e-\u001f\u007f\uFFFD]/.test(text);
}

function trimJunk(text: string): string {
  return text.replace(/^[^\p{L}\p{N}\p{P}\s]+/u, '');
}
