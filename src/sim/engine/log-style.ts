/**
 * How a platform words its system log: each front gives its own (Android: ActivityManager, AndroidRuntime's
 * FATAL EXCEPTION block; HarmonyOS would give hilog's AppMgr/JS_ERROR lines). The engine only reports events.
 */
import type { LogLevel } from './device-log.js';

export interface LogLine {
  level: LogLevel;
  tag: string;
  message: string;
}

export type LifecycleEvent =
  | { kind: 'installed'; pkg: string; versionCode: number }
  | { kind: 'process-started'; pkg: string; pid: number; uid: number }
  | { kind: 'displayed'; pkg: string; activity: string; ms: number }
  | { kind: 'stopped'; pkg: string; uid: number }
  | { kind: 'died'; pkg: string; pid: number }
  | { kind: 'permission-requested'; pkg: string; permission: string }
  | { kind: 'not-responding'; pkg: string; pid: number; activity: string; waitedMs: number };

export interface LogStyle {
  /** Lines a lifecycle event writes as the system (pid 1000). */
  lifecycle(event: LifecycleEvent): LogLine[];
  /** Lines of an app crash, written by the dying process. */
  crash(pkg: string, pid: number, exception: string): LogLine[];
}

/** A neutral style for tests and for fronts that have not defined theirs. */
export const plainLogStyle: LogStyle = {
  lifecycle: (e) => [{ level: 'I', tag: 'System', message: JSON.stringify(e) }],
  crash: (pkg, pid, exception) => [{ level: 'E', tag: 'Crash', message: `${pkg} (pid ${pid}) crashed: ${exception}` }],
};
