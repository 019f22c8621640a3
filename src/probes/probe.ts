/**
 * The probe interface: a probe drives the app after exploration and writes typed evidence events
 * (src/evidence/probe-types.ts). Probes see the device through the platform-neutral DeviceSession;
 * what only some platforms can do comes as probe tools (probe-tools.ts) that the probe declares in
 * `needs` (it does not run without them) and `uses` (it runs without them, measuring less). The
 * probe runner (probe-run.ts) gives a probe only those tools, and records it `skipped`, naming the
 * tool, when the platform does not offer one it needs.
 */
import type { DeviceSession } from '../device/device-session.js';
import type { EvidenceStore } from '../evidence/store.js';
import type { PerformanceBudgets } from '../evidence/probe-types.js';
import type { EvidenceBundle } from '../evidence/types.js';
import type { TestData } from '../explore/test-data.js';
import type { ProbeToolName, ProbeTools } from './probe-tools.js';

export type { PermissionMode } from './probe-tools.js';

/** The tools a probe gets: every tool it needs, and those it uses when the platform offers them. */
export type GivenTools<N extends ProbeToolName, U extends ProbeToolName> = Required<Pick<ProbeTools, N>> & Pick<ProbeTools, U>;

export interface ProbeContext<N extends ProbeToolName = never, U extends ProbeToolName = never> {
  device: DeviceSession;
  store: EvidenceStore;
  /** What exploration recorded (screens with their replayable steps, requests). */
  explored: EvidenceBundle;
  appUrl: string;
  budgets?: PerformanceBudgets;
  /** Time this probe may spend, in ms. */
  budgetMs: number;
  tools: GivenTools<N, U>;
  /** Values for typed steps when replaying paths (the lab's test account included). */
  testData?: TestData;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface Probe<N extends ProbeToolName = never, U extends ProbeToolName = never> {
  readonly id: string;
  /** Chinese title of the probe's test in the report. */
  readonly title: string;
  /** Tools without which the probe cannot run: absent on the platform, the probe is recorded skipped, naming them. */
  readonly needs: readonly N[];
  /** Tools the probe measures more with, when the platform offers them. */
  readonly uses?: readonly U[];
  run(ctx: ProbeContext<N, U>): Promise<ProbeSummary>;
}

/** A probe of any tool needs (the registry's element type). */
export type AnyProbe = Probe<ProbeToolName, ProbeToolName>;

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
