/** The batch's output folder: its audits' folders, and a pid lock so one batch writes its journal at a time. */
import { existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AuditError } from '../core/errors.js';
import { makeDirectory } from '../runner/out-dir.js';

/** `<out>/audits/<submission>@<device class>/`. */
export function auditDir(batchOut: string, key: string): string {
  return join(batchOut, 'audits', key);
}

/** Relative path of an audit's folder, as the summary links it. */
export function auditRelDir(key: string): string {
  return `audits/${key}`;
}

const LOCK = 'batch.pid';

/** Creates the folder and takes its lock; throws when a live batch holds it. Returns the unlock. */
export function lockBatchFolder(dir: string): () => void {
  try {
    makeDirectory(dir);
  } catch (error) {
    throw new AuditError('bad-run-dir', `Cannot create the batch folder ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); choose a writable --out.`);
  }
  const file = join(dir, LOCK);
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new AuditError('usage', `Another batch (pid ${pid}) is writing to ${dir}; wait for it to end or stop it before resuming.`);
    }
  }
  writeFileSync(file, `${process.pid}\n`);
  return () => rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('batch');
  } catch {
    return false;
  }
}
