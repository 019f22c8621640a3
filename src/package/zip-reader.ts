/**
 * Reads zip entries into memory under fixed limits. Nothing is extracted to disk.
 * Hostile archives are rejected while listing (unsafe names, symlinks, duplicates, overlapping
 * entries, declared bombs) and while inflating (bytes are counted as they stream, headers are
 * not trusted).
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { clean, packageError } from './errors.js';
import { mib, type Budget } from './limits.js';

/** One file entry of an archive. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  isDirectory: boolean;
  raw: yauzl.Entry;
}

const RATIO_FLOOR_BYTES = 1024 * 1024;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX_HOST = 3;

const READ_AHEAD = 256 * 1024;

/**
 * Random access over a byte range of an open file. Small reads (central directory records,
 * local headers) are served from a read-ahead block, so listing thousands of entries costs a
 * handful of system calls instead of two per entry.
 */
class FdRangeReader extends yauzl.RandomAccessReader {
  private block: { start: number; data: Buffer } | undefined;

  constructor(
    private readonly fd: number,
    private readonly base: number,
    private readonly size: number,
  ) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return rangeStream(this.fd, this.base + start, this.base + end);
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    if (length > READ_AHEAD / 4) return readFully(this.fd, buffer, offset, length, this.base + position, callback);
    const cached = this.block;
    if (cached && position >= cached.start && position + length <= cached.start + cached.data.length) {
      cached.data.copy(buffer, offset, position - cached.start, position - cached.start + length);
      process.nextTick(callback, null);
      return;
    }
    const blockLength = Math.max(length, Math.min(READ_AHEAD, this.size - position));
    const data = Buffer.allocUnsafe(blockLength);
    readFully(this.fd, data, 0, blockLength, this.base + position, (err) => {
      if (err) return callback(err);
      this.block = { start: position, data };
      data.copy(buffer, offset, 0, length);
      callback(null);
    });
  }
}

/**
 * A readable over [start, end) of a shared descriptor. fs.createReadStream is not used because
 * destroying it closes the descriptor even with autoClose: false.
 */
function rangeStream(fd: number, start: number, end: number): Readable {
  let position = start;
  return new Readable({
    highWaterMark: 64 * 1024,
    read(size: number): void {
      if (position >= end) {
        this.push(null);
        return;
      }
      const length = Math.min(size, end - position, 256 * 1024);
      const buffer = Buffer.allocUnsafe(length);
      fs.read(fd, buffer, 0, length, position, (err, bytesRead) => {
        if (err) return void this.destroy(err);
        if (bytesRead === 0) return void this.destroy(new Error('unexpected EOF'));
        position += bytesRead;
        this.push(buffer.subarray(0, bytesRead));
      });
    },
  });
}

function readFully(fd: number, buffer: Buffer, offset: number, length: number, position: number, done: (err: Error | null) => void): void {
  if (length === 0) return done(null);
  fs.read(fd, buffer, offset, length, position, (err, bytesRead) => {
    if (err) return done(err);
    if (bytesRead === 0) return done(new Error('unexpected EOF'));
    readFully(fd, buffer, offset + bytesRead, length - bytesRead, position + bytesRead, done);
  });
}

/** An open archive whose entries can be read one at a time into memory. */
export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, ZipEntry>,
    private readonly budget: Budget,
    /** Name used in messages: the package path, or `outer!/inner.hap`. */
    readonly label: string,
    private readonly fd: number | undefined,
    private readonly base: number,
  ) {}

  /** Opens the zip stored in `size` bytes of an open file descriptor, starting at `base`. */
  static async fromFd(fd: number, size: number, budget: Budget, label: string, base = 0): Promise<ZipArchive> {
    const reader = new FdRangeReader(fd, base, size);
    const zip = await openOrReject(() => yauzl.fromRandomAccessReaderPromise(reader, size, zipOptions), label);
    const entries = await listEntries(zip, budget, label);
    return new ZipArchive(zip, entries, budget, label, fd, base);
  }

  /** Opens a zip held in memory. */
  static async fromBuffer(buffer: Buffer, budget: Budget, label: string): Promise<ZipArchive> {
    const zip = await openOrReject(() => yauzl.fromBufferPromise(buffer, zipOptions), label);
    const entries = await listEntries(zip, budget, label);
    return new ZipArchive(zip, entries, budget, label, undefined, 0);
  }

  /** Names of all file entries (directories excluded), in archive order. */
  fileNames(): string[] {
    return [...this.entries.values()].filter((e) => !e.isDirectory).map((e) => e.name);
  }

  /** True when a file entry with this exact name exists. */
  has(name: string): boolean {
    const entry = this.entries.get(name);
    return entry !== undefined && !entry.isDirectory;
  }

  /** The entry's metadata, if present. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name);
  }

  /** Reads one entry fully into memory, enforcing the per-entry, ratio, total and time limits. */
  async read(name: string, maxBytes = this.budget.limits.maxEntryBytes): Promise<Buffer> {
    const entry = this.entries.get(name);
    if (!entry || entry.isDirectory) throw packageError(`The package ${this.label} has no entry ${name}; submit the complete package.`);
    this.budget.checkTime();
    if (entry.uncompressedSize > maxBytes) {
      throw packageError(
        `The entry ${name} in ${this.label} is ${mib(entry.uncompressedSize)} uncompressed, more than the ${mib(maxBytes)} limit; submit the original package or raise the limit.`,
      );
    }
    if (entry.raw.isEncrypted()) throw packageError(`The entry ${name} in ${this.label} is encrypted; submit an unencrypted package.`);
    if (entry.raw.compressionMethod !== 0 && entry.raw.compressionMethod !== 8) {
      throw packageError(
        `The entry ${name} in ${this.label} uses unsupported compression method ${entry.raw.compressionMethod}; submit a package built with standard zip (stored or deflated) entries.`,
      );
    }
    return this.inflate(entry, maxBytes);
  }

  /**
   * Opens a zip stored inside this one (a .hap inside a HarmonyOS .app). A stored inner zip is
   * read in place from the outer file; a deflated one is inflated into memory under the limits.
   */
  async openNested(name: string): Promise<ZipArchive> {
    const entry = this.entries.get(name);
    const label = `${this.label}!/${name}`;
    if (entry && !entry.isDirectory && entry.raw.compressionMethod === 0 && this.fd !== undefined && !entry.raw.isEncrypted()) {
      const header = await openOrReject(() => this.zip.readLocalFileHeaderPromise(entry.raw, { minimal: true }), this.label);
      return ZipArchive.fromFd(this.fd, entry.compressedSize, this.budget, label, this.base + header.fileDataStart);
    }
    return ZipArchive.fromBuffer(await this.read(name), this.budget, label);
  }

  /** Releases the archive (the file descriptor belongs to the caller). */
  close(): void {
    this.zip.close();
  }

  private async inflate(entry: ZipEntry, maxBytes: number): Promise<Buffer> {
    const stream = await openOrReject(() => this.zip.openReadStreamPromise(entry.raw), this.label);
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        this.budget.addInflated(chunk.length);
        this.budget.checkTime();
        if (total > maxBytes) {
          throw packageError(`The entry ${entry.name} in ${this.label} inflates past the ${mib(maxBytes)} limit; submit the original package.`);
        }
        if (total > RATIO_FLOOR_BYTES && total > entry.compressedSize * this.budget.limits.maxCompressionRatio) {
          throw packageError(
            `The entry ${entry.name} in ${this.label} inflates more than ${this.budget.limits.maxCompressionRatio} times its compressed size (a possible zip bomb); submit the original package.`,
          );
        }
        chunks.push(chunk);
      }
    } catch (error) {
      stream.destroy();
      if (error instanceof Error && !('code' in error && error.code === 'bad-package')) {
        throw packageError(`The entry ${entry.name} in ${this.label} cannot be inflated (${clean(error.message)}); submit the original, complete package.`);
      }
      throw error;
    }
    return Buffer.concat(chunks, total);
  }
}

const zipOptions: yauzl.Options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false };

async function openOrReject<T>(open: () => Promise<T>, label: string): Promise<T> {
  try {
    return await open();
  } catch (error) {
    const reason = error instanceof Error ? clean(error.message) : 'unknown error';
    throw packageError(`The package ${label} is not a valid zip archive (${reason}); submit the original, complete package file.`);
  }
}

function listEntries(zip: yauzl.ZipFile, budget: Budget, label: string): Promise<Map<string, ZipEntry>> {
  const { maxEntries } = budget.limits;
  if (zip.entryCount > maxEntries) {
    zip.close();
    return Promise.reject(
      packageError(`The package ${label} declares ${zip.entryCount} zip entries, more than the limit of ${maxEntries}; submit the original package or raise maxEntries.`),
    );
  }
  return new Promise((resolve, reject) => {
    const entries = new Map<string, ZipEntry>();
    const offsets = new Set<number>();
    const fail = (error: unknown): void => {
      zip.removeAllListeners();
      zip.on('error', () => undefined);
      zip.close();
      reject(error instanceof Error && 'code' in error ? error : packageError(
        `The package ${label} is not a valid zip archive (${clean(error instanceof Error ? error.message : 'unknown error')}); submit the original, complete package file.`,
      ));
    };
    zip.on('error', fail);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (raw: yauzl.Entry) => {
      try {
        const entry = toEntry(raw, label, budget.limits.maxCompressionRatio);
        if (entries.has(entry.name)) {
          throw packageError(`The package ${label} contains the entry ${entry.name} twice (a tampering technique); submit the original package.`);
        }
        if (offsets.has(raw.relativeOffsetOfLocalHeader)) {
          throw packageError(`The package ${label} has overlapping zip entries at ${entry.name} (a zip bomb technique); submit the original package.`);
        }
        offsets.add(raw.relativeOffsetOfLocalHeader);
        entries.set(entry.name, entry);
        budget.checkTime();
        zip.readEntry();
      } catch (error) {
        fail(error);
      }
    });
    zip.readEntry();
  });
}

function toEntry(raw: yauzl.Entry, label: string, maxRatio: number): ZipEntry {
  const nameBytes = raw.fileName as unknown as Buffer;
  const name = yauzl.getFileNameLowLevel(raw.generalPurposeBitFlag, nameBytes, raw.extraFields, true);
  const unsafe = unsafeNameReason(name);
  if (unsafe) {
    throw packageError(`The package ${label} contains an entry with ${unsafe} (${JSON.stringify(name.slice(0, 120))}); submit the original package, not a crafted archive.`);
  }
  const mode = (raw.externalFileAttributes >>> 16) & S_IFMT;
  if (raw.versionMadeBy >>> 8 === UNIX_HOST && mode === S_IFLNK) {
    throw packageError(`The package ${label} contains a symbolic link entry ${JSON.stringify(name)}; submit a package without symbolic links.`);
  }
  if (raw.uncompressedSize > RATIO_FLOOR_BYTES && raw.uncompressedSize > raw.compressedSize * maxRatio) {
    throw packageError(
      `The entry ${name} in ${label} declares ${mib(raw.uncompressedSize)} from ${raw.compressedSize} compressed bytes, more than ${maxRatio} times (a possible zip bomb); submit the original package or raise maxCompressionRatio.`,
    );
  }
  return {
    name,
    compressedSize: raw.compressedSize,
    uncompressedSize: raw.uncompressedSize,
    isDirectory: name.endsWith('/'),
    raw,
  };
}

/** Why an entry name is unsafe to use as a path, or undefined when it is safe. */
export function unsafeNameReason(name: string): string | undefined {
  if (name.length === 0) return 'an empty name';
  if (name.includes('\0')) return 'a NUL byte in its name';
  if (name.includes('\\')) return 'a backslash in its name';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'an absolute path';
  if (name.split('/').includes('..')) return 'a ".." path segment';
  return undefined;
}
