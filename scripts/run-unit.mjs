#!/usr/bin/env node
/**
 * The unit tests (every test/**\/*.test.ts outside test/e2e), in three processes rather than one per
 * file: two shards that import their files into one process each (scripts/unit-shard.mjs), and the
 * files in ALONE, which mostly wait on processes they start, in their own `node --test` beside them.
 *
 * Why: `node --test` starts one process per file, and each of the ~110 processes loaded tsx and the
 * modules under test again. Measured on 2 cores: 107 CPU-s and 77 s for 775 tests one process per
 * file; about 50 CPU-s in shards. Files share a process, so a test must not leave global state
 * behind (environment variables, module-level singletons); the order is fixed (sorted), so a leak
 * shows up the same way every time. To run one file alone: `node --import tsx --test <file>`.
 *
 * Each part's TAP is printed when it ends (never interleaved); the exit code is non-zero when any
 * part failed. GOVAPP_UNIT_SHARDS sets the number of shards (default 2). The files run from build/ when it
 * is current (scripts/test-entry.mjs).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { countSetting, runBuffered, status } from './buffered-child.mjs';
import { testLoader, testPath } from './test-entry.mjs';

/** Files that spend their time waiting on the CLI processes they start (the farm's kill and restart: ~35 s). */
const ALONE = ['test/farm/farm-fake-child.test.ts'];

function testFiles(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (path === join('test', 'e2e')) return [];
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const missing = ALONE.filter((f) => !existsSync(f));
if (missing.length) {
  console.error(`run-unit: ${missing.join(', ')} is listed in ALONE (scripts/run-unit.mjs) but does not exist.`);
  process.exit(2);
}
const files = testFiles('test').filter((f) => !ALONE.includes(f));
const shardCount = countSetting('GOVAPP_UNIT_SHARDS', 2);
const shards = Array.from({ length: shardCount }, (_, k) => files.filter((_, i) => i % shardCount === k));

const started = Date.now();
async function run(name, args) {
  const result = await runBuffered(process.execPath, [...testLoader(), ...args]);
  const count = (key) => new RegExp(`^# ${key} (\\d+)$`, 'm').exec(result.output)?.[1] ?? '?';
  process.stdout.write(`${result.output}\n── unit tests, ${name}: ${status(result)}, ${count('tests')} tests, ${count('pass')} passed, ${count('fail')} failed, ended at ${Math.round((Date.now() - started) / 1000)} s\n`);
  return result.code === 0 ? 0 : 1;
}

const results = await Promise.all([
  ...shards.map((shard, k) => run(`shard ${k + 1}/${shardCount} (${shard.length} files)`, ['scripts/unit-shard.mjs', ...shard.map((f) => testPath(f))])),
  run(`alone (${ALONE.join(', ')})`, ['--test', ...ALONE.map((f) => testPath(f))]),
]);
process.exit(results.some((r) => r !== 0) ? 1 : 0);
