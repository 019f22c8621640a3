/**
 * The batch journal: append-only JSON lines in <out>/journal.jsonl, each written with one write()
 * and fsync'd before the batch acts on it, so a SIGKILL at any moment leaves at most one torn last
 * line (ignored on reading). The batch state is a fold over the journal: an audit is done once its
 * `done` line is there; one that started without finishing is redone from its start.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Outcome of a finished audit, as verdict.json says (or `error`: no verdict could be had). */
export type AuditOutcome = 'pass' | 'fail' | 'inconclusive' | 'error';

export interface AuditDone {
  type: 'done';
  at: string;
  audit: string;
  device: string;
  host: string;
  outcome: AuditOutcome;
  exitCode: number;
  complete: boolean;
  durationMs: number;
  /** Why there is no usable verdict (outcome error), in one sentence. */
  error?: string;
}

export type JournalEntry =
  | { type: 'batch'; at: string; manifest: string; audits: string[]; mode: 'local' | 'redis' }
  | { type: 'resume'; at: string; kept: string[]; redo: string[] }
  | { type: 'start'; at: string; audit: string; device: string; host: string; attempt: number }
  | { type: 'attempt-failed'; at: string; audit: string; device: string; attempt: number; reason: string }
  | { type: 'device-failed'; at: string; device: string; reason: string }
  | { type: 'device-set-aside'; at: string; device: string; reason: string }
  | { type: 'enqueued'; at: string; audit: string; job: string }
  | AuditDone;

export const JOURNAL_FILE = 'journal.jsonl';

/** Appends entries durably; one writer per batch folder. */
export class Journal {
  private readonly fd: number;

  constructor(readonly dir: string) {
    this.fd = openSync(join(dir, JOURNAL_FILE), 'a');
  }

  /** Writes one line and fsyncs it. */
  append(entry: JournalEntry): void {
    writeSync(this.fd, JSON.stringify(entry) + '\n');
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Reads every whole entry; a torn line (the batch was killed while writing it) is skipped. */
export function readJournal(dir: string): JournalEntry[] {
  const file = join(dir, JOURNAL_FILE);
  if (!existsSync(file)) return [];
  const entries: JournalEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch { /* torn write at a kill */ }
  }
  return entries;
}

export interface BatchState {
  /** First `done` per audit. */
  done: Map<string, AuditDone>;
  /** Audits started (at least once) and not done: cut mid-way. */
  cut: Set<string>;
  /** Number of `start` lines per audit. */
  starts: Map<string, number>;
}

/** Folds the journal into what is finished and what was cut mid-way. */
export function batchState(entries: readonly JournalEntry[]): BatchState {
  const done = new Map<string, AuditDone>();
  const cut = new Set<string>();
  const starts = new Map<string, number>();
  for (const e of entries) {
    if (e.type === 'start') {
      starts.set(e.audit, (starts.get(e.audit) ?? 0) + 1);
      if (!done.has(e.audit)) cut.add(e.audit);
    } else if (e.type === 'done' && !done.has(e.audit)) {
      done.set(e.audit, e);
      cut.delete(e.audit);
    }
  }
  return { done, cut, starts };
}
