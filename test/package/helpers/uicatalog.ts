/**
 * The ios-uicatalog npm package (Apple's UIKitCatalog sample, Apache-2.0). It is darwin-only on
 * npm and builds its .app with xcodebuild at install time, so on Linux it is fetched with
 * `npm pack` into node_modules/.cache/govapp-audit-fixtures and read from the tarball in memory.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../../../src/core/paths.js';

const VERSION = '3.8.0';
const cacheDir = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'govapp-audit-fixtures');

/** Files of the package tarball by path (without the leading `package/`), or a reason it is unavailable. */
export async function loadUiCatalog(): Promise<{ files: Map<string, Buffer> } | { unavailable: string }> {
  const tarball = path.join(cacheDir, `ios-uicatalog-${VERSION}.tgz`);
  if (!existsSync(tarball)) {
    try {
      await fs.mkdir(cacheDir, { recursive: true });
      await promisify(execFile)('npm', ['pack', `ios-uicatalog@${VERSION}`, '--pack-destination', cacheDir, '--silent'], { timeout: 60_000 });
    } catch (error) {
      return { unavailable: `npm pack ios-uicatalog@${VERSION} failed (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'})` };
    }
  }
  return { files: readTar(gunzipSync(await fs.readFile(tarball))) };
}

/** Minimal ustar/GNU tar reader (regular files only). */
export function readTar(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let longName: string | undefined;
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number): string => header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const data = tar.subarray(at + 512, at + 512 + size);
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    if (type === 'L') longName = data.toString('utf8').replace(/\0.*$/s, '');
    else if (type === '0' || type === '') files.set(name.replace(/^package\//, ''), data);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
