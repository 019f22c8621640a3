/**
 * Stability findings from the probes: blank (white) screens after navigation and main-thread
 * blocks long enough that the OS would declare the app frozen (Android ANR 5 s, HarmonyOS
 * APP_FREEZE 6 s; the profile's longTaskMs budget, 5 s when absent).
 */
import type { EvidenceBundle } from '../../evidence/types.js';
import type { Finding } from '../result.js';

const DEFAULT_FREEZE_MS = 5000;

/** Blank screens and freezes recorded by the probes. */
export function probeStabilityFindings(bundle: EvidenceBundle): Finding[] {
  return [...blankScreens(bundle), ...freezes(bundle)];
}

function blankScreens(bundle: EvidenceBundle): Finding[] {
  return (bundle.probes?.render?.blank ?? []).map((b) => {
    const screen = bundle.screens.find((s) => s.id === b.screenId);
    const last = screen?.steps.at(-1);
    const finding: Finding = {
      summary: `${last && last.action !== 'launch' ? `${last.label}后` : '启动后'}出现白屏：截图几乎为单一颜色（标准差 ${b.stdev}），界面上没有任何文字或可操作控件。`,
      source: 'probe',
      evidence: screen?.screenshot ? [screen.screenshot, screen.uiTree] : [],
      confidence: 0.85,
      severity: 'present',
    };
    if (screen) {
      finding.screen = screen.id;
      finding.steps = screen.steps;
    }
    return finding;
  });
}

function freezes(bundle: EvidenceBundle): Finding[] {
  const measured = bundle.probes?.performance.at(-1);
  const worst = measured?.longTasks?.worstMs;
  const limit = measured?.budgets?.longTaskMs ?? DEFAULT_FREEZE_MS;
  if (!measured || worst === undefined || worst < limit) return [];
  return [{
    summary: `启动时主线程连续阻塞 ${(worst / 1000).toFixed(1)} 秒（起于启动后 ${measured.longTasks?.worstStartMs ?? 0} ms），期间应用无响应；达到系统判定无响应的阈值（${limit} ms）。`,
    source: 'probe',
    text: `longest task ${worst} ms`,
    evidence: [],
    confidence: 0.85,
    severity: 'present',
  }];
}
