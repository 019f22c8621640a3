/** Reads what the instrumentation and the Performance APIs recorded in the current page. */
import type { PermissionRequestRecord } from '../evidence/probe-types.js';
import type { WebTools } from './probe.js';

export interface PageFigures {
  instrumented: boolean;
  calls: PermissionRequestRecord[];
  /** null when the Long Tasks API is missing. */
  longTasks: { startMs: number; durationMs: number }[] | null;
  /** Blocks seen as late timer ticks (absent on older instrumentation). */
  gaps?: { startMs: number; durationMs: number }[];
  firstContentMs?: number;
  domContentLoadedMs?: number;
  loadMs?: number;
  url: string;
}

const READ_SCRIPT = `
  var p = window.__govappProbe;
  var nav = performance.getEntriesByType('navigation')[0];
  var fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return JSON.stringify({
    instrumented: !!p,
    calls: p ? p.calls : [],
    longTasks: p ? p.longTasks : null,
    gaps: p ? p.gaps : [],
    firstContentMs: fcp ? Math.round(fcp.startTime) : undefined,
    domContentLoadedMs: nav && nav.domContentLoadedEventEnd > 0 ? Math.round(nav.domContentLoadedEventEnd) : undefined,
    loadMs: nav && nav.loadEventEnd > 0 ? Math.round(nav.loadEventEnd) : undefined,
    url: location.href
  });`;

/** The figures of the page currently shown. */
export async function readPageFigures(web: WebTools): Promise<PageFigures> {
  return JSON.parse(await web.execute<string>(READ_SCRIPT)) as PageFigures;
}
