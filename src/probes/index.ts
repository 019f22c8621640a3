/** The probes, in run order: those that only read come first; IPv6 last, as it leaves the page elsewhere. */
import { ipv6Probe } from './ipv6-probe.js';
import { loginCadenceProbe } from './login-cadence-probe.js';
import { networkIdleProbe } from './network-idle-probe.js';
import { performanceProbe } from './performance-probe.js';
import { permissionProbe } from './permission-probe.js';
import type { AnyProbe } from './probe.js';
import { renderProbe } from './render-probe.js';

export const PROBES: readonly AnyProbe[] = [renderProbe, performanceProbe, permissionProbe, networkIdleProbe, loginCadenceProbe, ipv6Probe];

/** The probe with this id (the spec iterates PROBES; tests look one up). */
export function probeById(id: string): AnyProbe | undefined {
  return PROBES.find((p) => p.id === id);
}
