#!/usr/bin/env node
/**
 * `npm test` on a 2-core machine, everything at once where the CPU allows:
 *   - lint, typecheck and the unit tests (scripts/run-unit.mjs), side by side;
 *   - the e2e files that start no browser (the device lane: the simulated native devices mostly wait on
 *     their modelled delays), one at a time beside lint, typecheck and the unit tests, then
 *     GOVAPP_E2E_DEVICE_CONCURRENCY (default 3) at a time;
 *   - once lint, typecheck and the unit tests are done, the e2e files that drive Chromium (the browser
 *     lane, which needs the CPU): the farm files first and alone, then GOVAPP_E2E_CONCURRENCY (default 3)
 *     at a time beside the device lane, and GOVAPP_E2E_CONCURRENCY_ALONE (default 4) once it is done.
 *     (2 and 3 until stop 21: once an audit used less CPU, 3 and 4 took npm test from 535 to 492 s.)
 * Lint, typecheck and the unit tests print when they end; each e2e file prints its TAP when it ends.
 * Exits non-zero when any part failed, and runs every part even then, so one run shows everything
 * that is wrong. The lanes and the pool: scripts/e2e-lanes.mjs.
 */
import { countSetting, runBuffered, status } from './buffered-child.mjs';
import { laneFiles, runFiles, summary } from './e2e-lanes.mjs';
import { TESTS_FROM_BUILD } from './test-entry.mjs';

const started = Date.now();
process.stdout.write(TESTS_FROM_BUILD ? '── test files run from build/ (compiled by npm run setup)\n' : '── test files run through tsx (build/ is older than a source; npm run setup compiles it)\n');
const seconds = (since) => Math.round((Date.now() - since) / 1000);

async function npmScript(script) {
  const result = await runBuffered('npm', ['run', '--silent', script]);
  process.stdout.write(`${result.output}\n── npm run ${script}: ${status(result)}, ended at ${seconds(started)} s\n`);
  return { code: result.code ?? 1 };
}

let unitStageDone = false;
let deviceLaneDone = false;
const deviceConcurrency = countSetting('GOVAPP_E2E_DEVICE_CONCURRENCY', 3);
const devices = runFiles(laneFiles('devices'), { started, label: 'e2e (device lane)', limit: () => (unitStageDone ? deviceConcurrency : 1) });
const [lint, typecheck, unit] = await Promise.all([npmScript('lint'), npmScript('typecheck'), npmScript('test:unit')]);
unitStageDone = true;
devices.poke();
process.stdout.write(`\n── lint, typecheck and unit tests: ended at ${seconds(started)} s\n`);
const browserConcurrency = countSetting('GOVAPP_E2E_CONCURRENCY', 3);
const browserConcurrencyAlone = countSetting('GOVAPP_E2E_CONCURRENCY_ALONE', 4);
const browserLane = runFiles(laneFiles('browsers'), { started, label: 'e2e (browser lane)', limit: () => (deviceLaneDone ? browserConcurrencyAlone : browserConcurrency) });
const deviceResults = await devices.done;
deviceLaneDone = true;
browserLane.poke();
process.stdout.write(`\n── e2e tests on simulated devices and without a device: ended at ${seconds(started)} s\n`);
const browsers = await browserLane.done;
process.stdout.write(`\n── e2e tests with a browser: ended at ${seconds(started)} s\n`);
process.stdout.write(`\n── e2e files (wall time each)\n${summary([...browsers, ...deviceResults])}\n`);
process.stdout.write(`\n── npm test: ${seconds(started)} s\n`);

const failed = [
  ...Object.entries({ lint, typecheck, 'test:unit': unit }).filter(([, r]) => r.code !== 0).map(([name]) => name),
  ...[...browsers, ...deviceResults].filter((r) => !r.ok).map((r) => `e2e ${r.file}`),
];
if (failed.length) process.stdout.write(`failed: ${failed.join(', ')}\n`);
process.exit(failed.length ? 1 : 0);
