/**
 * C string literals of a Mach-O executable: the __TEXT,__cstring (UTF-8) and __TEXT,__ustring
 * (UTF-16, where Objective-C keeps non-ASCII literals) sections of the first architecture slice.
 * Layout: <mach-o/loader.h>, <mach-o/fat.h>.
 */
import { u32 } from './byte-reader.js';
import { check } from './errors.js';

const MH_MAGIC_64 = 0xfeedfacf;
const MH_MAGIC = 0xfeedface;
const FAT_MAGIC = 0xcafebabe;
const LC_SEGMENT = 0x1;
const LC_SEGMENT_64 = 0x19;
const MAX_COMMANDS = 4096;

/** Calls `visit` for each literal; returns false when the bytes are not a Mach-O image. */
export function forEachMachOString(buf: Buffer, visit: (text: string) => void): boolean {
  if (buf.length < 32) return false;
  let base = 0;
  if (buf.readUInt32BE(0) === FAT_MAGIC) {
    check(buf.readUInt32BE(4) >= 1, 'the fat header lists no architectures');
    base = buf.readUInt32BE(8 + 8);
    check(base + 32 <= buf.length, 'the first architecture slice lies outside the file');
  }
  const magic = u32(buf, base);
  if (magic !== MH_MAGIC_64 && magic !== MH_MAGIC) return false;
  const is64 = magic === MH_MAGIC_64;
  const ncmds = u32(buf, base + 16);
  check(ncmds <= MAX_COMMANDS, `it declares ${ncmds} load commands`);
  let at = base + (is64 ? 32 : 28);
  for (let i = 0; i < ncmds; i++) {
    const cmd = u32(buf, at);
    const size = u32(buf, at + 4);
    check(size >= 8, `load command ${i} has size ${size}`);
    if (cmd === LC_SEGMENT_64 || cmd === LC_SEGMENT) readSegment(buf, base, at, cmd === LC_SEGMENT_64, visit);
    at += size;
  }
  return true;
}

function readSegment(buf: Buffer, base: number, at: number, is64: boolean, visit: (text: string) => void): void {
  const nsects = u32(buf, at + (is64 ? 64 : 48));
  const sectionSize = is64 ? 80 : 68;
  let section = at + (is64 ? 72 : 56);
  for (let i = 0; i < nsects && i < 256; i++, section += sectionSize) {
    const name = cName(buf, section);
    const segment = cName(buf, section + 16);
    if (segment !== '__TEXT' || (name !== '__cstring' && name !== '__ustring')) continue;
    const size = is64 ? Number(buf.readBigUInt64LE(section + 40)) : u32(buf, section + 36);
    const offset = u32(buf, section + (is64 ? 48 : 40));
    const start = base + offset;
    check(start + size <= buf.length, `section ${name} lies outside the file`);
    const data = buf.subarray(start, start + size);
    if (name === '__cstring') splitNul(data, 1).forEach((b) => visit(b.toString('utf8')));
    else splitNul(data, 2).forEach((b) => visit(b.toString('utf16le')));
  }
}

function splitNul(data: Buffer, width: 1 | 2): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i + width <= data.length; i += width) {
    const zero = width === 1 ? data[i] === 0 : data[i] === 0 && data[i + 1] === 0;
    if (!zero) continue;
    if (i > start) out.push(data.subarray(start, i));
    start = i + width;
  }
  return out;
}

function cName(buf: Buffer, at: number): string {
  const raw = buf.subarray(at, at + 16);
  const nul = raw.indexOf(0);
  return raw.toString('latin1', 0, nul < 0 ? 16 : nul);
}
