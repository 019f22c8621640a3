/**
 * The run's Appium server as a child process the CLI starts itself, as soon as the device is
 * ready: its start (≈2 s of module and driver loading) then overlaps the testrunner's own start
 * and the worker's, which waits for it (waitForAppium) before opening its session. Its console
 * output goes to <out>/logs/appium.log (masked by Appium's own --log-filters, with timestamps); its
 * command line carries the run's scratch folder (the --log file), so the process sweep finds it
 * whatever happens. That file takes errors only: nothing reads it, and writing every debug line
 * twice cost the server CPU on each command.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export interface AppiumOptions {
  port: number;
  /** Appium's own log file (in the run's scratch folder). */
  logFile: string;
  /** Where Appium's console output is kept for the reviewer. */
  consoleFile: string;
  driver: string;
  allowInsecure?: readonly string[];
  logFiltersFile?: string;
}

export interface AppiumProcess {
  readonly port: number;
  /** Stops the server (SIGTERM, then SIGKILL after `graceMs`); resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** The command-line arguments of the server (the same the WebdriverIO Appium service would pass). */
export function appiumArgs(options: AppiumOptions): string[] {
  return [
    '--address', '127.0.0.1', '--port', String(options.port), '--log', options.logFile, '--log-level', 'debug:error', '--log-timestamp', '--use-drivers', options.driver,
    ...(options.allowInsecure?.length ? ['--allow-insecure', options.allowInsecure.join(',')] : []),
    ...(options.logFiltersFile ? ['--log-filters', options.logFiltersFile] : []),
  ];
}

/** Starts Appium (APPIUM_HOME and the device's environment must be set in process.env first). */
export function spawnAppium(options: AppiumOptions): AppiumProcess {
  const entry = createRequire(import.meta.url).resolve('appium');
  mkdirSync(dirname(options.consoleFile), { recursive: true });
  const child = spawn(process.execPath, [entry, ...appiumArgs(options)], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  const output = createWriteStream(options.consoleFile, { flags: 'a' });
  child.stdout?.pipe(output);
  child.stderr?.pipe(output);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  // Idempotent: the run stops it once the testrunner is done, and again (a no-op) on its way out.
  return { port: options.port, stop: (graceMs = 3000) => (stopping ??= stopChild(child, exited, graceMs)) };
}

async function stopChild(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Resolves once the Appium server on `port` answers /status; rejects with one sentence after
 * `timeoutMs` (the worker's side: it has no handle on the process, only the port).
 */
export async function waitForAppium(port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`Appium did not answer on port ${port} within ${Math.round(timeoutMs / 1000)} s (see logs/appium.log).`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
