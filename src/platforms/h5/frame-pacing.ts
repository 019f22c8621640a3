/**
 * Frame pacing during a scroll: a requestAnimationFrame loop in the page records frame times while
 * a trusted scroll gesture (CDP Input.synthesizeScrollGesture, mouse source: the touch source did
 * not scroll in headless Chromium 156) runs. rAF times are when the main thread produced a frame,
 * not when the GPU presented it (there is no GPU here): a frame late on the main thread (a heavy
 * scroll handler, a long task) shows; raster or compositor jank does not.
 */
import type { FramePacing } from '../../evidence/probe-types.js';
import type { PageTools } from './page-tools.js';

/** A frame interval above this multiple of the expected one is janky (a frame was missed). */
export const JANK_FACTOR = 1.5;
const MIN_INTERVALS = 10;
/** Above this the browser is not pacing frames at all (hidden or throttled), whatever the app does. */
const MAX_EXPECTED_MS = 50;

const START_SCRIPT = `
  var rec = window.__govappFrames = { times: [], on: true };
  requestAnimationFrame(function frame(t) { rec.times.push(t); if (rec.on) requestAnimationFrame(frame); });
  return JSON.stringify({ y: scrollY, width: innerWidth, height: innerHeight });`;
const STOP_SCRIPT = `
  var rec = window.__govappFrames; if (!rec) return null;
  rec.on = false;
  return JSON.stringify({ times: rec.times, y: scrollY });`;

/** Scrolls the current page with a trusted gesture and reads the frame intervals meanwhile. */
export async function measureScrollFrames(web: PageTools): Promise<FramePacing> {
  try {
    const start = JSON.parse(await web.execute<string>(START_SCRIPT)) as { y: number; width: number; height: number };
    await web.cdp.send('Input.synthesizeScrollGesture', { x: Math.round(start.width / 2), y: Math.round(start.height * 0.7), yDistance: -Math.round(start.height * 1.5), speed: 1500, gestureSourceType: 'mouse' });
    const stopped = await web.execute<string | null>(STOP_SCRIPT);
    if (!stopped) return { measurable: false, reason: '滚动期间页面已离开，帧记录丢失。' };
    const end = JSON.parse(stopped) as { times: number[]; y: number };
    const times = end.times;
    return framePacing(times.slice(1).map((t, i) => t - (times[i] ?? t)), end.y !== start.y);
  } catch (error) {
    return { measurable: false, reason: `无法在页面上执行滚动手势或读取帧时间（${error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)}）。` };
  }
}

/** Frame figures from rAF intervals (ms); not measurable when too few frames or the browser is not pacing them. */
export function framePacing(intervals: readonly number[], scrolled: boolean): FramePacing {
  if (intervals.length < MIN_INTERVALS) return { measurable: false, reason: `滚动期间只记录到 ${intervals.length + 1} 帧，不足以判断帧率。` };
  const sorted = [...intervals].sort((a, b) => a - b);
  const expected = sorted[Math.floor(sorted.length * 0.1)] ?? 0;
  if (expected > MAX_EXPECTED_MS) return { measurable: false, reason: `浏览器未按稳定帧率调度绘制（最短的帧间隔约 ${Math.round(expected)} ms），帧率在此环境下没有意义。` };
  const round1 = (v: number) => Math.round(v * 10) / 10;
  return {
    measurable: true,
    during: 'scroll-gesture',
    scrolled,
    frames: intervals.length + 1,
    expectedIntervalMs: round1(expected),
    janky: intervals.filter((v) => v > expected * JANK_FACTOR).length,
    worstMs: round1(sorted.at(-1) ?? 0),
  };
}
