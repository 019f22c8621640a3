/**
 * The probe tools the HarmonyOS platform offers: permission control through the permission manager's
 * dialogs, a performance meter (cold starts, memory) and, when the device's WLAN proxy leads to the run's
 * capture proxy (network-route.ts), the network tap. No clock control, no input timer, no loopback server:
 * those probes say so.
 */
import type { EvidenceStore } from '../../evidence/store.js';
import type { PerformanceBudgets } from '../../evidence/probe-types.js';
import type { ProbeTools } from '../../probes/probe-tools.js';
import type { AppiumBrowser } from '../shared/appium-browser.js';
import type { HarmonySession } from './harmony-session.js';
import { harmonyPerformanceMeter } from './tools/performance-meter.js';
import { harmonyPermissionControl } from './tools/permission-control.js';

/** The tools for a probe on this session. */
export function harmonyProbeTools(browser: AppiumBrowser, session: HarmonySession, store: EvidenceStore, budgets: PerformanceBudgets | undefined): ProbeTools {
  const memory = () => browser.execute<{ pssTotalKb: number; pid: number }>('mobile: memoryInfo', { appId: session.app.bundleName });
  const tools: ProbeTools = {
    permissionControl: harmonyPermissionControl(session),
    performanceMeter: harmonyPerformanceMeter(session, store, budgets, memory),
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
