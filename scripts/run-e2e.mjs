#!/usr/bin/env node
/**
 * Runs the e2e files two at a time (node --test), ordered so that each file driving Chromium
 * (H5 audits, the farm's two browsers) tends to run beside one that does not (the simulated
 * native devices, CLI-only checks): two Chromium audits on two cores would slow each other's
 * evidence windows, a Chromium audit beside a simulated device mostly does not.
 * `node scripts/run-e2e.mjs [files...]` runs only the given files, in the same order rule.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** Files that start no Chromium: simulated native devices, and runs refused before any session. */
const NO_BROWSER = /^(android-|harmonyos-|ios-|sim-android-|bad-input|package-run)/;

const given = process.argv.slice(2);
const files = (given.length ? given.map((f) => f.replace(/^test\/e2e\//, '')) : readdirSync('test/e2e').filter((f) => f.endsWith('.test.ts'))).sort();
const browser = files.filter((f) => !NO_BROWSER.test(f));
const native = files.filter((f) => NO_BROWSER.test(f));
const ordered = [];
for (let i = 0; i < Math.max(browser.length, native.length); i++) {
  if (browser[i]) ordered.push(browser[i]);
  if (native[i]) ordered.push(native[i]);
}
const concurrency = process.env.GOVAPP_E2E_CONCURRENCY ?? '2';
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...ordered.map((f) => `test/e2e/${f}`)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
