#!/usr/bin/env node
/**
 * Runs the e2e files two at a time (node --test starts the next file in this order whenever one
 * ends). The order keeps Chromium-heavy files beside light ones: the farm files (two browsers
 * each) beside the simulated native devices and never beside each other, the H5 audits
 * alternating with native files while those last. Files not named here run at the end, in name
 * order. `node scripts/run-e2e.mjs [files...]` runs only the given files, in the same order.
 * GOVAPP_E2E_CONCURRENCY=1 runs them one at a time.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const ORDER = [
  'farm-batch', 'android-violating', 'android-compliant', 'harmonyos-samples', 'farm-redis',
  'framework-samples', 'ios-violating', 'probes', 'ios-compliant', 'audit-samples', 'bad-input', 'login-wall',
  'sim-android-session', 'replay', 'harmonyos-driver-install', 'probe-crash', 'harmonyos-session', 'secret-leak',
  'harmonyos-driver', 'probe-clipboard', 'ios-xcuitest', 'interrupt', 'package-run', 'password-screenshot',
  'settle-transitions', 'tap-listeners',
].map((name) => `${name}.test.ts`);

const given = process.argv.slice(2).map((f) => f.replace(/^test\/e2e\//, ''));
const files = given.length ? given : readdirSync('test/e2e').filter((f) => f.endsWith('.test.ts'));
const rank = (f) => (ORDER.includes(f) ? ORDER.indexOf(f) : ORDER.length);
const ordered = [...files].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
const concurrency = process.env.GOVAPP_E2E_CONCURRENCY ?? '2';
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...ordered.map((f) => `test/e2e/${f}`)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
