/**
 * Periodic requests: the same endpoint called again and again at a steady interval, which is what
 * a heartbeat (online time) or a trajectory upload (coordinates every N seconds) looks like on the
 * wire. Pure; used by the detectors and by the probe's chart.
 */
import type { NetworkEvent } from '../../evidence/types.js';

export interface RequestSeries {
  /** "POST https://host/path" (query string dropped). */
  endpoint: string;
  requests: NetworkEvent[];
  /** Median interval of the steady run, ms. */
  periodMs: number;
}

/** Only script-made requests count: documents, images and scripts are not beats. */
const API_TYPES = new Set(['XHR', 'Fetch', 'Ping', 'Other', 'EventSource']);
/** Intervals may wander this much (timers are throttled, the host is busy). */
const TOLERANCE = 0.25;
const MIN_PERIOD_MS = 500;

/** Endpoints called at least `minCount` times in a row at a steady interval. */
export function periodicSeries(network: readonly NetworkEvent[], minCount = 3): RequestSeries[] {
  const groups = new Map<string, NetworkEvent[]>();
  const seen = new Set<string>();
  for (const r of network) {
    if (r.resourceType && !API_TYPES.has(r.resourceType)) continue;
    const key = `${r.probe ?? ''}|${r.requestId}|${r.ts}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const endpoint = `${r.method} ${r.url.split('?')[0]}`;
    groups.set(endpoint, [...(groups.get(endpoint) ?? []), r]);
  }
  const series: RequestSeries[] = [];
  for (const [endpoint, requests] of groups) {
    const run = steadiestRun([...requests].sort((a, b) => a.ts - b.ts));
    if (run && run.requests.length >= minCount) series.push({ endpoint, ...run });
  }
  return series.sort((a, b) => b.requests.length - a.requests.length);
}

/** The longest run of consecutive requests whose intervals stay within tolerance of the run's first interval. */
function steadiestRun(sorted: NetworkEvent[]): { requests: NetworkEvent[]; periodMs: number } | undefined {
  const ts = sorted.map((r) => r.ts);
  let best = { from: 0, to: 0 };
  let from = 0;
  for (let i = 1; i < ts.length; i++) {
    const interval = ts[i]! - ts[i - 1]!;
    if (interval < MIN_PERIOD_MS) {
      from = i; // a burst (retries, a page load) is not a beat: start again here
      continue;
    }
    if (i - from >= 2) {
      const reference = ts[from + 1]! - ts[from]!;
      if (Math.abs(interval - reference) > Math.max(reference * TOLERANCE, 300)) from = i - 1;
    }
    if (i - from > best.to - best.from) best = { from, to: i };
  }
  if (best.to === best.from) return undefined;
  const requests = sorted.slice(best.from, best.to + 1);
  const intervals = requests.slice(1).map((r, i) => r.ts - requests[i]!.ts).sort((a, b) => a - b);
  return { requests, periodMs: intervals[Math.floor(intervals.length / 2)]! };
}
