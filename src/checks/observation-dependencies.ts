/**
 * What a check's pass rests on having been observed during exploration. A platform whose session
 * cannot see the app's requests (DeviceSession.can.networkObserved false, recorded as
 * `coverage.unobserved`) has seen no heartbeat because it saw no request at all: "not observed"
 * never reads as "nothing happened". Such a check is inconclusive, naming what was not observed;
 * a finding still fails it.
 */
import type { EvidenceBundle, Unobserved } from '../evidence/types.js';
import type { CheckId } from './catalog.js';

export interface ObservationDependency {
  readonly observation: Unobserved;
  /** What would have been seen, in Chinese, for the reason text. */
  readonly watches: string;
}

/** Chinese names of what a session may not observe. */
const OBSERVATION_TITLES: Record<Unobserved, string> = { network: '网络请求', logs: '应用日志', dialogs: '弹出对话框' };

/** The observations each check needs before it may pass. */
export const PASS_NEEDS_OBSERVED: Partial<Record<CheckId, readonly ObservationDependency[]>> = {
  'online-duration-tracking': [{ observation: 'network', watches: '上报在线/学习时长的请求' }],
  'forced-media-upload': [{ observation: 'network', watches: '上传照片、视频或位置的请求' }],
  'data-security': [{ observation: 'network', watches: '明文传输的个人信息' }],
  'stability': [{ observation: 'logs', watches: '应用报错' }, { observation: 'network', watches: '失败的请求' }],
};

/** Why `check` cannot pass because exploration could not observe what it needs, or undefined. */
export function unobservedReason(check: CheckId, bundle: Pick<EvidenceBundle, 'coverage'>): string | undefined {
  const unobserved = bundle.coverage?.unobserved ?? [];
  const missing = (PASS_NEEDS_OBSERVED[check] ?? []).filter((d) => unobserved.includes(d.observation));
  if (missing.length === 0) return undefined;
  const what = missing.map((d) => `${OBSERVATION_TITLES[d.observation]}（${d.watches}）`).join('、');
  return `未发现问题，但该平台的设备会话无法观察${what}，未观察不等于未发生，不能判定为通过。`;
}
