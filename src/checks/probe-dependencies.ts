/**
 * Which dynamic probes a check's pass rests on. A heartbeat, a trajectory, a daily session or a
 * white screen is behaviour that no screen text shows: when the probe that watches for it did not
 * run to the end (skipped on this platform, failed, or absent from an old run's evidence), the
 * check cannot pass — it is inconclusive, naming the probe. A finding still fails the check.
 */
import type { EvidenceBundle } from '../evidence/types.js';
import type { CheckId } from './catalog.js';

export interface ProbeDependency {
  /** The probe's id (src/probes). */
  readonly probe: string;
  /** What the probe watches, in Chinese, for the reason text. */
  readonly watches: string;
}

/** The probes each behaviour-based check needs before it may pass. */
export const PASS_NEEDS_PROBES: Partial<Record<CheckId, readonly ProbeDependency[]>> = {
  'online-duration-tracking': [{ probe: 'network-idle', watches: '用户不操作时的网络请求（在线时长心跳）' }],
  'forced-media-upload': [
    { probe: 'network-idle', watches: '用户不操作时的网络请求（轨迹上报）' },
    { probe: 'permissions', watches: '摄像头、定位等权限的申请时机与拒绝后可用性' },
  ],
  'mandatory-login': [{ probe: 'login-cadence', watches: '登录会话有效期（时钟拨快后是否要求重新登录）' }],
  'stability': [{ probe: 'render', watches: '白屏' }],
  'performance': [{ probe: 'performance', watches: '启动性能与长任务' }],
};

/** Why `check` cannot pass for want of probe evidence, or undefined when every probe it needs ran. */
export function missingProbeReason(check: CheckId, bundle: Pick<EvidenceBundle, 'probes'>): string | undefined {
  const needed = PASS_NEEDS_PROBES[check] ?? [];
  const runs = bundle.probes?.runs ?? [];
  const missing = needed.filter((d) => !runs.some((r) => r.probe === d.probe && r.status === 'done'));
  if (missing.length === 0) return undefined;
  const what = missing.map((d) => {
    const run = runs.find((r) => r.probe === d.probe);
    const state = !run ? '未运行' : run.status === 'skipped' ? '在该平台上不可用' : `运行失败（${run.message ?? '未知原因'}）`;
    return `探针 ${d.probe}（${d.watches}）${state}`;
  });
  return `未发现问题，但${what.join('；')}，该行为未被观察，不能判定为通过。`;
}
