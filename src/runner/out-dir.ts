/**
 * The output folder. It may already exist; a previous run's outputs in it are removed first so
 * evidence of two runs never mixes (the evidence log is append-only). Other files are left alone.
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AuditError } from '../core/errors.js';

const RUN_OUTPUTS = ['evidence', 'results', 'allure-results', 'report', 'logs', 'verdict.json', 'verdict.json.tmp', 'run-config.json', 'progress.jsonl', 'RUNNING'];

/** Creates or cleans the output folder and marks it as holding a run in progress. */
export function prepareOutDir(out: string): string {
  const dir = resolve(out);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new AuditError('bad-run-dir', `--out ${out} is a file, not a folder; name a folder (it may exist).`);
  }
  try {
    makeDirectory(dir);
    for (const name of RUN_OUTPUTS) rmSync(join(dir, name), { recursive: true, force: true });
    writeFileSync(join(dir, 'RUNNING'), 'This audit has not finished: the files here are incomplete until verdict.json appears and this file is gone.\n');
  } catch (error) {
    if (error instanceof AuditError) throw error;
    throw new AuditError('bad-run-dir', `Cannot write to --out ${out} (${(error as NodeJS.ErrnoException).code ?? 'error'}); choose a writable folder.`);
  }
  return dir;
}

/**
 * mkdir -p, one level at a time. Node's recursive mkdir never returns under /proc (it retries the
 * ENOENT the kernel answers there forever); plain mkdir answers ENOENT at once.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Removes the in-progress marker once verdict.json is written. */
export function markFinished(dir: string): void {
  rmSync(join(dir, 'RUNNING'), { force: true });
}
