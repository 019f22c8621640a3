/**
 * verdict.json (schemaVersion 1): the machine-readable contract other tools read. Built once,
 * in the CLI process, from the per-check results the worker wrote; a check with no result is
 * inconclusive, and a run that did not finish is marked incomplete and can never pass.
 */
import type { PlatformId } from '../platforms/platform-id.js';
import { readFileSync } from 'node:fs';
import { CHECK_CATALOG, CHECK_IDS, type CheckId } from '../checks/catalog.js';
import { CLAUSES } from '../regulation/clauses.js';
import type { CheckResult } from '../checks/result.js';
import type { BlobRef, CoverageEvent, PackageEvent } from '../evidence/types.js';

export type VerdictOutcome = 'pass' | 'fail' | 'inconclusive';

export interface Verdict {
  schemaVersion: 1;
  tool: { name: string; version: string };
  app: { target: string; platform: PlatformId; name?: string; sha256?: string };
  /** `simulated`: the run drove the simulated device (src/sim), not a real one. */
  device: { profile: string; label: string; platform: PlatformId; simulated?: boolean };
  startedAt: string;
  finishedAt: string;
  outcome: VerdictOutcome;
  complete: boolean;
  incompleteReason?: string;
  exemptions: Partial<Record<CheckId, string>>;
  checks: CheckResult[];
  /** Static facts of the submitted package, when the app came as one. */
  package?: { format: string; packageName: string; versionName?: string; permissions: string[]; facts: BlobRef };
  coverage: {
    screens: number; screensFullyExplored: number; actions: number; frontier: number; durationMs: number; complete: boolean; stoppedBy: string;
    loginWall?: CoverageEvent['loginWall'];
    /** Screens that showed content but yielded no candidate: nothing behind them was seen. */
    notUnderstood?: string[];
    /** Per screen: candidates found and tried, by how they were found. */
    perScreen?: CoverageEvent['perScreen'];
  };
}

export interface VerdictInput {
  tool: Verdict['tool'];
  app: Verdict['app'];
  device: Verdict['device'];
  startedAt: string;
  finishedAt: string;
  exemptions: Partial<Record<CheckId, string>>;
  results: Partial<Record<CheckId, CheckResult>>;
  coverage: CoverageEvent | undefined;
  /** Why the run did not finish, if it did not (interrupted, runner failure). */
  incompleteReason?: string;
}

export const VERDICT_SCHEMA: object = JSON.parse(readFileSync(new URL('./verdict.schema.json', import.meta.url), 'utf8')) as object;

/** Assembles the verdict; missing results become inconclusive. */
export function buildVerdict(input: VerdictInput): Verdict {
  const checks = CHECK_IDS.map((id) => input.results[id] ?? missingResult(id, input.incompleteReason));
  const verdict: Verdict = {
    schemaVersion: 1,
    tool: input.tool,
    app: input.app,
    device: input.device,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    outcome: overallOutcome(checks, input.incompleteReason !== undefined),
    complete: input.incompleteReason === undefined,
    exemptions: input.exemptions,
    checks,
    coverage: {
      screens: input.coverage?.screens ?? 0,
      screensFullyExplored: input.coverage?.screensFullyExplored ?? 0,
      actions: input.coverage?.actions ?? 0,
      frontier: input.coverage?.frontier ?? 0,
      durationMs: input.coverage?.durationMs ?? 0,
      complete: input.coverage?.complete ?? false,
      stoppedBy: input.coverage?.stoppedBy ?? 'not-run',
      ...(input.coverage?.loginWall ? { loginWall: input.coverage.loginWall } : {}),
      ...(input.coverage?.notUnderstood ? { notUnderstood: input.coverage.notUnderstood } : {}),
      ...(input.coverage?.perScreen ? { perScreen: input.coverage.perScreen } : {}),
    },
  };
  if (input.incompleteReason !== undefined) verdict.incompleteReason = input.incompleteReason;
  return verdict;
}

/** verdict.json's package block from the recorded package facts (static-only runs and device runs of a package alike). */
export function packageSummary(event: PackageEvent): NonNullable<Verdict['package']> {
  const { facts } = event;
  return {
    format: facts.format, packageName: facts.identity.packageName, ...(facts.identity.versionName ? { versionName: facts.identity.versionName } : {}),
    permissions: facts.permissions.map((p) => p.name), facts: event.blob,
  };
}

/** Any fail → fail; else any inconclusive (or an unfinished run) → inconclusive; else pass. */
export function overallOutcome(checks: readonly Pick<CheckResult, 'outcome'>[], incomplete: boolean): VerdictOutcome {
  if (checks.some((c) => c.outcome === 'fail')) return 'fail';
  if (incomplete || checks.length === 0 || checks.some((c) => c.outcome === 'inconclusive')) return 'inconclusive';
  return 'pass';
}

/** Process exit code for an outcome: 0 pass, 1 fail, 2 inconclusive. */
export function exitCodeFor(outcome: VerdictOutcome): number {
  return outcome === 'pass' ? 0 : outcome === 'fail' ? 1 : 2;
}

function missingResult(id: CheckId, incompleteReason: string | undefined): CheckResult {
  const info = CHECK_CATALOG[id];
  return {
    id,
    title: info.title,
    articles: info.clauses.map((c) => CLAUSES[c].article),
    outcome: 'inconclusive',
    reason: `该检查未执行${incompleteReason ? `（${incompleteReason}）` : '（审计进程未产生结果）'}，无法判定。`,
    findings: [],
  };
}
