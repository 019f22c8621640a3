/**
 * Runs a child process with its stdout and stderr kept together in memory, so that parts of npm test
 * running side by side print each their whole output when they end, never interleaved
 * (scripts/test-all.mjs, scripts/run-unit.mjs, scripts/e2e-lanes.mjs).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';

/**
 * Resolves when the child has exited: its exit code (null when a signal ended it), the signal, and everything it
 * printed. With `cpu`, also the CPU seconds (user + system) of the child and every descendant it waited for, read
 * by GNU time (undefined when it is not installed).
 */
export function runBuffered(command, args, { cpu = false } = {}) {
  const timed = cpu && existsSync(TIME);
  const dir = timed ? mkdtempSync(join(tmpdir(), 'npm-test-cpu-')) : undefined;
  const [file, argv] = timed ? [TIME, ['-f', '%U %S', '-o', join(dir, 'cpu'), command, ...args]] : [command, args];
  return new Promise((resolve) => {
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code, signal) => resolve({ code, signal, output, cpuSeconds: dir ? readCpu(dir) : undefined }));
  });
}

function readCpu(dir) {
  try {
    const [user, system] = readFileSync(join(dir, 'cpu'), 'utf8').trim().split('\n').pop().split(' ').map(Number);
    return Number.isFinite(user + system) ? user + system : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
