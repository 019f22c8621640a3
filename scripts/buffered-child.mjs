/**
 * Runs a child process with its stdout and stderr kept together in memory, so that parts of npm test
 * running side by side print each their whole output when they end, never interleaved
 * (scripts/test-all.mjs, scripts/run-unit.mjs, scripts/e2e-lanes.mjs).
 */
import { spawn } from 'node:child_process';

/** Resolves when the child has exited: its exit code (null when a signal ended it), the signal, and everything it printed. */
export function runBuffered(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
}

/** "ok", or how the child failed. */
export function status({ code, signal }) {
  return code === 0 ? 'ok' : `failed (${signal ?? `exit ${code}`})`;
}

/** A positive whole number from the environment variable `name`, or `fallback` when it is unset or not one. */
export function countSetting(name, fallback) {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 1 ? value : fallback;
}
