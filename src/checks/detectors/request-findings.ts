/**
 * Findings from what the app sent on its own: periodic requests carrying online/study time
 * (online-duration-tracking), periodic coordinates (trajectory) and image/video uploads
 * (forced-media-upload). Each finding cites the requests, with the measured period.
 */
import type { EvidenceBundle, NetworkEvent } from '../../evidence/types.js';
import type { Finding } from '../result.js';
import { payloadFields, requestFinding } from './network-payload.js';
import { periodicSeries, type RequestSeries } from './periodic-requests.js';

const DURATION_KEYS = /^(studyTime|study_time|onlineTime|online_time|onlineDuration|online|duration|stayTime|learnTime|learn_time|readTime|elapsed)$/i;
const DURATION_PATH = /online|study|learn|duration|stay|heartbeat/i;
const COORDINATE_KEYS = /^(lat|lng|lon|latitude|longitude|location|coords?|gps)$/i;

/** Periodic requests whose payload carries a duration/online field: a heartbeat that counts online time. */
export function periodicDurationFindings(bundle: EvidenceBundle): Finding[] {
  return periodicSeries(bundle.network).flatMap((series) => {
    const fields = seriesFields(series, DURATION_KEYS);
    if (fields.length === 0 && !(DURATION_PATH.test(series.endpoint) && /online|study|learn/i.test(series.endpoint))) return [];
    return [seriesFinding(bundle, series, `周期性上报在线/学习时长的请求${fields.length ? `（字段 ${fields.join('、')}）` : ''}`, fields.length ? 0.9 : 0.7)];
  });
}

/** Periodic requests carrying coordinates: a trajectory being recorded. */
export function periodicTrajectoryFindings(bundle: EvidenceBundle): Finding[] {
  return periodicSeries(bundle.network).flatMap((series) => {
    const fields = seriesFields(series, COORDINATE_KEYS);
    if (fields.length === 0) return [];
    return [seriesFinding(bundle, series, `周期性上报定位坐标（轨迹）的请求（字段 ${fields.join('、')}）`, 0.9)];
  });
}

/** Multipart or binary uploads of images or video. */
export function mediaUploadFindings(bundle: EvidenceBundle): Finding[] {
  const seen = new Set<string>();
  return bundle.network.filter((r) => r.method !== 'GET' && isMediaUpload(r)).filter((r) => {
    const endpoint = `${r.method} ${r.url.split('?')[0]}`;
    return seen.has(endpoint) ? false : (seen.add(endpoint), true);
  }).map((r) => ({
    summary: `应用向 ${r.method} ${r.url.split('?')[0]} 上传了图片或视频${r.probe ? '（用户未操作时）' : ''}。`,
    source: 'network' as const,
    text: (r.postData ?? r.requestContentType ?? '').slice(0, 300),
    evidence: [],
    confidence: 0.75,
    severity: 'present' as const,
    request: { method: r.method, url: r.url },
    ...(r.screenId ? { screen: r.screenId } : {}),
  }));
}

function isMediaUpload(r: NetworkEvent): boolean {
  const type = r.requestContentType ?? '';
  if (/^(image|video)\//i.test(type)) return true;
  return /multipart\/form-data/i.test(type) && /Content-Type:\s*(image|video)\/|filename="[^"]+\.(jpe?g|png|heic|webp|mp4|mov|3gp)"/i.test(r.postData ?? '');
}

function seriesFields(series: RequestSeries, keys: RegExp): string[] {
  const fields = new Set<string>();
  for (const r of series.requests) for (const k of payloadFields(r).keys()) if (keys.test(k)) fields.add(k);
  return [...fields];
}

function seriesFinding(bundle: EvidenceBundle, series: RequestSeries, what: string, confidence: number): Finding {
  const first = series.requests[0]!;
  const idle = series.requests.some((r) => r.probe === 'network-idle');
  const screen = bundle.screens.find((s) => s.id === first.screenId);
  return requestFinding(bundle, first, {
    summary: `${idle ? '用户未操作时，' : ''}应用每约 ${(series.periodMs / 1000).toFixed(1)} 秒向 ${series.endpoint} 发送一次${what}，共观察到 ${series.requests.length} 次${screen ? `（停留在「${screen.title}」界面）` : ''}。`,
    text: series.requests.slice(0, 3).map((r) => r.postData ?? r.url).join('\n').slice(0, 400),
    confidence,
  });
}
