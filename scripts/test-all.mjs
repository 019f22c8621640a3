#!/usr/bin/env node
/**
 * `npm test`: lint, typecheck and the unit tests at the same time (lint and tsc are one process
 * each, the unit tests two files at a time), then the e2e tests (scripts/run-e2e.mjs). Lint and
 * typecheck print when they end; the unit tests stream. Exits non-zero when any part failed, and
 * runs the e2e tests even then, so one run shows everything that is wrong.
 */
import { spawn } from 'node:child_process';

function run(script, { stream }) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code) => {
      if (!stream) process.stdout.write(`\n── npm run ${script}: ${code === 0 ? 'ok' : `failed (exit ${code})`}\n${output}`);
      resolve(code ?? 1);
    });
  });
}

const started = Date.now();
const [lint, typecheck, unit] = await Promise.all([run('lint', { stream: false }), run('typecheck', { stream: false }), run('test:unit', { stream: true })]);
process.stdout.write(`\n── lint, typecheck and unit tests: ${Math.round((Date.now() - started) / 1000)} s\n`);
const e2eStarted = Date.now();
const e2e = await run('test:e2e', { stream: true });
process.stdout.write(`\n── e2e tests: ${Math.round((Date.now() - e2eStarted) / 1000)} s\n`);
const failed = Object.entries({ lint, typecheck, 'test:unit': unit, 'test:e2e': e2e }).filter(([, code]) => code !== 0).map(([name]) => name);
if (failed.length) process.stdout.write(`failed: ${failed.join(', ')}\n`);
process.exit(failed.length ? 1 : 0);
