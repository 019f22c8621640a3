/**
 * performance (interaction) — 第六条, 第十七条: response to taps and frame pacing, measured by the
 * performance probe (taps replayed with trusted input, timed to the next painted frame; rAF
 * intervals during a scroll gesture), against the profile's tapResponseMs and worstFrameMs.
 * A tap over budget is a finding with its path, the figure, how it was measured and the budget's
 * source; a budgeted figure that was not measured is named, never taken as a pass.
 * Known limits: a few taps, each once, on an emulated phone in a shared lab host; frames are the
 * main thread's (rAF), not the GPU's; the explorer's paths are replayed with permissions denied.
 */
import type { PerformanceProbeEvent } from '../../evidence/probe-types.js';
import type { ScreenEvent } from '../../evidence/types.js';
import type { Finding } from '../result.js';

/** Findings for taps and frames over budget, and the budgeted figures that were not measured. */
export function interactionFindings(measured: PerformanceProbeEvent, screens: readonly ScreenEvent[]): { findings: Finding[]; unmeasured: string[] } {
  const budgets = measured.budgets ?? {};
  const findings: Finding[] = [];
  const unmeasured: string[] = [];
  const cite = (name: 'tapResponseMs' | 'worstFrameMs') => (budgets.sources?.[name] ? `（依据：${budgets.sources[name]}）` : '');
  if (budgets.tapResponseMs !== undefined) {
    const limit = budgets.tapResponseMs;
    if (measured.taps?.worstMs === undefined) unmeasured.push(`点击响应（${untimedReason(measured)}）`);
    for (const tap of measured.taps?.taps ?? []) {
      if (tap.ms === undefined || tap.ms <= limit) continue;
      const screen = screens.find((s) => s.id === tap.screenId);
      const how = tap.method === 'event-timing' ? 'Event Timing 交互时长' : '输入到处理后下一帧';
      findings.push({
        summary: `${pathText(tap.steps)}：点击响应 ${tap.ms} ms（${how}${tap.handlerMs === undefined ? '' : `，其中事件处理 ${tap.handlerMs} ms`}），超过预算 ${limit} ms${cite('tapResponseMs')}。`,
        source: 'probe',
        text: `tapResponseMs=${tap.ms} > ${limit}`,
        screen: tap.screenId,
        steps: tap.steps,
        evidence: screen?.screenshot ? [screen.screenshot] : [],
        confidence: 0.8,
        severity: 'present',
      });
    }
  }
  if (budgets.worstFrameMs !== undefined) {
    const frames = measured.frames;
    if (!frames?.measurable) unmeasured.push(`滚动帧率（${frames ? frames.reason : '未测量'}）`);
    else if (frames.worstMs > budgets.worstFrameMs) {
      findings.push({
        summary: `滚动启动界面时最长一帧 ${frames.worstMs} ms（${frames.frames} 帧中掉帧 ${frames.janky} 次），超过预算 ${budgets.worstFrameMs} ms${cite('worstFrameMs')}。`,
        source: 'probe',
        text: `worstFrameMs=${frames.worstMs} > ${budgets.worstFrameMs}`,
        evidence: [],
        confidence: 0.7,
        severity: 'present',
      });
    }
  }
  return { findings, unmeasured };
}

function untimedReason(measured: PerformanceProbeEvent): string {
  const taps = measured.taps?.taps ?? [];
  if (!measured.taps) return '未测量';
  if (taps.length === 0) return '探索中没有可回放的点击';
  return `${taps.length} 次点击均未能计时：${[...new Set(taps.map((t) => t.reason ?? ''))].join(' ')}`;
}

function pathText(steps: readonly { action: string; label: string }[]): string {
  return steps.filter((s) => s.action !== 'launch').map((s) => s.label).join(' → ') || '启动界面';
}
