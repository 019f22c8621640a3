/**
 * data-security — 第十九条: 数据和个人信息安全.
 * Personal data on the wire: mainland mobile numbers and ID-card numbers (checksum-valid) in URLs
 * (they end up in logs, referrers and caches) or in bodies sent over clear HTTP; a launch that
 * refuses service unless a camera or location permission is granted; the clipboard read at launch
 * with no user action (clipboard-findings.ts). Nothing found is not a pass:
 * storage, encryption at rest and the privacy policy are outside what is measured here.
 * Known false positives: an 11-digit order number starting 13–19 in a URL.
 * Apps served from loopback (the lab's own server) are not judged on transport.
 */
import type { EvidenceBundle, NetworkEvent } from '../../evidence/types.js';
import type { Finding } from '../result.js';
import { clipboardAtLaunchFindings, notificationAtLaunchObservations } from './clipboard-findings.js';
import { permissionGate, permissionGateFinding } from './permission-findings.js';
import type { Detector } from './types.js';

const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_CARD = /(?<![\dXx])\d{17}[\dXx](?![\dXx])/g;

export const NOT_FULLY_MEASURED = '网络传输中未发现个人信息明文外泄（URL 中的手机号、身份证号，明文 HTTP 中的个人信息），也未发现拒绝权限即不可用或启动即读取剪贴板；但数据存储、加密、隐私政策与收集范围不在本次测量范围内，需另行检查，不能判定为通过。';

export const detectDataSecurity: Detector = (bundle) => {
  const gate = permissionGate(bundle, ['camera', 'geolocation', 'microphone']);
  const findings = [...personalDataFindings(bundle), ...clipboardAtLaunchFindings(bundle), ...(gate ? [permissionGateFinding(gate, '不授权即拒绝提供服务')] : [])];
  const observations = notificationAtLaunchObservations(bundle);
  const noted = observations.length > 0 ? { observations } : {};
  return findings.length > 0 ? { findings, ...noted } : { findings, ...noted, inconclusiveReason: NOT_FULLY_MEASURED };
};

/** Personal data found in a text: masked values, for the report (never the full number). */
export function personalData(text: string): { kind: '手机号' | '身份证号'; masked: string }[] {
  const found: { kind: '手机号' | '身份证号'; masked: string }[] = [];
  for (const m of text.matchAll(ID_CARD)) if (validIdCard(m[0])) found.push({ kind: '身份证号', masked: `${m[0].slice(0, 6)}********${m[0].slice(14)}` });
  for (const m of text.matchAll(PHONE)) found.push({ kind: '手机号', masked: `${m[0].slice(0, 3)}****${m[0].slice(7)}` });
  return found;
}

/** GB 11643 check digit (ISO 7064 MOD 11-2). */
export function validIdCard(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

function personalDataFindings(bundle: EvidenceBundle): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const r of bundle.network) {
    const where = exposure(r);
    for (const { place, text } of where) {
      const found = personalData(text);
      if (found.length === 0) continue;
      const key = `${place}|${r.method} ${r.url.split('?')[0]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        summary: `应用在${place}中传输了${[...new Set(found.map((f) => f.kind))].join('、')}（${found.map((f) => f.masked).join('、')}）：${r.method} ${r.url.split('?')[0]}。`,
        source: 'network',
        text: found.map((f) => `${f.kind} ${f.masked}`).join('，'),
        evidence: [],
        confidence: 0.8,
        severity: 'present',
        request: { method: r.method, url: maskUrl(r.url) },
        ...(r.screenId ? { screen: r.screenId } : {}),
      });
    }
  }
  return findings;
}

function exposure(r: NetworkEvent): { place: string; text: string }[] {
  const places: { place: string; text: string }[] = [];
  let decoded = r.url;
  try {
    decoded = decodeURIComponent(r.url);
  } catch { /* keep raw */ }
  places.push({ place: '网址（URL）', text: decoded });
  if (r.postData && isClearRemoteHttp(r.url)) places.push({ place: '明文 HTTP 请求体', text: r.postData });
  return places;
}

function isClearRemoteHttp(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) && !u.hostname.startsWith('127.');
  } catch {
    return false;
  }
}

function maskUrl(url: string): string {
  return url.replace(PHONE, (m) => `${m.slice(0, 3)}****${m.slice(7)}`).replace(ID_CARD, (m) => `${m.slice(0, 6)}********${m.slice(14)}`);
}
