/**
 * The probe tools the iOS platform offers: the capture proxy's requests as the network tap, when the
 * device's traffic goes through it. No permission control (a prompt once answered is not asked again
 * until the app is reinstalled; no reset here), no clock control (iOS does not let a test move the
 * clock), no performance meter (launch, memory and CPU figures need Instruments on macOS), no input
 * timer, no loopback server: the probes that need them are recorded as skipped, naming the tool.
 */
import type { ProbeTools } from '../../probes/probe-tools.js';
import type { IosSession } from './ios-session.js';

/** The tools for a probe on this session. */
export function iosProbeTools(session: IosSession): ProbeTools {
  if (!session.can.networkObserved) return {};
  return {
    networkTap: {
      drain: async (probe) => (await session.drainNetwork()).map((r) => ({ type: 'network' as const, ...r, probe })),
      // The proxy reports a request once it completed; one still open is not known to it.
      flush: () => [],
    },
  };
}
