/**
 * The batch summary (summary.json, schema summary.schema.json): every audit with its outcome per
 * check, the compatibility matrix (the same submission across device classes, differences called
 * out), totals, and the audits a reviewer should open first. Built from the journal and each audit's
 * verdict.json only: a pure function of what the batch folder holds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_CATALOG, CHECK_IDS, type CheckId } from '../checks/catalog.js';
import type { InventoryDevice } from '../devices/inventory.js';
import { auditDir, auditRelDir } from './batch-folder.js';
import { batchState, type AuditOutcome, type JournalEntry } from './journal.js';
import type { BatchManifest } from './manifest.js';

export type CheckOutcome = 'pass' | 'fail' | 'inconclusive' | 'not-applicable';

export interface SummaryAudit {
  key: string;
  submission: string;
  title?: string;
  deviceClass: string;
  /** The device that ran it (empty when none could). */
  device: string;
  host: string;
  outcome: AuditOutcome | 'pending';
  complete: boolean;
  exitCode?: number;
  durationMs?: number;
  /** Links relative to the batch folder. */
  verdict?: string;
  report?: string;
  checks: Partial<Record<CheckId, CheckOutcome>>;
  findings: number;
  error?: string;
  attempts: number;
}

export interface CompatibilityRow {
  submission: string;
  classes: string[];
  consistent: boolean;
  /** Checks whose outcome differs between classes. */
  differences: { check: CheckId; outcomes: Record<string, CheckOutcome | 'missing'> }[];
  /** Overall outcome per class. */
  outcomes: Record<string, AuditOutcome | 'pending'>;
}

export interface BatchSummary {
  schemaVersion: 1;
  batch: { name: string; manifest: string; mode: 'local' | 'redis'; startedAt: string; finishedAt: string; complete: boolean };
  devices: { id: string; platform: string; profile: string; host: string; setAside: boolean; audits: number }[];
  totals: { submissions: number; audits: number; pass: number; fail: number; inconclusive: number; error: number; pending: number };
  checks: { id: CheckId; title: string }[];
  audits: SummaryAudit[];
  compatibility: CompatibilityRow[];
  reviewFirst: { audit: string; reason: string }[];
}

interface VerdictLike {
  outcome: 'pass' | 'fail' | 'inconclusive';
  complete: boolean;
  incompleteReason?: string;
  checks: { id: CheckId; outcome: CheckOutcome; findings: unknown[] }[];
}

/** Builds the summary of the batch folder `out`. */
export function buildSummary(manifest: BatchManifest, devices: readonly InventoryDevice[], out: string, entries: readonly JournalEntry[], mode: 'local' | 'redis'): BatchSummary {
  const state = batchState(entries);
  const audits = manifest.audits.map((planned): SummaryAudit => {
    const done = state.done.get(planned.key);
    const dir = auditDir(out, planned.key);
    const verdict = done && done.outcome !== 'error' ? readVerdict(dir) : undefined;
    const checks: SummaryAudit['checks'] = {};
    for (const c of verdict?.checks ?? []) checks[c.id] = c.outcome;
    const rel = auditRelDir(planned.key);
    return {
      key: planned.key, submission: planned.submission, deviceClass: planned.deviceClass,
      device: done?.device ?? '', host: done?.host ?? '',
      outcome: done?.outcome ?? 'pending', complete: done?.complete ?? false,
      checks, findings: (verdict?.checks ?? []).reduce((n, c) => n + (c.outcome === 'fail' ? c.findings.length : 0), 0),
      attempts: state.starts.get(planned.key) ?? 0,
      ...(planned.title ? { title: planned.title } : {}),
      ...(done ? { exitCode: done.exitCode, durationMs: done.durationMs } : {}),
      ...(verdict ? { verdict: `${rel}/verdict.json` } : {}),
      ...(verdict && existsSync(join(dir, 'report', 'index.html')) ? { report: `${rel}/report/index.html` } : {}),
      ...(done?.error ? { error: done.error } : {}),
    };
  });
  const first = entries.find((e) => e.type === 'batch');
  const setAside = new Set(entries.flatMap((e) => (e.type === 'device-set-aside' ? [e.device] : [])));
  const count = (o: SummaryAudit['outcome']) => audits.filter((a) => a.outcome === o).length;
  return {
    schemaVersion: 1,
    batch: { name: manifest.name, manifest: manifest.file, mode, startedAt: first?.at ?? new Date().toISOString(), finishedAt: new Date().toISOString(), complete: audits.every((a) => a.outcome !== 'pending') },
    devices: deviceRows(devices, audits, manifest, setAside),
    totals: { submissions: new Set(audits.map((a) => a.submission)).size, audits: audits.length, pass: count('pass'), fail: count('fail'), inconclusive: count('inconclusive'), error: count('error'), pending: count('pending') },
    checks: CHECK_IDS.map((id) => ({ id, title: CHECK_CATALOG[id].title })),
    audits,
    compatibility: compatibilityMatrix(audits),
    reviewFirst: reviewOrder(audits),
  };
}

/** The inventory's devices; through Redis (no inventory here) the devices named by the workers' results. */
function deviceRows(devices: readonly InventoryDevice[], audits: readonly SummaryAudit[], manifest: BatchManifest, setAside: ReadonlySet<string>): BatchSummary['devices'] {
  const known: { id: string; platform: string; profile: string; host: string }[] = devices.length > 0
    ? devices.map((d) => ({ id: d.id, platform: d.platform, profile: d.profile, host: d.host }))
    : [...new Map(audits.filter((a) => a.device).map((a) => [a.device, { id: a.device, platform: manifest.audits.find((p) => p.key === a.key)?.platform ?? 'h5', profile: '', host: a.host }] as const)).values()];
  return known.map((d) => ({ ...d, setAside: setAside.has(d.id), audits: audits.filter((a) => a.device === d.id).length }));
}

/** Per submission audited on two or more classes: the checks whose outcome is not the same on all. */
export function compatibilityMatrix(audits: readonly SummaryAudit[]): CompatibilityRow[] {
  const bySubmission = new Map<string, SummaryAudit[]>();
  for (const a of audits) bySubmission.set(a.submission, [...(bySubmission.get(a.submission) ?? []), a]);
  const rows: CompatibilityRow[] = [];
  for (const [submission, list] of bySubmission) {
    if (list.length < 2) continue;
    const differences: CompatibilityRow['differences'] = [];
    for (const check of CHECK_IDS) {
      const outcomes = Object.fromEntries(list.map((a) => [a.deviceClass, a.checks[check] ?? 'missing'] as const));
      if (new Set(Object.values(outcomes)).size > 1) differences.push({ check, outcomes });
    }
    const outcomes = Object.fromEntries(list.map((a) => [a.deviceClass, a.outcome] as const));
    rows.push({ submission, classes: list.map((a) => a.deviceClass), consistent: differences.length === 0 && new Set(Object.values(outcomes)).size === 1, differences, outcomes });
  }
  return rows;
}

/**
 * What a reviewer opens first: audits that could not be had (error), then cut ones (pending), then
 * failures by number of findings, then inconclusive ones; passes need no priority.
 */
export function reviewOrder(audits: readonly SummaryAudit[]): BatchSummary['reviewFirst'] {
  const rank = { error: 0, pending: 1, fail: 2, inconclusive: 3, pass: 4 } as const;
  return audits
    .filter((a) => a.outcome !== 'pass')
    .sort((a, b) => rank[a.outcome] - rank[b.outcome] || b.findings - a.findings || a.key.localeCompare(b.key))
    .map((a) => ({ audit: a.key, reason: reasonFor(a) }));
}

function reasonFor(a: SummaryAudit): string {
  if (a.outcome === 'error') return `未能完成审计：${a.error ?? '原因未知'}`;
  if (a.outcome === 'pending') return '审计尚未完成';
  const failed = Object.entries(a.checks).filter(([, o]) => o === 'fail').map(([id]) => CHECK_CATALOG[id as CheckId].title);
  const open = Object.entries(a.checks).filter(([, o]) => o === 'inconclusive').length;
  if (a.outcome === 'fail') return `${failed.length} 项不通过（${failed.join('、')}），共 ${a.findings} 处问题`;
  return `${open} 项无法判定，需人工复核`;
}

function readVerdict(dir: string): VerdictLike | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'verdict.json'), 'utf8')) as VerdictLike;
  } catch {
    return undefined;
  }
}
