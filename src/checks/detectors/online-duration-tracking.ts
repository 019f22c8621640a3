/**
 * online-duration-tracking — 第十四条第（二）项, 第十条: 统计在线时长.
 * Counters of online/study time on screen, and requests that carry a duration field.
 * Known false positives: a video player's own duration label (视频时长) is not matched, and a generic
 * `duration` field counts only as a heartbeat (the same endpoint called at least three times).
 */
import { lexiconTerm } from '../lexicon/compile.js';
import { requestFindings } from './network-payload.js';
import { periodicDurationFindings } from './request-findings.js';
import { lexiconFindings } from './text-rules.js';
import type { Detector } from './types.js';

/** A generic field (duration) is a heartbeat only when the same endpoint is called this often. */
const HEARTBEAT_MIN_REQUESTS = 3;

export const detectOnlineDurationTracking: Detector = (bundle, settings) => {
  const specific = requestFindings(bundle, lexiconTerm(settings.lexicon, 'online-duration-tracking', 'durationKeys'), '上报在线/学习时长的请求', 0.8);
  const cited = new Set(specific.map((f) => f.request?.url));
  const generic = requestFindings(bundle, lexiconTerm(settings.lexicon, 'online-duration-tracking', 'genericDurationKeys'), '周期性上报时长的心跳请求', 0.75, { minRequests: HEARTBEAT_MIN_REQUESTS })
    .filter((f) => !cited.has(f.request?.url));
  return { findings: [...lexiconFindings(bundle, settings, 'online-duration-tracking', '统计在线时长'), ...specific, ...generic, ...periodicDurationFindings(bundle)] };
};
