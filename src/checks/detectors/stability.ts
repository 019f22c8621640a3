/**
 * stability — 第十七条, 第六条: 稳定运行.
 * Uncaught script errors, failed loads of the app's own resources and requests, and app crashes
 * (renderer crash) met while exploring (stability-crashes.ts). Third-party failures are not the app's instability,
 * nor is a request the app never made: the browser asks every origin for /favicon.ico by itself.
 * Each finding names the tap that caused it and boxes the tapped control (stability-cause.ts).
 */
import type { EvidenceBundle, NetworkEvent } from '../../evidence/types.js';
import type { Finding } from '../result.js';
import type { Detector } from './types.js';
import { crashFindings } from './stability-crashes.js';
import { withCause } from './stability-cause.js';
import { probeStabilityFindings } from './stability-probes.js';

export const detectStability: Detector = (bundle) => ({
  findings: [...scriptErrors(bundle), ...failedOwnRequests(bundle), ...crashFindings(bundle), ...probeStabilityFindings(bundle)],
});

/** Messages Chromium itself logs (its network location provider offline), not errors of the app. */
const BROWSER_INTERNAL = /Network location provider at /;

function scriptErrors(bundle: EvidenceBundle): Finding[] {
  const seen = new Set<string>();
  return bundle.console
    .filter((c) => c.level === 'SEVERE' && !/Failed to load resource/.test(c.message) && !BROWSER_INTERNAL.test(c.message))
    .filter((c) => (seen.has(c.message) ? false : (seen.add(c.message), true)))
    .map((c) => withCause(bundle, c, {
      summary: '',
      source: 'probe',
      text: c.message,
      evidence: [],
      confidence: 0.9,
      severity: 'present',
    }, `出现未捕获的脚本错误：「${c.message.slice(0, 120)}」。`));
}

function failedOwnRequests(bundle: EvidenceBundle): Finding[] {
  const own = (r: NetworkEvent) => bundle.appOrigin !== undefined && originOf(r.url) === bundle.appOrigin;
  const seen = new Set<string>();
  return bundle.network
    .filter((r) => own(r) && !browserFavicon(r) && (r.failed === true || (r.status ?? 0) >= 400))
    .filter((r) => (seen.has(r.url) ? false : (seen.add(r.url), true)))
    .map((r) => withCause(bundle, r, {
      summary: '',
      source: 'network',
      text: r.url,
      evidence: [],
      confidence: 0.85,
      severity: 'present',
      request: { method: r.method, url: r.url },
    }, `应用自身资源加载失败：${r.method} ${r.url} → ${r.failed ? (r.errorText ?? '失败') : `HTTP ${r.status}`}。`));
}

/**
 * The browser's own request for the site icon (resource type Other, path /favicon.ico): made
 * whether or not the app has one. The app asking for it itself (an image, a fetch) still counts.
 */
function browserFavicon(r: NetworkEvent): boolean {
  if (r.resourceType !== undefined && r.resourceType !== 'Other') return false;
  try {
    return new URL(r.url).pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

function originOf(url: string): string | undefined {
  try { return new URL(url).origin; } catch { return undefined; }
}
