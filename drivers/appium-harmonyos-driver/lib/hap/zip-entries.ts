/**
 * Just enough zip reading to take module.json out of a .hap (and the .hap files out of an .app):
 * the central directory, stored and deflated entries. Signed HAPs stay readable: the signing block
 * sits before the central directory and is skipped by offset.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry { name: string; method: number; compressedSize: number; localOffset: number }

/** The entries listed in the central directory. */
export function listZipEntries(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    entries.push({ name: zip.toString('utf8', p + 46, p + 46 + nameLen), method, compressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The uncompressed bytes of one entry. */
export function readZipEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localOffset;
  if (zip.readUInt32LE(p) !== 0x04034b50) throw new Error(`corrupt zip local header for ${entry.name}`);
  const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`unsupported zip compression method ${entry.method} for ${entry.name}`);
}
