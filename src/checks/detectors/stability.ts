/**
 * stability — 第十七条, 第六条: 稳定运行.
 * Uncaught script errors, failed loads of the app's own resources and requests, and app crashes
 * (renderer crash) met while exploring (stability-crashes.ts). Third-party failures are not the app's instability.
 */
import type { ConsoleEvent, EvidenceBundle, NetworkEvent } from '../../evidence/types.js';
import type { Finding } from '../result.js';
import type { Detector } from './types.js';
import { crashFindings } from './stability-crashes.js';
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
    .map((c) => withScreen(bundle, c, {
      summary: `运行中出现未捕获的脚本错误：「${c.message.slice(0, 120)}」。`,
      source: 'probe',
      text: c.message,
      evidence: [],
      confidence: 0.9,
      severity: 'present',
    }));
}

function failedOwnRequests(bundle: EvidenceBundle): Finding[] {
  const own = (r: NetworkEvent) => bundle.appOrigin !== undefined && originOf(r.url) === bundle.appOrigin;
  const seen = new Set<string>();
  return bundle.network
    .filter((r) => own(r) && (r.failed === true || (r.status ?? 0) >= 400))
    .filter((r) => (seen.has(r.url) ? false : (seen.add(r.url), true)))
    .map((r) => withScreen(bundle, r, {
      summary: `应用自身资源加载失败：${r.method} ${r.url} → ${r.failed ? (r.errorText ?? '失败') : `HTTP ${r.status}`}。`,
      source: 'network',
      text: r.url,
      evidence: [],
      confidence: 0.85,
      severity: 'present',
      request: { method: r.method, url: r.url },
    }));
}

function withScreen(bundle: EvidenceBundle, event: ConsoleEvent | NetworkEvent, finding: Finding): Finding {
  const screen = bundle.screens.find((s) => s.id === event.screenId);
  if (screen) {
    finding.screen = screen.id;
    finding.steps = screen.steps;
    finding.summary = finding.summary.replace(/。$/, `（发生在「${screen.title}」界面）。`);
    if (screen.screenshot) finding.evidence.push(screen.screenshot);
  }
  return finding;
}

function originOf(url: string): string | undefined {
  try { return new URL(url).origin; } catch { return undefined; }
}
