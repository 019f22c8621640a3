/**
 * Where a run's wall time goes. The CLI knows its own moments (process start, inputs checked,
 * Launcher started and returned, verdict built); the worker side sends the rest through the
 * progress channel (progress.jsonl): marks (Appium up, session open) and one timing per phase it
 * ran (exploration, OCR, each probe, each check). One pure function turns both into verdict.json's
 * `timings`: phases in run order, same names summed, the unaccounted gaps as `other`, so the
 * phases always add up to `total`. A phase named `alongside:*` ran beside the others (a probe on
 * its own session): it is shown with its own duration and left out of the sum.
 */
import type { ProgressEvent } from './progress.js';

/** The CLI's own moments (ms since the epoch); a moment not reached (a run that failed early) is absent. */
export interface RunClock {
  processStart: number;
  runStart: number;
  launcherStart?: number;
  launcherEnd?: number;
  verdictAt: number;
}

export type PhaseTimings = Record<string, number>;

/** The phase table of a run from the CLI's clock and the worker's progress events. */
export function phaseTimings(clock: RunClock, events: readonly ProgressEvent[]): PhaseTimings {
  const out: PhaseTimings = {};
  const add = (name: string, ms: number) => (out[name] = (out[name] ?? 0) + Math.max(0, Math.round(ms)));
  const mark = (m: NonNullable<ProgressEvent['mark']>) => events.find((e) => e.mark === m)?.at;
  const worker = events.flatMap((e) => (e.timing ? [e.timing] : [])).sort((a, b) => a.startedAt - b.startedAt);
  add('cli-start', clock.runStart - clock.processStart);
  if (clock.launcherStart !== undefined) add('inputs', clock.launcherStart - clock.runStart);
  const appiumReady = mark('appium-ready');
  const sessionReady = mark('session-ready');
  if (clock.launcherStart !== undefined && appiumReady !== undefined) add('appium-start', appiumReady - clock.launcherStart);
  if (appiumReady !== undefined && sessionReady !== undefined) add('session-start', sessionReady - appiumReady);
  for (const t of worker) add(t.name, t.ms);
  const lastWorkerEnd = Math.max(sessionReady ?? -Infinity, ...worker.filter((t) => !isAlongside(t.name)).map((t) => t.startedAt + t.ms));
  if (clock.launcherEnd !== undefined && Number.isFinite(lastWorkerEnd)) add('session-end', clock.launcherEnd - lastWorkerEnd);
  if (clock.launcherEnd !== undefined) add('verdict', clock.verdictAt - clock.launcherEnd);
  const total = Math.max(0, Math.round(clock.verdictAt - clock.processStart));
  const accounted = Object.entries(out).filter(([name]) => !isAlongside(name)).reduce((a, [, ms]) => a + ms, 0);
  out.other = Math.max(0, total - accounted);
  out.total = Math.max(total, accounted);
  return out;
}

/** Adds the report's generation (after verdict.json was first written) to the table, `total` kept last. */
export function withReportTiming(timings: PhaseTimings, reportMs: number): PhaseTimings {
  const { total = 0, ...phases } = timings;
  const ms = Math.max(0, Math.round(reportMs));
  return { ...phases, report: ms, total: total + ms };
}

/** A timing or a mark: for the phase table, not for the progress display. */
export function isTimingEvent(event: ProgressEvent): boolean {
  return event.timing !== undefined || event.mark !== undefined;
}

/** A phase that ran beside the others: not part of the sum. */
export function isAlongside(name: string): boolean {
  return name.startsWith('alongside:');
}
