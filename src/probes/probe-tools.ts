/**
 * The tools a probe may need beyond the platform-neutral DeviceSession, in platform-neutral
 * terms. A platform offers the ones it can (src/platforms/<id>: `probeTools`); a probe declares
 * the ones it needs (`Probe.needs`) and gets only those; a probe whose tool is not offered is
 * recorded `skipped`, naming the tool (probe-run.ts).
 */
import type { FramePacing, MeasuredFigure, PerformanceBudgets, PermissionRequestRecord, SessionClues, TapResponseRecord } from '../evidence/probe-types.js';
import type { NetworkEvent } from '../evidence/types.js';

export type PermissionMode = 'granted' | 'denied';

/** The app's requests as the platform sees them (H5: Chromium's performance log). */
export interface NetworkTap {
  /** Requests completed since the last call, tagged with `probe`. */
  drain(probe: string): Promise<NetworkEvent[]>;
  /** Requests still in flight, tagged with `probe` and forgotten afterwards (a hung connection is evidence too). */
  flush(probe: string): NetworkEvent[];
}

/** Answers the app's permission requests on purpose and records them. */
export interface PermissionControl {
  /** Launches from now on answer every permission request with `mode` (H5: also records long tasks). */
  answerWith(mode: PermissionMode): Promise<void>;
  /** What the app asks from now on follows a user action (called before each replayed tap). */
  markUserAction(): Promise<void>;
  /** The permission requests the app made since it was launched. */
  requests(): Promise<PermissionRequestRecord[]>;
  /** What this platform's control cannot observe (sentences for the probe's summary); absent: nothing left out. */
  readonly limits?: readonly string[];
}

/** Moves the app's clock, and reads and expires what the app keeps of its session. */
export interface ClockControl {
  /** Launches from now on see the clock `ms` ahead; 0 restores it. */
  setOffset(ms: number): Promise<void>;
  /** What the signed-in app keeps about its session: cookie expiry, tokens, stored timestamps. */
  sessionClues(): Promise<SessionClues>;
  /** Forgets what would have expired `hours` from now (cookies past their expiry), as time would. */
  expireAfter(clues: SessionClues, hours: number): Promise<void>;
}

/** What a measured launch gives (H5: paint and navigation timing, long tasks from the instrumentation). */
export interface LaunchFigures {
  /** null when long tasks cannot be observed. */
  longTasks: { startMs: number; durationMs: number }[] | null;
  /** Blocks seen as late timer ticks. */
  gaps?: { startMs: number; durationMs: number }[];
  firstContentMs?: number;
  domContentLoadedMs?: number;
  loadMs?: number;
  url: string;
  /**
   * Native: figures measured with a device command (cold starts, frames, memory), each with the
   * command; the meter may add to this list while it measures frames and memory after the launch.
   */
  figures?: MeasuredFigure[];
  /** Native: the budgets these figures are judged against (the profile's over the platform's sourced defaults). */
  budgets?: PerformanceBudgets;
}

/** Launch figures, memory and frames. */
export interface PerformanceMeter {
  /** What memory() reads, in Chinese, for texts and charts (H5: JS 堆; Android: 应用内存（TOTAL PSS）); absent: 应用内存. */
  readonly memoryLabel?: string;
  /** Makes the next device.launch() a measured cold launch (caches dropped, meters on). */
  prepareLaunch(): Promise<void>;
  /** Figures of the launch just done. */
  launchFigures(): Promise<LaunchFigures>;
  /** The app's memory now (H5: JS heap used and total; native: the app's PSS); empty when the platform does not answer. */
  memory(): Promise<{ usedBytes?: number; totalBytes?: number }>;
  /** Frame pacing during a scroll gesture on the current screen. */
  scrollFrames(): Promise<FramePacing>;
}

/** How long one tap took to answer, or why it was not timed. */
export type TapTiming = Pick<TapResponseRecord, 'ms' | 'method' | 'eventTimingMs' | 'nextFrameMs' | 'handlerMs' | 'reason'>;

/** Trusted input whose response is timed. */
export interface InputTimer {
  /** How the input is given, recorded with the figures (H5: 'cdp-touch'). */
  readonly input: string;
  /** Finds the control and makes ready to time it: its text, or why it cannot be tapped. */
  aim(locator: string): Promise<{ text: string } | { error: string }>;
  /** Taps the aimed control with trusted input and times the response. */
  tapAimed(sleep: (ms: number) => Promise<void>): Promise<TapTiming>;
}

/** Serves the app elsewhere (IPv6 loopback) and opens it from there. */
export interface LoopbackServer {
  /** Serves the app's folder over IPv6 loopback; throws when the host cannot. */
  serveOverIpv6(): Promise<{ url: string; close(): Promise<void> }>;
  /** Opens `url` in the app's place. */
  open(url: string): Promise<void>;
}

/** Every tool a platform may offer. */
export interface ProbeTools {
  networkTap?: NetworkTap;
  permissionControl?: PermissionControl;
  clockControl?: ClockControl;
  performanceMeter?: PerformanceMeter;
  inputTimer?: InputTimer;
  loopbackServer?: LoopbackServer;
}

export type ProbeToolName = keyof ProbeTools;

/** Chinese names of the tools, for the `skipped` record of a probe whose tool is missing. */
export const PROBE_TOOL_TITLES: Record<ProbeToolName, string> = {
  networkTap: '网络抓取（networkTap）',
  permissionControl: '权限应答控制（permissionControl）',
  clockControl: '时钟控制（clockControl）',
  performanceMeter: '性能计量（performanceMeter）',
  inputTimer: '输入计时（inputTimer）',
  loopbackServer: 'IPv6 回环服务（loopbackServer）',
};
