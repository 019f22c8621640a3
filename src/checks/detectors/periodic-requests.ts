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
/**
 * From this many requests on, a run may also be steady on a grid (each request near t0 + k·period)
 * when one late request made one interval long and the next short: on a busy host the CDP network
 * log saw a 2 s heartbeat at +2197, +1076, +2109 ms. Three requests are too few to tell jitter from
 * irregular calls, so they must pass the interval rule.
 */
const MIN_GRID_RUN = 4;

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
    const run = longestSteadyRun([...requests].sort((a, b) => a.ts - b.ts));
    if (run && run.requests.length >= minCount) series.push({ endpoint, ...run });
  }
  return series.sort((a, b) => b.requests.length - a.requests.length);
}

/** The longer of the interval rule's run and (from MIN_GRID_RUN requests) the grid rule's run. */
function longestSteadyRun(sorted: NetworkEvent[]): { requests: NetworkEvent[]; periodMs: number } | undefined {
  const byInterval = steadiestRun(sorted);
  const onGrid = gridRun(sorted);
  if (onGrid && onGrid.length >= MIN_GRID_RUN && onGrid.length > (byInterval?.requests.length ?? 0)) return withPeriod(onGrid);
  return byInterval;
}

/**
 * The longest run of consecutive requests that sit on a grid: a least-squares line through
 * (index, time) with a slope of at least MIN_PERIOD_MS leaves every request within
 * max(TOLERANCE × slope, 300 ms) of it. A burst (an interval under MIN_PERIOD_MS) starts a new run.
 */
function gridRun(sorted: NetworkEvent[]): NetworkEvent[] | undefined {
  const ts = sorted.map((r) => r.ts);
  let best = { from: 0, to: 0 };
  let from = 0;
  for (let i = 1; i < ts.length; i++) {
    if (ts[i]! - ts[i - 1]! < MIN_PERIOD_MS) {
      from = i;
      continue;
    }
    if (i - from >= 2 && !onGrid(ts.slice(from, i + 1))) from = i - 1;
    if (i - from > best.to - best.from) best = { from, to: i };
  }
  return best.to === best.from ? undefined : sorted.slice(best.from, best.to + 1);
}

function onGrid(ts: readonly number[]): boolean {
  const n = ts.length;
  const meanIndex = (n - 1) / 2;
  const meanTs = ts.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ts.forEach((t, i) => { num += (i - meanIndex) * (t - meanTs); den += (i - meanIndex) ** 2; });
  const slope = num / den;
  if (slope < MIN_PERIOD_MS) return false;
  const allowed = Math.max(slope * TOLERANCE, 300);
  return ts.every((t, i) => Math.abs(t - (meanTs + (i - meanIndex) * slope)) <= allowed);
}

function withPeriod(requests: NetworkEvent[]): { requests: NetworkEvent[]; periodMs: number } {
  const intervals = requests.slice(1).map((r, i) => r.ts - requests[i]!.ts).sort((a, b) => a - b);
  return { requests, periodMs: intervals[Math.floor(intervals.length / 2)]! };
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
  return withPeriod(sorted.slice(best.from, best.to + 1));
}
