/**
 * The figures of one audit's probes, as table cells for `npm run bench:probes`: read from the
 * run's evidence bundle and verdict only (pure, so a finished run's folder can be re-tabled).
 */
import { heapFigures } from '../src/checks/detectors/performance-memory.js';
import { periodicSeries } from '../src/checks/detectors/periodic-requests.js';
import type { PermissionProbeEvent } from '../src/evidence/probe-types.js';
import type { EvidenceBundle } from '../src/evidence/types.js';
import type { Verdict } from '../src/verdict/verdict.js';

/** The probe-based checks whose outcomes the bench lists. */
export const PROBE_CHECKS = ['online-duration-tracking', 'forced-media-upload', 'mandatory-login', 'stability', 'performance', 'ipv6-readiness', 'data-security'] as const;

export const FIGURE_COLUMNS = ['app', 'periodic while idle', 'asked at launch', 'asked after taps', 'actionable granted/denied', 'FCP ms', 'interactive ms', 'worst long task ms',
  'taps timed, worst/median ms', 'frames, janky, worst ms',
  'heap start/peak MB', 'heap growth MB/min', 'white screens', 'IPv6 loopback', 're-login', 'crashes'] as const;

const DASH = '—';
const mbText = (bytes: number) => (bytes / 1_048_576).toFixed(1);

/** Periodic endpoints seen while idle, with their period ("POST /api/x ≈2.0 s"). */
export function idleCell(bundle: EvidenceBundle): string {
  const idle = bundle.probes?.idle ?? [];
  if (idle.length === 0) return DASH;
  const seconds = idle.reduce((s, w) => s + (w.toTs - w.fromTs), 0) / 1000;
  const series = periodicSeries(bundle.network.filter((r) => r.probe === 'network-idle'));
  const beats = series.map((s) => `${s.endpoint.replace(/^(\w+) https?:\/\/[^/]+/, '$1 ')} ≈${(s.periodMs / 1000).toFixed(1)} s`);
  return `${seconds.toFixed(0)} s idle: ${beats.join('; ') || 'none'}`;
}

function capabilities(events: PermissionProbeEvent[], afterUserAction: boolean): string {
  const found = new Set(events.flatMap((e) => e.requests.filter((r) => r.afterUserAction === afterUserAction).map((r) => r.capability)));
  return [...found].sort().join(', ') || 'none';
}

/** Permissions asked at launch, after taps, and actionable controls granted vs denied. */
export function permissionCells(bundle: EvidenceBundle): [string, string, string] {
  const events = bundle.probes?.permissions ?? [];
  if (events.length === 0) return [DASH, DASH, DASH];
  const launches = events.filter((e) => e.stepLabels.length === 0);
  const granted = launches.find((e) => e.mode === 'granted');
  const denied = launches.find((e) => e.mode === 'denied');
  return [capabilities(launches, false), capabilities(events.filter((e) => e.stepLabels.length > 0), true), `${granted?.actionable ?? DASH}/${denied?.actionable ?? DASH}`];
}

/** First contentful paint, interactive estimate and worst long task of the measured launch. */
export function launchCells(bundle: EvidenceBundle): [string, string, string] {
  const m = bundle.probes?.performance.at(-1);
  const show = (v: number | undefined) => (v === undefined ? DASH : String(Math.round(v)));
  return [show(m?.firstContentMs), show(m?.interactiveMs), show(m?.longTasks?.worstMs)];
}

/** Taps timed of those tried with their worst and median response; frames during the scroll gesture. */
export function interactionCells(bundle: EvidenceBundle): [string, string] {
  const m = bundle.probes?.performance.at(-1);
  const taps = m?.taps;
  const tapCell = !taps ? DASH : `${taps.taps.filter((t) => t.ms !== undefined).length}/${taps.taps.length}` +
    (taps.worstMs === undefined ? ', none timed' : `, ${taps.worstMs}/${taps.medianMs ?? DASH}`);
  const frames = m?.frames;
  const frameCell = !frames ? DASH : frames.measurable ? `${frames.frames}, ${frames.janky}, ${frames.worstMs}${frames.scrolled ? '' : ' (no scroll)'}` : 'not measurable';
  return [tapCell, frameCell];
}

/** Heap start/peak and growth per minute of the first idle window with samples. */
export function heapCells(bundle: EvidenceBundle): [string, string] {
  const f = heapFigures(bundle.probes?.heap?.find((e) => e.samples.length > 0)?.samples ?? []);
  if (!f) return [DASH, DASH];
  return [`${mbText(f.startBytes)}/${mbText(f.peakBytes)}`, `${f.growthPerMinuteBytes >= 0 ? '+' : ''}${mbText(f.growthPerMinuteBytes)}`];
}

/** Blank screens, IPv6 loopback, the re-login cadence. */
export function otherCells(bundle: EvidenceBundle): [string, string, string] {
  const p = bundle.probes;
  const render = p?.render ? String(p.render.blank.length) : DASH;
  const ipv6 = !p?.ipv6 ? DASH : p.ipv6.mode === 'not-tested' ? 'not tested' : p.ipv6.loaded ? 'loaded' : 'failed';
  const login = p?.login;
  const relogin = !login ? DASH : !login.hasLogin ? 'no login' : !login.signedIn ? 'not signed in'
    : login.loginAgainAfterHours !== undefined ? `after ${login.loginAgainAfterHours} h` : `none ≤${Math.max(...login.checkedHours)} h`;
  return [render, ipv6, relogin];
}

/** App crashes recorded while exploring (`app-crash` events, read into `bundle.crashes`). */
export function crashCell(bundle: EvidenceBundle): string {
  return String(bundle.crashes?.length ?? 0);
}

/** One row of the figures table. */
export function figureRow(app: string, bundle: EvidenceBundle): string[] {
  return [app, idleCell(bundle), ...permissionCells(bundle), ...launchCells(bundle), ...interactionCells(bundle), ...heapCells(bundle), ...otherCells(bundle), crashCell(bundle)];
}

/** One row of the outcomes table: each probe-based check, the verdict, the wall time. */
export function outcomeRow(app: string, verdict: Verdict | undefined, exitCode: number | null, wallMs: number): string[] {
  const outcome = (id: string) => verdict?.checks.find((c) => c.id === id)?.outcome ?? DASH;
  return [app, ...PROBE_CHECKS.map(outcome), verdict?.outcome ?? DASH, String(exitCode ?? DASH), (wallMs / 1000).toFixed(0)];
}

/** A markdown table. */
export function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
