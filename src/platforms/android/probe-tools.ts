/**
 * The probe tools the Android platform offers (src/probes/probe-tools.ts). Filled in once the probe
 * seam gives probes their tools; until then the Android probes (probes/) read the AndroidSession.
 */
import type { ProbeTools } from '../../probes/probe-tools.js';
import type { PreparedAndroidDevice } from './device-file.js';

/** The tools for a probe on this session. */
export function androidProbeTools(_browser: WebdriverIO.Browser, _device: PreparedAndroidDevice): ProbeTools {
  return {};
}
