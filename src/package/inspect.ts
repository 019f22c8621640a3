/**
 * Entry point: checks the path, hashes the file, opens it as a zip under the limits, detects the
 * format by content and runs the platform reader. Every problem with the input surfaces as one
 * AuditError('bad-package'); nothing is extracted to disk and nothing in the package is run.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readApk } from './apk.js';
import { checkExtension, detectFormat, type PackageFormat } from './detect-format.js';
import { packageError } from './errors.js';
import { FactsBuilder } from './facts-builder.js';
import { readApp, readHap } from './hap.js';
import { readIpa } from './ipa.js';
import { Budget, mib, resolveLimits, type PackageLimits } from './limits.js';
import type { ReadContext } from './read-context.js';
import type { PackageFacts, PackagePlatform } from './types.js';
import { ZipArchive } from './zip-reader.js';

const PLATFORM: Record<PackageFormat, PackagePlatform> = { apk: 'android', hap: 'harmonyos', app: 'harmonyos', ipa: 'ios' };
const READERS: Record<PackageFormat, (zip: ZipArchive, ctx: ReadContext) => Promise<void>> = {
  apk: readApk,
  hap: readHap,
  app: readApp,
  ipa: readIpa,
};

/** Reads the facts a package declares. Throws AuditError('bad-package') for unusable input. */
export async function inspectPackage(file: string, limits?: Partial<PackageLimits>): Promise<PackageFacts> {
  const resolved = resolveLimits(limits);
  const sizeBytes = await checkPath(file, resolved);
  const handle = await openOrReject(file);
  try {
    const budget = new Budget(resolved, file);
    const sha256 = await hashFile(handle, sizeBytes);
    await checkMagic(handle, file);
    const zip = await ZipArchive.fromFd(handle.fd, sizeBytes, budget, file);
    try {
      const format = detectFormat(zip.fileNames(), file);
      const extensionWarning = checkExtension(file, format, file);
      const builder = new FactsBuilder(PLATFORM[format], resolved);
      if (extensionWarning) builder.warnings.push(extensionWarning);
      await READERS[format](zip, { builder, budget, label: file, file: handle, sizeBytes });
      return assemble(builder, format, { path: path.resolve(file), sizeBytes, sha256 });
    } finally {
      zip.close();
    }
  } finally {
    await handle.close();
  }
}

async function checkPath(file: string, limits: PackageLimits): Promise<number> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw packageError(`The package ${file} does not exist or cannot be read; check the path given to --app or inspect.`);
  }
  if (stat.isDirectory()) {
    throw packageError(`The package ${file} is a directory, not a package file; submit the .apk, .hap, .app or .ipa file (zip an iOS .app folder as Payload/<Name>.app in an .ipa).`);
  }
  if (!stat.isFile()) throw packageError(`The package ${file} is not a regular file; submit the .apk, .hap, .app or .ipa file.`);
  if (stat.size === 0) throw packageError(`The package ${file} is empty (0 bytes); submit the complete package file.`);
  if (stat.size > limits.maxFileBytes) {
    throw packageError(`The package ${file} is ${mib(stat.size)}, more than the ${mib(limits.maxFileBytes)} limit; submit the original package or raise maxFileBytes.`);
  }
  return stat.size;
}

async function openOrReject(file: string): Promise<fs.FileHandle> {
  try {
    return await fs.open(file, 'r');
  } catch {
    throw packageError(`The package ${file} cannot be opened for reading; check its permissions.`);
  }
}

async function hashFile(handle: fs.FileHandle, size: number): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1024 * 1024);
  for (let position = 0; position < size; ) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash.digest('hex');
}

async function checkMagic(handle: fs.FileHandle, file: string): Promise<void> {
  const head = Buffer.alloc(4);
  await handle.read(head, 0, 4, 0);
  if (head[0] === 0x50 && head[1] === 0x4b) return;
  const hex = head.toString('hex').replace(/(..)(?!$)/g, '$1 ');
  throw packageError(`The package ${file} is not a zip archive (it starts with bytes ${hex}, not PK); submit the .apk, .hap, .app or .ipa file itself.`);
}

function assemble(builder: FactsBuilder, format: PackageFormat, file: PackageFacts['file']): PackageFacts {
  return {
    platform: PLATFORM[format],
    format,
    file,
    identity: builder.identity,
    permissions: builder.permissions,
    components: builder.components,
    network: builder.network,
    hosts: builder.hosts(),
    strings: builder.strings(),
    urlSchemes: builder.urlSchemes,
    entryPoints: builder.entryPoints,
    warnings: builder.warnings,
  };
}
