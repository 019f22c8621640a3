/**
 * The probe tools the Android platform offers (src/probes/probe-tools.ts): the capture proxy's requests
 * as the network tap (when the device's traffic goes through it), permission control through the
 * permission controller's dialogs, clock control by the device clock, and a performance meter over
 * `am start -W` / `dumpsys`. No input timer (no trusted, timed input on Android here) and no loopback
 * server: those probes say so.
 */
import type { EvidenceStore } from '../../evidence/store.js';
import type { PerformanceBudgets } from '../../evidence/probe-types.js';
import type { ProbeTools } from '../../probes/probe-tools.js';
import type { AndroidSession } from './android-session.js';
import { androidClockControl } from './tools/clock-control.js';
import { androidPerformanceMeter } from './tools/performance-meter.js';
import { androidPermissionControl } from './tools/permission-control.js';

/** The tools for a probe on this session. */
export function androidProbeTools(session: AndroidSession, store: EvidenceStore, budgets: PerformanceBudgets | undefined): ProbeTools {
  const tools: ProbeTools = {
    permissionControl: androidPermissionControl(session),
    clockControl: androidClockControl((command) => session.shell(command)),
    performanceMeter: androidPerformanceMeter(session, store, budgets),
  };
  if (session.can.networkObserved) {
    tools.networkTap = {
      drain: async (probe) => (await session.drainNetwork()).map((r) => ({ type: 'network' as const, ...r, probe })),
      // The proxy reports a request once it completed; one still open is not known to it.
      flush: () => [],
    };
  }
  return tools;
}
