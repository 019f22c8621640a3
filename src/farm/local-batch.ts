/**
 * A batch on the devices of this machine: every planned audit not yet done in the journal runs as a
 * `run` child on a leased device, as many at once as there are devices (p-limit), retried on another
 * device when it broke on one. Every step is journaled before it is acted on, so the same command
 * after a SIGKILL keeps what finished and redoes what was cut.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { loadDeviceProfile } from '../devices/profile.js';
import type { InventoryDevice } from '../devices/inventory.js';
import { auditDir } from './batch-folder.js';
import { readAttempt, readVerdictSummary, type ChildResult } from './audit-child.js';
import { DevicePool } from './device-pool.js';
import { batchState, readJournal, type AuditDone, type Journal } from './journal.js';
import type { PlannedAudit } from './manifest.js';
import type { BatchCounts } from './progress.js';

/** Attempts of one audit before it is given up as an error. */
export const MAX_ATTEMPTS = 3;

export interface LocalBatchDeps {
  runChild: (audit: PlannedAudit, device: InventoryDevice, outDir: string) => Promise<ChildResult>;
  health: (device: InventoryDevice) => Promise<string | undefined>;
  onProgress?: (counts: BatchCounts, force: boolean) => void;
  onLine?: (text: string) => void;
  retryMs?: number;
}

/** Runs the audits of `audits` not yet done in the journal of `batchOut`. */
export async function runLocalBatch(audits: readonly PlannedAudit[], devices: readonly InventoryDevice[], batchOut: string, journal: Journal, deps: LocalBatchDeps): Promise<void> {
  const state = batchState(readJournal(batchOut));
  const counts: BatchCounts = { total: audits.length, done: 0, running: 0, devicesBusy: 0, devices: devices.length, durationsMs: [] };
  const pool = new DevicePool(devices, deps.health, {
    deviceFailed: (d, reason) => journal.append({ type: 'device-failed', at: now(), device: d.id, reason }),
    deviceSetAside: (d, reason) => {
      journal.append({ type: 'device-set-aside', at: now(), device: d.id, reason });
      deps.onLine?.(`设备 ${d.id} 已停用：${reason}`);
    },
  }, deps.retryMs);
  const progress = (force = false) => {
    counts.devicesBusy = pool.busyCount;
    deps.onProgress?.(counts, force);
  };
  const pending: PlannedAudit[] = [];
  for (const audit of audits) {
    if (state.done.has(audit.key)) counts.done++;
    else if (state.cut.has(audit.key) && recoverFinished(audit, batchOut, journal)) counts.done++;
    else pending.push(audit);
  }
  progress(true);
  const limit = pLimit(Math.max(1, devices.length));
  await Promise.all(pending.map((audit) => limit(async () => {
    await runWithRetries(audit, pool, batchOut, journal, deps, counts, progress);
    counts.done++;
    progress(true);
  })));
}

async function runWithRetries(audit: PlannedAudit, pool: DevicePool, batchOut: string, journal: Journal, deps: LocalBatchDeps, counts: BatchCounts, progress: (force?: boolean) => void): Promise<void> {
  const profile = loadDeviceProfile(audit.deviceClass);
  const tried = new Set<string>();
  let lastReason = '';
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const device = await pool.acquire(profile, tried);
    if (!device) {
      lastReason = `没有可用的 ${audit.deviceClass} 类设备${lastReason ? `（${lastReason}）` : ''}`;
      break;
    }
    journal.append({ type: 'start', at: now(), audit: audit.key, device: device.id, host: device.host, attempt });
    counts.running++;
    progress(true);
    let result: ChildResult;
    try {
      result = await deps.runChild(audit, device, auditDir(batchOut, audit.key));
    } finally {
      counts.running--;
      pool.release(device);
    }
    const reading = readAttempt(result);
    if (reading.kind === 'done') {
      counts.durationsMs.push(result.durationMs);
      counts.lastDoneAt = Date.now();
      journal.append(doneEntry(audit, device, { outcome: reading.outcome, exitCode: result.exitCode ?? 2, complete: true, durationMs: result.durationMs }));
      return;
    }
    if (reading.kind === 'submission-problem') {
      journal.append(doneEntry(audit, device, { outcome: 'error', exitCode: result.exitCode ?? 2, complete: false, durationMs: result.durationMs, error: reading.reason }));
      deps.onLine?.(`${audit.key} 无法审计：${reading.reason}`);
      return;
    }
    lastReason = reading.reason;
    journal.append({ type: 'attempt-failed', at: now(), audit: audit.key, device: device.id, attempt, reason: reading.reason });
    deps.onLine?.(`${audit.key} 在 ${device.id} 上未完成（${reading.reason}），换设备重试`);
    pool.fail(device, `审计未完成：${reading.reason}`);
    tried.add(device.id);
  }
  journal.append({ type: 'done', at: now(), audit: audit.key, device: '', host: '', outcome: 'error', exitCode: 2, complete: false, durationMs: 0, error: lastReason || '多次尝试均未完成' });
}

/**
 * An audit whose child finished but whose `done` line never got written (the batch died in
 * between): its complete verdict, newer than its last start, is kept rather than redone.
 */
function recoverFinished(audit: PlannedAudit, batchOut: string, journal: Journal): boolean {
  const entries = readJournal(batchOut).filter((e) => e.type === 'start' && e.audit === audit.key);
  const lastStart = entries.at(-1);
  if (!lastStart || lastStart.type !== 'start') return false;
  const dir = auditDir(batchOut, audit.key);
  const verdict = readVerdictSummary(dir);
  const finishedAt = readFinishedAt(dir);
  if (!verdict?.complete || !finishedAt || finishedAt < lastStart.at) return false;
  journal.append({ type: 'done', at: now(), audit: audit.key, device: lastStart.device, host: lastStart.host, outcome: verdict.outcome, exitCode: verdict.outcome === 'pass' ? 0 : verdict.outcome === 'fail' ? 1 : 2, complete: true, durationMs: Date.parse(finishedAt) - Date.parse(lastStart.at) });
  return true;
}

function readFinishedAt(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(dir, 'verdict.json'), 'utf8')) as { finishedAt?: string }).finishedAt;
  } catch {
    return undefined;
  }
}

function doneEntry(audit: PlannedAudit, device: InventoryDevice, r: Pick<AuditDone, 'outcome' | 'exitCode' | 'complete' | 'durationMs' | 'error'>): AuditDone {
  return { type: 'done', at: now(), audit: audit.key, device: device.id, host: device.host, ...r };
}

function now(): string {
  return new Date().toISOString();
}
