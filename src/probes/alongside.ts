/**
 * Which probes may run beside the others (their tests then only await them):
 * - `own-session`: the network-idle probe mostly waits (16 s on a screen, left alone); where a
 *   second session does not disturb the first (each H5 session is its own browser), it runs on a
 *   session of its own. Not when one of its paths signs in: many government apps keep one login
 *   per account, and a second sign-in with the lab's test account could end the first session's,
 *   or be ended by it.
 * - `no-device`: the blank-screen probe reads recorded screenshots only.
 */
import type { EvidenceBundle } from '../evidence/types.js';
import { idleScreens } from './network-idle-probe.js';

export type AlongsideMode = 'own-session' | 'no-device';

/** The probes that can run alongside, and how. */
export const ALONGSIDE_PROBES: Readonly<Record<string, AlongsideMode>> = { 'network-idle': 'own-session', render: 'no-device' };

/** Why `probeId` must run in turn on this run, or undefined when it may run alongside. */
export function alongsideRefusal(probeId: string, explored: EvidenceBundle, independentSessions: boolean): string | undefined {
  const mode = ALONGSIDE_PROBES[probeId];
  if (mode === undefined) return '该探针操作主会话，按顺序进行。';
  if (mode === 'no-device') return undefined;
  if (!independentSessions) return '该平台同一设备上不能再开一个互不干扰的会话，空闲观察在其他探针之后进行。';
  const signsIn = idleScreens(explored).some((s) => s.steps.some((st) => st.action === 'type' && st.input === 'password'));
  return signsIn ? '空闲观察的回放路径需要登录，同一测试账号同时登录两个会话可能互相踢下线，因此在其他探针之后单独进行。' : undefined;
}

/**
 * The probes' test order: with a concurrent idle session, permissions (not timed) come first, so
 * the second browser's start and replay overlap it and not the launch and frame measurements;
 * otherwise the given order.
 */
export function probeOrder<P extends { id: string }>(probes: readonly P[], independentSessions: boolean): P[] {
  if (!independentSessions) return [...probes];
  return [...probes.filter((p) => p.id === 'permissions'), ...probes.filter((p) => p.id !== 'permissions')];
}
