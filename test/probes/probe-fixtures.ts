/** Small builders for probe evidence (kept here so probe tests do not depend on other suites' helpers). */
import type { PerformanceProbeEvent, PermissionProbeEvent, ProbeEvidence } from '../../src/evidence/probe-types.js';
import type { CoverageEvent, EvidenceBundle, NetworkEvent, ScreenEvent } from '../../src/evidence/types.js';

let counter = 0;

export function net(fields: Partial<NetworkEvent> & { url: string }): NetworkEvent {
  return { type: 'network', requestId: `q${++counter}`, method: 'POST', resourceType: 'Fetch', status: 200, ts: 1_000, ...fields };
}

/** `count` requests to `url`, `periodMs` apart, bodies from `body(i)`. */
export function beats(url: string, count: number, periodMs: number, body: (i: number) => object, extra: Partial<NetworkEvent> = {}): NetworkEvent[] {
  return Array.from({ length: count }, (_, i) => net({ url, ts: 10_000 + i * periodMs, postData: JSON.stringify(body(i)), ...extra }));
}

export const COMPLETE: CoverageEvent = {
  type: 'coverage', screens: 1, screensFullyExplored: 1, actions: 1, frontier: 0, unexploredDepths: [], durationMs: 1_000,
  complete: true, stoppedBy: 'exhausted', skippedActions: [],
};

export function launchScreen(id = 's0', fields: Partial<ScreenEvent> = {}): ScreenEvent {
  return {
    type: 'screen', id, signature: id, url: 'http://127.0.0.1:8080/', title: '首页', depth: 0, steps: [{ action: 'launch', label: '打开应用' }],
    nodes: [], visibleText: '', uiTree: { kind: 'ui-tree', path: `evidence/${id}.json`, sha256: id }, viewport: { width: 412, height: 915, devicePixelRatio: 2.625 },
    at: '2026-11-28T00:00:00.000Z', ...fields,
  };
}

/** Every probe ran to the end: the checks that rest on probes may pass (src/checks/probe-dependencies.ts). */
export const ALL_PROBES_DONE: ProbeEvidence['runs'] = ['render', 'performance', 'permissions', 'network-idle', 'login-cadence', 'ipv6']
  .map((probe) => ({ type: 'probe-run', probe, status: 'done', durationMs: 1 }));

export function probes(fields: Partial<ProbeEvidence> = {}): ProbeEvidence {
  return { runs: ALL_PROBES_DONE, idle: [], permissions: [], performance: [], ...fields };
}

export function evidence(fields: Partial<EvidenceBundle> = {}): EvidenceBundle {
  return { screens: [launchScreen()], transitions: [], network: [], console: [], issues: [], coverage: COMPLETE, appOrigin: 'http://127.0.0.1:8080', ...fields };
}

export const BUDGETS = { firstContentMs: 5000, interactiveMs: 5000, longTaskMs: 5000, jsHeapBytes: 1_572_864_000, sources: { longTaskMs: 'Android ANR 5 s' } };

export function measured(fields: Partial<PerformanceProbeEvent> = {}): PerformanceProbeEvent {
  return {
    type: 'performance-probe', url: 'http://127.0.0.1:8080/', firstContentMs: 196, domContentLoadedMs: 130, loadMs: 135, interactiveMs: 196,
    longTasks: { count: 1, totalMs: 50, worstMs: 50 }, jsHeapUsedBytes: 1_080_212, budgets: BUDGETS, at: '2026-11-28T00:00:00.000Z', ...fields,
  };
}

export function permissionLaunch(mode: 'granted' | 'denied', fields: Partial<PermissionProbeEvent> = {}): PermissionProbeEvent {
  return { type: 'permission-probe', mode, stepLabels: [], requests: [], actionable: 3, visibleText: '移动办公 待办事项 通讯录 我的', ...fields };
}

export const cameraAtLaunch = { capability: 'camera' as const, api: 'getUserMedia', atMs: 120, afterUserAction: false, url: 'http://127.0.0.1:8080/' };
