#!/usr/bin/env node
/**
 * Runs the e2e files two at a time (node --test starts the next file in this order whenever one
 * ends), the long files first; the farm files, which run two audits at once themselves, run first
 * and one at a time. Files not named here run at the end, in name order.
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
  // Device lane: the short files first (they run while lint and tsc hold the CPU), then the sample audits.
  'bad-input', 'package-run', 'ios-xcuitest', 'harmonyos-driver', 'harmonyos-driver-install', 'harmonyos-session',
  'sim-android-session', 'android-violating', 'harmonyos-samples', 'android-compliant', 'ios-violating', 'ios-compliant',
  // Browser lane (after the farm files).
  'framework-samples', 'probes', 'audit-samples', 'login-wall', 'probe-crash', 'secret-leak', 'replay', 'probe-clipboard',
  'interrupt', 'password-screenshot', 'settle-transitions', 'tap-listeners',
].map((name) => `${name}.test.ts`);

/**
 * Files that run two audits at once themselves (a batch on two devices): they run one at a time,
 * before the others. Beside another audit they made five Chromiums on two cores, and the explorer
 * beside them met Vant's 提交成功 toast still on screen and recorded it as a dialog it then could
 * not reach again.
 */
const TWO_BROWSER_FILES = ['farm-batch', 'farm-redis'].map((name) => `${name}.test.ts`);

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
const groups = [
  { files: TWO_BROWSER_FILES.filter((f) => ordered.includes(f)), concurrency: '1' },
  { files: ordered.filter((f) => !TWO_BROWSER_FILES.includes(f)), concurrency },
].filter((g) => g.files.length > 0);
let status = 0;
for (const group of groups) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${group.concurrency}`, ...group.files.map((f) => `test/e2e/${f}`)], { stdio: 'inherit' });
  if (result.status !== 0) status = result.status ?? 1;
}
process.exit(status);
