/**
 * Whether build/ (scripts/build.mjs) may be run instead of the TypeScript: it is complete and no
 * source file is newer than the moment it was built. Read at every CLI start (bin/govapp-audit.js),
 * so it imports nothing heavy: a stat of each of some 400 files.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What is compiled: the folders and files the CLI, the testrunner and its workers load. */
export const SOURCES = ['src', 'specs', 'wdio.conf.ts'];
/**
 * Compiled too, for `npm test` (scripts/test-entry.mjs): the tests, and what they import beside the product (the
 * scripts, the HarmonyOS driver's sources). Not part of the CLI's freshness: an edited test never sends the CLI
 * back to the TypeScript.
 */
export const TEST_SOURCES = ['test', 'scripts', 'drivers/appium-harmonyos-driver/lib'];
/** Written last in build/; its mtime is the moment the build started. */
export const STAMP = '.built';

/** Every file under `path` (or `path` itself), in name order. */
export function* filesUnder(path) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) yield* filesUnder(join(path, entry));
}

/** The newest modification time (ms) among the `sources` under `root`. */
export function newestSource(root = PROJECT_DIR, sources = SOURCES) {
  let newest = 0;
  for (const source of sources) for (const file of filesUnder(join(root, source))) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

/** Whether `root`/build is complete and newer than every one of `sources` under `root` (a tie counts as stale). */
export function isCurrent(root = PROJECT_DIR, sources = SOURCES) {
  const stamp = join(root, 'build', STAMP);
  return existsSync(stamp) && statSync(stamp).mtimeMs > newestSource(root, sources);
}

/** Whether `root`/build also holds the current tests and scripts (what `npm test` runs from it). */
export function testsCurrent(root = PROJECT_DIR) {
  return isCurrent(root, [...SOURCES, ...TEST_SOURCES]);
}
