/** Tap response and frame pacing: the pure parts (which taps, timing from the page record, summary figures, frames). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TransitionEvent } from '../../src/evidence/types.js';
import { framePacing } from '../../src/platforms/h5/frame-pacing.js';
import { sameControl, tapCandidates, tapFigures } from '../../src/probes/tap-response.js';
import { timeTap, type TapPageRecord } from '../../src/platforms/h5/tap-timing.js';
import { launchScreen } from './probe-fixtures.js';

const tap = (text: string, locator = `#${text}`) => ({ action: 'tap' as const, label: `点击「${text}」`, locator, text });
const move = (from: string, to: string, step: TransitionEvent['step']): TransitionEvent => ({ type: 'transition', from, to, step, at: '2026-11-28T00:00:00.000Z' });

void describe('tapCandidates', () => {
  const home = launchScreen('s0');
  const deep = launchScreen('s1', { depth: 1, steps: [...home.steps, tap('办事')] });

  void it('takes each (screen, control) once, shallowest screen first, taps only, at most max', () => {
    const transitions = [
      move('s1', 's2', tap('提交')),
      move('s0', 's1', tap('办事')),
      move('s0', 's1', tap('办事')),
      move('s0', 's0', { action: 'back', label: '返回' }),
      move('s0', 's0', tap('查询')),
      move('s9', 's0', tap('无源')),
    ];
    const picked = tapCandidates({ screens: [home, deep], transitions }, 10);
    assert.deepEqual(picked.map((c) => `${c.screen.id}:${c.tap.label}`), ['s0:点击「办事」', 's0:点击「查询」', 's1:点击「提交」']);
    assert.equal(tapCandidates({ screens: [home, deep], transitions }, 2).length, 2);
  });
});

void describe('sameControl', () => {
  void it('matches the replayed control by its text, whatever the line breaks, and refuses another control', () => {
    const banner = { action: 'tap' as const, label: '点击「全员安装 · 人人使用应用推广月活动进行中」', text: '全员安装 · 人人使用应用推广月活动进行中' };
    assert.equal(sameControl(banner, '全员安装 · 人人使用\n应用推广月活动进行中'), true);
    assert.equal(sameControl(tap('重新授权'), '待办事项'), false);
    assert.equal(sameControl(tap('我的'), '我的 3'), true);
  });
});

const entry = (name: string, duration: number, interactionId: number, processing: [number, number] = [1000, 1001]) =>
  ({ name, startTime: 1000, duration, processingStart: processing[0], processingEnd: processing[1], interactionId });

void describe('timeTap', () => {
  void it('prefers the Event Timing duration of the click interaction, with the handler time', () => {
    const record: TapPageRecord = {
      clicks: [{ at: 1000, frameAt: 1805 }],
      entries: [entry('mousedown', 808, 0), entry('pointerup', 24, 7), entry('click', 808, 7, [1006, 1807]), entry('click', 40, 9)],
    };
    assert.deepEqual(timeTap(record), { nextFrameMs: 805, eventTimingMs: 808, handlerMs: 801, ms: 808, method: 'event-timing' });
  });

  void it('falls back to input → next frame when Event Timing reported nothing (a tap under 16 ms)', () => {
    assert.deepEqual(timeTap({ clicks: [{ at: 500.2, frameAt: 511.9 }], entries: [] }), { nextFrameMs: 12, ms: 12, method: 'raf' });
  });

  void it('gives a reason, never a figure, when no trusted click or no frame was seen', () => {
    assert.equal(timeTap({ clicks: [], entries: [] }).ms, undefined);
    assert.match(timeTap({ clicks: [], entries: [] }).reason ?? '', /未在页面上触发 click/);
    assert.match(timeTap({ clicks: [{ at: 5 }], entries: [] }).reason ?? '', /未等到下一帧/);
  });
});

void describe('tapFigures', () => {
  void it('summarises the timed taps only: worst, median and p75 by nearest rank', () => {
    const base = { steps: [], screenId: 's0', label: 't' };
    const figures = tapFigures([{ ...base, ms: 40 }, { ...base, ms: 16 }, { ...base, reason: '控件被其他元素遮挡。' }, { ...base, ms: 808 }, { ...base, ms: 24 }], 'cdp-touch');
    assert.deepEqual([figures.worstMs, figures.medianMs, figures.p75Ms, figures.taps.length], [808, 24, 40, 5]);
  });

  void it('has no summary figures when nothing was timed', () => {
    const figures = tapFigures([{ steps: [], screenId: 's0', label: 't', reason: '回放到该界面的路径失败。' }], 'cdp-touch');
    assert.equal(figures.worstMs, undefined);
  });
});

void describe('framePacing', () => {
  void it('counts janky frames (over 1.5 × the browser interval) and the worst frame', () => {
    const intervals = [...Array<number>(20).fill(16.7), 67, 33.4, 25];
    assert.deepEqual(framePacing(intervals, true), { measurable: true, during: 'scroll-gesture', scrolled: true, frames: 24, expectedIntervalMs: 16.7, janky: 2, worstMs: 67 });
  });

  void it('records frames as not measurable, never as zero, when there are too few or the browser is not pacing them', () => {
    const few = framePacing([16.7, 16.7], false);
    assert.equal(few.measurable, false);
    assert.match(few.measurable ? '' : few.reason, /只记录到 3 帧/);
    const unpaced = framePacing(Array<number>(20).fill(1000), false);
    assert.match(unpaced.measurable ? '' : unpaced.reason, /未按稳定帧率调度/);
  });
});
