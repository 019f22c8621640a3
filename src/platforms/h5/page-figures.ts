/** Reads what the instrumentation and the Performance APIs recorded in the current page. */
import type { PermissionRequestRecord } from '../../evidence/probe-types.js';
import type { LaunchFigures } from '../../probes/probe-tools.js';
import type { PageScripts } from './page-tools.js';

/** The launch figures plus what the instrumentation recorded of permission requests. */
export interface PageFigures extends LaunchFigures {
  instrumented: boolean;
  calls: PermissionRequestRecord[];
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
export async function readPageFigures(web: PageScripts): Promise<PageFigures> {
  return JSON.parse(await web.execute<string>(READ_SCRIPT)) as PageFigures;
}
