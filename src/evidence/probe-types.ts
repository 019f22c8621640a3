/**
 * Evidence written by the dynamic probes that run after exploration (src/probes): idle network
 * windows, permission requests, launch performance, blank screens, IPv6 loading. Same log
 * (events.jsonl), schema version 1, additive: older runs simply have no probe events.
 */
import type { BlobRef, Step } from './refs.js';

/** Budgets the performance check measures against; a lab may set its own in the device profile. */
export interface PerformanceBudgets {
  /** Navigation start → first contentful paint (≈ Android "time to initial display"). */
  firstContentMs?: number;
  /** Navigation start → main thread free after load (our interactive estimate). */
  interactiveMs?: number;
  /** Longest single main-thread block. */
  longTaskMs?: number;
  /** JS heap in use after launch. */
  jsHeapBytes?: number;
  /** A replayed tap: input → next painted frame after the app's handler (worst tap). */
  tapResponseMs?: number;
  /** Longest frame interval while a scroll gesture runs. */
  worstFrameMs?: number;
  /** Native: share of frames that missed their deadline while scrolling (`dumpsys gfxinfo` Janky frames). */
  slowFramePercent?: number;
  /** Native: share of frames over 700 ms (frozen frames). */
  frozenFramePercent?: number;
  /** Native: the app's memory (TOTAL PSS of `dumpsys meminfo`) at its peak. */
  appMemoryBytes?: number;
  /** Where each number comes from (budget name → source), shown with a broken budget. */
  sources?: Record<string, string>;
}

/** How the probe phase went for one probe: measured, skipped (platform cannot), or failed. */
export interface ProbeRunEvent {
  type: 'probe-run';
  probe: string;
  status: 'done' | 'skipped' | 'error';
  message?: string;
  durationMs: number;
}

/** The app left alone on one screen; the requests it made are logged as network events with probe 'network-idle'. */
export interface IdleWindowEvent {
  type: 'idle-window';
  screenId?: string;
  url: string;
  fromTs: number;
  toTs: number;
  requests: number;
  /** HAR-style JSON lines of every request seen in the window. */
  har: BlobRef;
}

/** What a permission request is for (`contacts`: native prompts only; H5 has no contacts API). */
export type Capability = 'geolocation' | 'camera' | 'microphone' | 'notifications' | 'clipboard' | 'contacts';

/** One call of a permission-gated API observed in the page. */
export interface PermissionRequestRecord {
  capability: Capability;
  api: string;
  /** ms since navigation start. */
  atMs: number;
  /** False when no tap/click/key had happened yet on the page: the app asked at launch. */
  afterUserAction: boolean;
  url: string;
}

/** A launch (and optional replayed taps) with permission-gated APIs answering granted or denied. */
export interface PermissionProbeEvent {
  type: 'permission-probe';
  mode: 'granted' | 'denied';
  /** Labels of the taps replayed after launch (empty: the launch screen only). */
  stepLabels: string[];
  requests: PermissionRequestRecord[];
  /** Controls a user can tap (clickable, not covered) on the final screen. */
  actionable: number;
  visibleText: string;
  screenshot?: BlobRef;
}

/** A measured cold launch of the app. */
export interface PerformanceProbeEvent {
  type: 'performance-probe';
  url: string;
  firstContentMs?: number;
  domContentLoadedMs?: number;
  loadMs?: number;
  interactiveMs?: number;
  /** Absent when the platform has no long-task measurement (never reported as zero). */
  longTasks?: { count: number; totalMs: number; worstMs: number; worstStartMs?: number };
  jsHeapUsedBytes?: number;
  jsHeapTotalBytes?: number;
  /** The budgets in force for this run (from the device profile), so the check is re-runnable on evidence alone. */
  budgets?: PerformanceBudgets;
  /** Explored taps replayed with trusted input and timed (absent: not attempted). */
  taps?: TapResponseFigures;
  /** Frame pacing during a scroll gesture on the launch screen (absent: not attempted). */
  frames?: FramePacing;
  /** Figures a native probe measured with a device command, each judged against its budget when the budgets name it. */
  figures?: MeasuredFigure[];
  at: string;
}

/** One figure measured on a device, with the command that measured it and its raw output. */
export interface MeasuredFigure {
  /** The budget it is judged against (absent: an observation only). */
  budget?: Exclude<keyof PerformanceBudgets, 'sources'>;
  /** What it is, in Chinese: 冷启动耗时（TotalTime，5 次中位数）. */
  what: string;
  value: number;
  unit: 'ms' | 'bytes' | '%';
  /** The command as run: `adb shell am start -W -n …`. */
  command: string;
  /** The command's raw output, stored as a text blob. */
  output?: BlobRef;
}

/** One explored tap replayed and timed from the input to the next frame painted after the app's handler. */
export interface TapResponseRecord {
  /** The path: launch, the steps to the screen, the measured tap last. */
  steps: Step[];
  /** The screen the tap was made on. */
  screenId: string;
  label: string;
  /** Absent when the tap could not be timed (then `reason` says why). */
  ms?: number;
  /** event-timing: the Event Timing API's interaction duration (input → frame presented, 8 ms grain); raf: input → first frame after the handler, in the page. */
  method?: 'event-timing' | 'raf';
  /** Both measures when available, and the handler's own time (Event Timing processingEnd − processingStart). */
  eventTimingMs?: number;
  nextFrameMs?: number;
  handlerMs?: number;
  reason?: string;
}

/** The replayed taps and their summary figures (over the timed taps only). */
export interface TapResponseFigures {
  /** How the input was given (the platform's input timer): 'cdp-touch' is CDP Input.dispatchTouchEvent (trusted, as a finger). */
  input: string;
  taps: TapResponseRecord[];
  worstMs?: number;
  medianMs?: number;
  p75Ms?: number;
}

/** requestAnimationFrame intervals while a scroll gesture ran, or why frames could not be measured. */
export type FramePacing =
  | {
    measurable: true;
    during: 'scroll-gesture';
    /** The page actually scrolled (a page shorter than the screen still produces frames, but nothing moved). */
    scrolled: boolean;
    frames: number;
    /** The browser's frame interval, read as the 10th percentile of the intervals (16.7 ms at 60 Hz). */
    expectedIntervalMs: number;
    /** Intervals longer than 1.5 × expected. */
    janky: number;
    worstMs: number;
  }
  | { measurable: false; reason: string };

/** Screenshots of explored screens checked for blankness (near-uniform image and empty UI model). */
export interface RenderCheckEvent {
  type: 'render-check';
  screensChecked: number;
  blank: { screenId: string; stdev: number; textNodes: number; clickable: number }[];
}

/** The app loaded over IPv6 (loopback for H5 served from a folder), or why it was not tried. */
export interface Ipv6ProbeEvent {
  type: 'ipv6-probe';
  mode: 'loopback' | 'not-tested';
  url?: string;
  loaded?: boolean;
  visibleTextChars?: number;
  failedRequests?: string[];
  reason?: string;
}

/** Session lifetime clues read from a signed-in page (hours relative to the moment read). */
export interface SessionClues {
  cookies: { name: string; expiresInHours?: number }[];
  tokens: { key: string; expiresInHours: number }[];
  timestamps: { key: string; ageHours: number }[];
}

/** The page clock moved forward, the app relaunched: did the login screen come back? */
export interface LoginCadenceEvent {
  type: 'login-cadence';
  hasLogin: boolean;
  signedIn: boolean;
  session?: SessionClues;
  /** How the probe was signed in: a session kept from exploration, or the recorded login path replayed. */
  signedInBy?: 'session' | 'replayed-login';
  /** Clock offsets tried, in hours, in order (0: a plain relaunch right after signing in). */
  checkedHours: number[];
  /** The first offset at which the login screen was back (0: at the next launch); absent when it never was. */
  loginAgainAfterHours?: number;
}

/** The JS heap in use, sampled about once a second while the app was left alone on one screen. */
export interface HeapSamplesEvent {
  type: 'heap-samples';
  screenId?: string;
  url: string;
  /** ms since the first sample of this window, and the memory figure in bytes (H5: JSHeapUsedSize, CDP Performance.getMetrics). */
  samples: { atMs: number; usedBytes: number }[];
  /** What was sampled, in Chinese (H5: JS 堆; Android: 应用内存（TOTAL PSS））; absent in evidence recorded before it existed: JS 堆. */
  memoryLabel?: string;
  /** The profile's jsHeapBytes budget and its source, so the check is re-runnable on evidence alone. */
  budgetBytes?: number;
  budgetSource?: string;
  /** The "<memoryLabel>随时间变化" chart drawn from the samples. */
  chart?: BlobRef;
}

export type ProbeEvent = HeapSamplesEvent | ProbeRunEvent | IdleWindowEvent | PermissionProbeEvent | PerformanceProbeEvent | RenderCheckEvent | Ipv6ProbeEvent | LoginCadenceEvent;

/** Probe evidence as detectors see it. */
export interface ProbeEvidence {
  runs: ProbeRunEvent[];
  idle: IdleWindowEvent[];
  permissions: PermissionProbeEvent[];
  performance: PerformanceProbeEvent[];
  render?: RenderCheckEvent;
  ipv6?: Ipv6ProbeEvent;
  login?: LoginCadenceEvent;
  heap?: HeapSamplesEvent[];
}

const PROBE_EVENT_TYPES: readonly string[] = ['probe-run', 'idle-window', 'permission-probe', 'performance-probe', 'render-check', 'ipv6-probe', 'login-cadence', 'heap-samples'];

/** True for an event written by a probe. */
export function isProbeEvent(event: { type: string }): event is ProbeEvent {
  return PROBE_EVENT_TYPES.includes(event.type);
}

/** Adds one probe event to the bundle's probe evidence (created on first use). */
export function addProbeEvent(probes: ProbeEvidence | undefined, event: ProbeEvent): ProbeEvidence {
  const into = probes ?? { runs: [], idle: [], permissions: [], performance: [] };
  switch (event.type) {
    case 'probe-run': into.runs.push(event); break;
    case 'idle-window': into.idle.push(event); break;
    case 'permission-probe': into.permissions.push(event); break;
    case 'performance-probe': into.performance.push(event); break;
    case 'render-check': into.render = event; break;
    case 'ipv6-probe': into.ipv6 = event; break;
    case 'login-cadence': into.login = event; break;
    case 'heap-samples': (into.heap ??= []).push(event); break;
  }
  return into;
}
