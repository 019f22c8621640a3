/** The performance check on tap response and frame pacing: fails with the tap's path, the figure and the budget; never passes on a missing figure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import type { FramePacing, TapResponseFigures, TapResponseRecord } from '../../src/evidence/probe-types.js';
import { BUDGETS, evidence, launchScreen, measured, probes } from './probe-fixtures.js';

const budgets = {
  ...BUDGETS, tapResponseMs: 500, worstFrameMs: 700,
  sources: { ...BUDGETS.sources, tapResponseMs: 'web.dev INP >500 ms 为差', worstFrameMs: 'Android 冻结帧 700 ms' },
};
const home = launchScreen('s0', { screenshot: { kind: 'screenshot', path: 'evidence/s0.png', sha256: 's0' } });
const path = (text: string) => [...home.steps, { action: 'tap' as const, label: `点击「${text}」`, locator: '#x', text }];
const timed = (text: string, ms: number, fields: Partial<TapResponseRecord> = {}): TapResponseRecord =>
  ({ steps: path(text), screenId: 's0', label: `点击「${text}」`, ms, method: 'event-timing', ...fields });
const taps = (...records: TapResponseRecord[]): TapResponseFigures => {
  const times = records.flatMap((r) => (r.ms === undefined ? [] : [r.ms]));
  return { input: 'cdp-touch', taps: records, ...(times.length ? { worstMs: Math.max(...times) } : {}) };
};
const smooth: FramePacing = { measurable: true, during: 'scroll-gesture', scrolled: true, frames: 62, expectedIntervalMs: 16.6, janky: 0, worstMs: 16.8 };

function run(fields: Parameters<typeof measured>[0]) {
  return evaluateCheck('performance', evidence({ screens: [home], probes: probes({ performance: [measured({ budgets, ...fields })] }) }));
}

void describe('performance: tap response and frames', () => {
  void it('passes with every tap and the worst frame measured within budget', () => {
    assert.equal(run({ taps: taps(timed('扫码办事', 40), timed('查询进度', 16, { method: 'raf' })), frames: smooth }).outcome, 'pass');
  });

  void it('fails on a slow tap with its path, the figure, how it was measured and the budget with its source', () => {
    const result = run({ taps: taps(timed('办事指南', 24), timed('重新授权', 808, { handlerMs: 801 })), frames: smooth });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 1);
    const finding = result.findings[0]!;
    assert.equal(finding.summary, '点击「重新授权」：点击响应 808 ms（Event Timing 交互时长，其中事件处理 801 ms），超过预算 500 ms（依据：web.dev INP >500 ms 为差）。');
    assert.deepEqual(finding.steps?.map((s) => s.label), ['打开应用', '点击「重新授权」']);
    assert.equal(finding.screen, 's0');
    assert.deepEqual(finding.evidence, [home.screenshot]);
  });

  void it('fails on a frozen frame during the scroll', () => {
    const result = run({ taps: taps(timed('扫码办事', 40)), frames: { ...smooth, janky: 1, worstMs: 812 } });
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.summary ?? '', /最长一帧 812 ms（62 帧中掉帧 1 次），超过预算 700 ms（依据：Android 冻结帧 700 ms）/);
  });

  void it('is inconclusive, naming the part, when taps or frames were budgeted but not measured', () => {
    const noTaps = run({ frames: smooth });
    assert.equal(noTaps.outcome, 'inconclusive');
    assert.match(noTaps.reason ?? '', /点击响应（未测量）.*未能测得/);
    const untimed = run({ taps: taps({ steps: path('查询'), screenId: 's0', label: '点击「查询」', reason: '控件被其他元素遮挡。' }), frames: smooth });
    assert.match(untimed.reason ?? '', /1 次点击均未能计时：控件被其他元素遮挡。/);
    const nothingToTap = run({ taps: taps(), frames: smooth });
    assert.match(nothingToTap.reason ?? '', /探索中没有可回放的点击/);
    const noFrames = run({ taps: taps(timed('扫码办事', 40)), frames: { measurable: false, reason: '浏览器未按稳定帧率调度绘制' } });
    assert.equal(noFrames.outcome, 'inconclusive');
    assert.match(noFrames.reason ?? '', /滚动帧率（浏览器未按稳定帧率调度绘制）/);
  });

  void it('still fails on a broken budget when another part is unmeasured', () => {
    assert.equal(run({ taps: taps(timed('重新授权', 808)) }).outcome, 'fail');
  });

  void it('ignores taps and frames when the profile budgets neither', () => {
    assert.equal(evaluateCheck('performance', evidence({ probes: probes({ performance: [measured({ taps: taps(timed('重新授权', 808)) })] }) })).outcome, 'pass');
  });
});
