#!/usr/bin/env node
/**
 * `npm test`, in two stages on a 2-core machine:
 *   1. lint, typecheck and the unit tests (two files at a time), and beside them, one at a time, the
 *      e2e files that start no browser (`run-e2e.mjs --lane devices`: the simulated native devices mostly wait on
 *      their modelled delays, so they fit beside CPU-bound work);
 *   2. once lint, typecheck and the unit tests are done, the e2e files that drive Chromium
 *      (`--lane browsers`), which need the CPU.
 * The unit tests and the browser lane stream; lint, typecheck and the device lane print when they
 * end (the device lane's TAP after the browser lane's, not interleaved with it). Exits non-zero when
 * any part failed, and runs every part even then, so one run shows everything that is wrong.
 */
import { spawn } from 'node:child_process';

const started = Date.now();
const seconds = (since) => Math.round((Date.now() - since) / 1000);

function run(command, args, { stream, env }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code: code ?? 1, output, seconds: seconds(started) }));
  });
}

const npmScript = (script, options) => run('npm', ['run', '--silent', script], options);
// The device lane runs one file at a time: two at once beside lint and tsc starved the HarmonyOS double
// (its exploration ran out of budget) and, later, the browser lane's explorations.
const e2eLane = (lane, options) => run(process.execPath, ['scripts/run-e2e.mjs', '--lane', lane], {
  ...options, env: lane === 'devices' ? { ...process.env, GOVAPP_E2E_CONCURRENCY: process.env.GOVAPP_E2E_DEVICE_CONCURRENCY ?? '1' } : process.env,
});

function report(name, result) {
  process.stdout.write(`\n── ${name}: ${result.code === 0 ? 'ok' : `failed (exit ${result.code})`}, ended at ${result.seconds} s\n${result.output}`);
}

const devices = e2eLane('devices', { stream: false });
const [lint, typecheck, unit] = await Promise.all([
  npmScript('lint', { stream: false }).then((r) => (report('npm run lint', r), r)),
  npmScript('typecheck', { stream: false }).then((r) => (report('npm run typecheck', r), r)),
  npmScript('test:unit', { stream: true }),
]);
process.stdout.write(`\n── lint, typecheck and unit tests: ended at ${seconds(started)} s\n`);
const browsersStarted = Date.now();
const browsers = await e2eLane('browsers', { stream: true });
process.stdout.write(`\n── e2e tests with a browser: ${seconds(browsersStarted)} s\n`);
const deviceResult = await devices;
report('e2e tests on simulated devices and without a device (started with the unit tests)', deviceResult);
process.stdout.write(`\n── npm test: ${seconds(started)} s\n`);

const parts = { lint, typecheck, 'test:unit': unit, 'e2e (browsers)': browsers, 'e2e (devices)': deviceResult };
const failed = Object.entries(parts).filter(([, r]) => r.code !== 0).map(([name]) => name);
if (failed.length) process.stdout.write(`failed: ${failed.join(', ')}\n`);
process.exit(failed.length ? 1 : 0);
