/**
 * The registry of checks: id, Chinese title, the clauses each one tests, and whether it
 * looks for something forbidden (prohibition) or something required (requirement).
 * Check ids are part of the verdict.json contract: never rename one.
 */
import type { ClauseId } from '../regulation/clauses.js';

export const CHECK_IDS = [
  'forced-check-in',
  'points-ranking',
  'online-duration-tracking',
  'mandatory-login',
  'forced-promotion',
  'engagement-metrics-assessment',
  'forced-media-upload',
  'repeated-data-reporting',
  'commercial-activity',
  'filing-disclosure',
  'complaint-channel',
  'ipv6-readiness',
  'stability',
  'performance',
  'data-security',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export type CheckKind = 'prohibition' | 'requirement' | 'quality';

export interface CheckInfo {
  readonly title: string;
  readonly clauses: readonly ClauseId[];
  readonly kind: CheckKind;
}

export const CHECK_CATALOG = {
  'forced-check-in': { title: '强制打卡签到', clauses: ['art14.2', 'art10'], kind: 'prohibition' },
  'points-ranking': { title: '积分排名', clauses: ['art14.2', 'art10'], kind: 'prohibition' },
  'online-duration-tracking': { title: '统计在线时长', clauses: ['art14.2', 'art10'], kind: 'prohibition' },
  'mandatory-login': { title: '强制要求定期登录', clauses: ['art14.3'], kind: 'prohibition' },
  'forced-promotion': { title: '强制推广下载与考核安装使用率', clauses: ['art14.3'], kind: 'prohibition' },
  'engagement-metrics-assessment': { title: '以点赞、投票、转发、学习时长作为考评依据', clauses: ['art14.4'], kind: 'prohibition' },
  'forced-media-upload': { title: '强制上传工作照片、视频和轨迹', clauses: ['art14.4'], kind: 'prohibition' },
  'repeated-data-reporting': { title: '重复要求填表报数', clauses: ['art14.1'], kind: 'prohibition' },
  'commercial-activity': { title: '从事经营性活动', clauses: ['art14.5'], kind: 'prohibition' },
  'filing-disclosure': { title: '显著标示主办单位及备案编号', clauses: ['art5'], kind: 'requirement' },
  'complaint-channel': { title: '投诉建议功能（在线受理、跟踪反馈、回访评价）', clauses: ['art18', 'art10'], kind: 'requirement' },
  'ipv6-readiness': { title: 'IPv6 支持', clauses: ['art16'], kind: 'quality' },
  'stability': { title: '稳定运行', clauses: ['art17', 'art6'], kind: 'quality' },
  'performance': { title: '性能稳定性', clauses: ['art6', 'art17'], kind: 'quality' },
  'data-security': { title: '数据和个人信息安全', clauses: ['art19'], kind: 'quality' },
} as const satisfies Record<CheckId, CheckInfo>;

/** True for a known check id. */
export function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value);
}
