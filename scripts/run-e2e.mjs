#!/usr/bin/env node
/**
 * Runs the e2e files two at a time (node --test starts the next file in this order whenever one
 * ends). The order keeps Chromium-heavy files beside light ones: the farm files (two browsers
 * each) never beside each other, the long files first. Files not named here run at the end, in
 * name order.
 *
 *   node scripts/run-e2e.mjs [--lane devices|browsers] [files...]
 *
 * `--lane devices` runs only the files that start no Chromium (the simulated Android, HarmonyOS
 * and iOS devices, package and input checks: mostly waiting on their doubles' modelled delays);
 * `--lane browsers` runs the others. npm test runs the device lane beside lint, typecheck and the
 * unit tests, and the browser lane after them (scripts/test-all.mjs). Given files run in the same
 * order. GOVAPP_E2E_CONCURRENCY sets how many files run at once (default 2).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';

const ORDER = [
  'farm-batch', 'android-violating', 'harmonyos-samples', 'android-compliant', 'framework-samples', 'ios-violating',
  'farm-redis', 'probes', 'ios-compliant', 'audit-samples', 'login-wall', 'bad-input',
  'sim-android-session', 'replay', 'harmonyos-driver-install', 'probe-crash', 'harmonyos-session', 'secret-leak',
  'harmonyos-driver', 'probe-clipboard', 'ios-xcuitest', 'interrupt', 'package-run', 'password-screenshot',
  'settle-transitions', 'tap-listeners',
].map((name) => `${name}.test.ts`);

/** Files that start no browser: their CPU is the doubles' and Appium's, mostly idle. */
export const DEVICE_LANE = new Set([
  'android-violating', 'android-compliant', 'harmonyos-samples', 'harmonyos-session', 'harmonyos-driver',
  'harmonyos-driver-install', 'ios-violating', 'ios-compliant', 'ios-xcuitest', 'sim-android-session',
  'package-run', 'bad-input',
].map((name) => `${name}.test.ts`));

const { values, positionals } = parseArgs({ options: { lane: { type: 'string' } }, allowPositionals: true });
if (values.lane !== undefined && !['devices', 'browsers'].includes(values.lane)) {
  console.error(`run-e2e: --lane must be devices or browsers, got "${values.lane}"`);
  process.exit(2);
}
const given = positionals.map((f) => f.replace(/^test\/e2e\//, ''));
const all = given.length ? given : readdirSync('test/e2e').filter((f) => f.endsWith('.test.ts'));
const files = all.filter((f) => values.lane === undefined || (values.lane === 'devices') === DEVICE_LANE.has(f));
const rank = (f) => (ORDER.includes(f) ? ORDER.indexOf(f) : ORDER.length);
const ordered = [...files].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
const concurrency = process.env.GOVAPP_E2E_CONCURRENCY ?? '2';
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...ordered.map((f) => `test/e2e/${f}`)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
