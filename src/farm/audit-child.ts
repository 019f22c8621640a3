/**
 * One audit of a batch = the same pipeline as `govapp-audit run`, isolated in its own process: its own
 * Appium and chromedriver ports (the device's), its own out dir, and a private TMPDIR under the
 * device's scratch root, so every process it starts carries that root in its command line and can be
 * swept by it (process-sweep.ts) even after the batch was SIGKILLed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/paths.js';
import type { InventoryDevice } from '../devices/inventory.js';
import type { AuditOutcome } from './journal.js';
import type { PlannedAudit } from './manifest.js';

export const CLI_ENTRY = join(PROJECT_ROOT, 'bin', 'govapp-audit.js');

/**
 * The script each audit runs: the CLI, or a stand-in named by GOVAPP_AUDIT_FARM_CHILD that takes the
 * same `run` arguments (tests of the farm's queueing, kills and resumes without Chromium).
 */
export function childEntry(): string {
  return process.env.GOVAPP_AUDIT_FARM_CHILD || CLI_ENTRY;
}

/** `run` children alive now (a worker stopping sends them SIGTERM: they sweep and mark their verdict incomplete). */
export const activeChildren = new Set<ChildProcess>();

/** What a finished child left: its exit code and what its verdict.json says. */
export interface ChildResult {
  exitCode: number | null;
  verdict?: { outcome: Exclude<AuditOutcome, 'error'>; complete: boolean; incompleteReason?: string };
  /** Last line of the child's stderr (its one-sentence error, if any). */
  lastError?: string;
  durationMs: number;
}

/** How the batch reads a finished attempt. */
export type AttemptReading =
  | { kind: 'done'; outcome: Exclude<AuditOutcome, 'error'>; complete: true }
  | { kind: 'device-problem'; reason: string }
  | { kind: 'submission-problem'; reason: string };

/** The `run` arguments of an audit on a device. */
export function runArguments(audit: PlannedAudit, device: InventoryDevice, outDir: string): string[] {
  const args = ['run', '--app', audit.app, '--device', audit.deviceClass, '--out', outDir, '--budget', String(audit.budget), '--appium-port', String(device.ports.appium)];
  if (device.ports.chromedriverPort !== undefined) args.push('--chromedriver-port', String(device.ports.chromedriverPort));
  if (audit.maxActions !== undefined) args.push('--max-actions', String(audit.maxActions));
  if (audit.credentials) args.push('--credentials', audit.credentials);
  if (audit.testData) args.push('--test-data', audit.testData);
  for (const e of audit.exempt) args.push('--exempt', e);
  if (!audit.report) args.push('--no-report');
  return args;
}

/**
 * A complete verdict is a finished audit whatever its outcome; an incomplete one means the run broke
 * on the device (session, Appium, a kill): try elsewhere. No verdict at all means `run` refused its
 * input or could not reach the app before starting anything: a problem of the submission, not of the device.
 */
export function readAttempt(result: ChildResult): AttemptReading {
  if (result.verdict?.complete) return { kind: 'done', outcome: result.verdict.outcome, complete: true };
  if (result.verdict) return { kind: 'device-problem', reason: result.verdict.incompleteReason ?? '审计未完成' };
  if (result.exitCode === null) return { kind: 'device-problem', reason: '审计进程被信号终止' };
  return { kind: 'submission-problem', reason: result.lastError ?? `审计进程以 ${String(result.exitCode)} 退出且未写出 verdict.json` };
}

/** Runs `run` for the audit on the device; resolves when the child exits. */
export async function runAuditChild(audit: PlannedAudit, device: InventoryDevice, outDir: string, scratchRoot: string): Promise<ChildResult> {
  mkdirSync(outDir, { recursive: true });
  mkdirSync(scratchRoot, { recursive: true });
  const started = Date.now();
  const log = openSync(join(outDir, 'cli.log'), 'w');
  let stderrTail = '';
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [childEntry(), ...runArguments(audit, device, outDir)], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, TMPDIR: scratchRoot, FORCE_COLOR: '0' },
      stdio: ['ignore', log, 'pipe'],
    });
    activeChildren.add(child);
    child.once('exit', () => activeChildren.delete(child));
    child.stderr?.on('data', (d: Buffer) => {
      stderrTail = (stderrTail + d.toString()).slice(-4000);
    });
    child.once('error', () => resolve(null));
    child.once('exit', (code) => resolve(code));
  });
  closeSync(log);
  const lastError = stderrTail.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('govapp-audit:')).pop();
  const verdict = readVerdictSummary(outDir);
  return { exitCode, durationMs: Date.now() - started, ...(verdict ? { verdict } : {}), ...(lastError ? { lastError: lastError.replace(/^govapp-audit:\s*/, '') } : {}) };
}

/** Outcome and completeness of <dir>/verdict.json, if it is there and readable. */
export function readVerdictSummary(dir: string): ChildResult['verdict'] | undefined {
  const file = join(dir, 'verdict.json');
  if (!existsSync(file)) return undefined;
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as { outcome: 'pass' | 'fail' | 'inconclusive'; complete: boolean; incompleteReason?: string };
    return { outcome: v.outcome, complete: v.complete, ...(v.incompleteReason ? { incompleteReason: v.incompleteReason } : {}) };
  } catch {
    return undefined;
  }
}
