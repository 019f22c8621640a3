/**
 * `govapp-audit batch`: loads and validates the manifest and inventory, takes the batch folder's lock,
 * journals the start (or the resume), runs the audits locally or through Redis, and writes the summary.
 */
import { resolve } from 'node:path';
import { AuditError } from '../core/errors.js';
import { loadInventory, type Inventory } from '../devices/inventory.js';
import { lockBatchFolder } from './batch-folder.js';
import { runAuditChild } from './audit-child.js';
import { checkDeviceHealth, deviceScratchRoot } from './device-health.js';
import { batchState, Journal, readJournal } from './journal.js';
import { runLocalBatch } from './local-batch.js';
import { loadManifest, type BatchManifest } from './manifest.js';
import { batchProgress } from './progress.js';
import { buildSummary, type BatchSummary } from './summary.js';
import { writeSummary } from './write-summary.js';

export interface BatchOptions {
  manifest: string;
  inventory?: string;
  out?: string;
  redis?: string;
}

export interface BatchResult {
  summary: BatchSummary;
  json: string;
  html: string;
  exitCode: number;
}

/** Runs (or resumes) a batch to its end. */
export async function runBatch(options: BatchOptions, stream: NodeJS.WriteStream): Promise<BatchResult> {
  const manifest = loadManifest(options.manifest);
  const inventory: Inventory | undefined = options.inventory !== undefined ? loadInventory(options.inventory) : undefined;
  if (!options.redis && !inventory) throw new AuditError('usage', 'govapp-audit batch needs --inventory <file.json> (the devices to run on), or --redis <url> to hand the audits to workers.');
  const outArg = options.out ?? manifest.output;
  if (!outArg) throw new AuditError('usage', 'govapp-audit batch needs --out <dir> (or an "output" folder in the manifest).');
  const out = resolve(outArg);
  const unlock = lockBatchFolder(out);
  const journal = new Journal(out);
  const display = batchProgress(stream);
  const mode = options.redis ? 'redis' : 'local';
  try {
    startOrResume(journal, out, manifest, mode, display.line);
    if (options.redis) {
      const { runRedisBatch } = await import('./redis/redis-batch.js');
      await runRedisBatch(manifest.audits, options.redis, out, journal, { onProgress: (c, f) => display.update(c, f), onLine: display.line });
    } else {
      const devices = inventory!.devices;
      display.line(`批量审计：${manifest.audits.length} 次审计，${devices.length} 台设备，输出 ${out}`);
      await runLocalBatch(manifest.audits, devices, out, journal, {
        runChild: (audit, device, dir) => runAuditChild(audit, device, dir, deviceScratchRoot(device)),
        health: checkDeviceHealth,
        onProgress: (c, f) => display.update(c, f),
        onLine: display.line,
      });
    }
    display.end();
    const summary = buildSummary(manifest, inventory?.devices ?? [], out, readJournal(out), mode);
    const files = writeSummary(out, summary);
    return { summary, ...files, exitCode: batchExitCode(summary) };
  } finally {
    journal.close();
    unlock();
  }
}

function startOrResume(journal: Journal, out: string, manifest: BatchManifest, mode: 'local' | 'redis', line: (t: string) => void): void {
  const entries = readJournal(out);
  const at = new Date().toISOString();
  if (!entries.some((e) => e.type === 'batch')) {
    journal.append({ type: 'batch', at, manifest: manifest.file, audits: manifest.audits.map((a) => a.key), mode });
    return;
  }
  const state = batchState(entries);
  const keys = manifest.audits.map((a) => a.key);
  const kept = keys.filter((k) => state.done.has(k));
  const redo = keys.filter((k) => state.cut.has(k));
  journal.append({ type: 'resume', at, kept, redo });
  line(`继续批次：已完成 ${kept.length} 次保留，中断的 ${redo.length} 次从头重做（${redo.join('、') || '无'}）`);
}

/** 2 when an audit could not be had or was left undecided, else 1 when one failed, else 0. */
export function batchExitCode(s: BatchSummary): number {
  if (s.totals.error > 0 || s.totals.pending > 0) return 2;
  if (s.totals.fail > 0) return 1;
  return s.totals.inconclusive > 0 ? 2 : 0;
}
