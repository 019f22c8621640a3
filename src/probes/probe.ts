/**
 * The probe interface: a probe drives the app after exploration and writes typed evidence events
 * (src/evidence/probe-types.ts). Probes see the device through the platform-neutral DeviceSession;
 * what only a platform can do (the DevTools protocol, request logs, serving over IPv6) comes as
 * optional tools, and a probe without the tool it needs records itself as skipped.
 */
import type { DeviceSession } from '../device/device-session.js';
import type { EvidenceStore } from '../evidence/store.js';
import type { PerformanceBudgets } from '../evidence/probe-types.js';
import type { EvidenceBundle, NetworkEvent } from '../evidence/types.js';
import type { TestData } from '../explore/test-data.js';
import type { Cdp } from '../platforms/h5/cdp.js';

export type PermissionMode = 'granted' | 'denied';

/** H5 (Chromium) tools. Native platforms will add their own tool sets beside this one. */
export interface WebTools {
  cdp: Cdp;
  execute<T>(script: string, ...args: unknown[]): Promise<T>;
  /** Installs the instrumentation (permission answers, long tasks) for documents loaded from now on. */
  instrument(mode: PermissionMode): Promise<void>;
  /** Moves the page clock (Date) forward by `ms` for documents loaded from now on; 0 restores it. */
  setClockOffset(ms: number): Promise<void>;
  /** Requests completed since the last call (HAR-style). */
  drainRequests(probe: string): Promise<NetworkEvent[]>;
  /** Requests still in flight, forgotten afterwards. */
  flushRequests(): NetworkEvent[];
  navigate(url: string): Promise<void>;
  /** Serves the app's folder over IPv6 loopback; absent when the app is not a local folder. */
  serveOverIpv6?: () => Promise<{ url: string; close(): Promise<void> }>;
}

export interface ProbeContext {
  device: DeviceSession;
  store: EvidenceStore;
  /** What exploration recorded (screens with their replayable steps, requests). */
  explored: EvidenceBundle;
  appUrl: string;
  budgets?: PerformanceBudgets;
  /** Time this probe may spend, in ms. */
  budgetMs: number;
  web?: WebTools;
  /** Values for typed steps when replaying paths (the lab's test account included). */
  testData?: TestData;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface Probe {
  readonly id: string;
  /** Chinese title of the probe's test in the report. */
  readonly title: string;
  run(ctx: ProbeContext): Promise<ProbeSummary>;
}

/** What a probe tells the reviewer in its Allure test. */
export interface ProbeSummary {
  status: 'done' | 'skipped';
  /** One Chinese paragraph with the measured figures. */
  text: string;
  /** Named attachments for the probe's test (charts, raw samples); a probe stores the blobs it cites itself. */
  attachments?: ProbeAttachment[];
}

/** A named file shown on an Allure test. */
export interface ProbeAttachment {
  name: string;
  content: Buffer | string;
  /** MIME type. */
  type: string;
}

/** The summary of a probe that cannot run on this platform. */
export function skipped(text: string): ProbeSummary {
  return { status: 'skipped', text };
}
