/**
 * The probe tools the iOS platform offers: permission control (answers reset through WDA before each
 * launch, prompts answered by policy: tools/permission-control.ts) and, when the device's traffic goes
 * through the capture proxy, its requests as the network tap. No clock control (iOS does not let a test
 * move the clock), no performance meter (launch, memory and CPU figures need Instruments on macOS), no
 * input timer, no loopback server: the probes that need them are recorded as skipped, naming the tool.
 */
import type { ProbeTools } from '../../probes/probe-tools.js';
import type { IosSession } from './ios-session.js';
import { iosPermissionControl } from './tools/permission-control.js';

/** The tools for a probe on this session; `usageKeys`: the Info.plist usage keys the app declares. */
export function iosProbeTools(session: IosSession, usageKeys: readonly string[]): ProbeTools {
  const tools: ProbeTools = { permissionControl: iosPermissionControl(session, usageKeys) };
  if (session.can.networkObserved) {
    tools.networkTap = {
      drain: async (probe) => (await session.drainNetwork()).map((r) => ({ type: 'network' as const, ...r, probe })),
      // The proxy reports a request once it completed; one still open is not known to it.
      flush: () => [],
    };
  }
  return tools;
}
