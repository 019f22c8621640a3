/** The probes of an Android run, in run order (same ids as H5, so the checks' probe dependencies hold). */
import type { Probe } from '../../../probes/probe.js';
import { renderProbe } from '../../../probes/render-probe.js';
import { androidLoginCadenceProbe } from './login-cadence-probe.js';
import { androidNetworkIdleProbe } from './network-idle-probe.js';
import { androidPerformanceProbe } from './performance-probe.js';
import { androidPermissionProbe } from './permission-probe.js';

export const ANDROID_PROBES: readonly Probe[] = [renderProbe, androidPerformanceProbe, androidPermissionProbe, androidNetworkIdleProbe, androidLoginCadenceProbe];
