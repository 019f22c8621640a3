/**
 * Progress travels from the worker to the CLI as JSON lines in <out>/progress.jsonl
 * (the worker's stdout belongs to WebdriverIO).
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProgressEvent {
  phase: 'starting' | 'exploring' | 'checking' | 'reporting' | 'done';
  screens?: number;
  actions?: number;
  elapsedMs?: number;
  budgetMs?: number;
  check?: string;
  /** A worker phase that ended (src/runner/phase-timings.ts): not shown as progress, summed into verdict.json's timings. */
  timing?: { name: string; startedAt: number; ms: number };
  /** A moment of the run only the worker side sees (Appium up, session open). */
  mark?: 'appium-ready' | 'session-ready';
  at: number;
}

export const PROGRESS_FILE = 'progress.jsonl';

/** Appends a progress event (worker side). */
export function writeProgress(outDir: string, event: Omit<ProgressEvent, 'at'>): void {
  appendFileSync(join(outDir, PROGRESS_FILE), JSON.stringify({ ...event, at: Date.now() }) + '\n');
}

/** Reads progress events after `offset` bytes; returns them and the new offset (CLI side). */
export function readProgress(outDir: string, offset: number): { events: ProgressEvent[]; offset: number } {
  const file = join(outDir, PROGRESS_FILE);
  if (!existsSync(file)) return { events: [], offset };
  const content = readFileSync(file);
  if (content.length <= offset) return { events: [], offset };
  const text = content.subarray(offset).toString('utf8');
  const lastNewline = text.lastIndexOf('\n');
  if (lastNewline < 0) return { events: [], offset };
  const events = text.slice(0, lastNewline).split('\n').filter(Boolean).map((l) => JSON.parse(l) as ProgressEvent);
  return { events, offset: offset + Buffer.byteLength(text.slice(0, lastNewline + 1)) };
}
