/**
 * Timing one tap in the page. The explorer's taps are synthetic in-page events (isTrusted=false),
 * which the Event Timing API does not report; the probe taps with CDP Input.dispatchTouchEvent
 * instead: trusted input, a tap gesture that Chromium turns into pointer, compatibility mouse and
 * click events, as a finger does. Two measures are read: the Event Timing API's interaction
 * duration (input → the frame presented after the handlers, 8 ms grain, only entries ≥ 16 ms
 * are reported: what INP uses) and, in the page, the click's input time → the first
 * requestAnimationFrame after the app's handler (a lower bound: the frame starts, paint follows).
 */
import { LOCATE } from './page-scripts.js';
import type { TapResponseRecord } from '../../evidence/probe-types.js';
import type { PageTools } from './page-tools.js';

/** What the page recorded around one tap. */
export interface TapPageRecord {
  /** Trusted clicks seen: input time (event.timeStamp) and the first rAF after the handlers (performance.now()). */
  clicks: { at: number; frameAt?: number }[];
  /** Event Timing entries since the observer was installed. */
  entries: { name: string; startTime: number; duration: number; processingStart: number; processingEnd: number; interactionId: number }[];
}

/** Finds the element, brings it on screen, checks nothing covers it and installs the recorders; its centre or an error. */
export const SETUP_TAP_SCRIPT = `
  ${LOCATE}
  var el = govappFind(arguments[0]);
  if (!el) return JSON.stringify({ error: '页面上找不到该控件' });
  var r = el.getBoundingClientRect();
  if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) { el.scrollIntoView({ block: 'center' }); r = el.getBoundingClientRect(); }
  var x = r.left + r.width / 2, y = r.top + r.height / 2, hit = govappDeepHit(x, y);
  if (!hit || !govappContains(el, hit)) return JSON.stringify({ error: '控件被其他元素遮挡' });
  var rec = window.__govappTap = { clicks: [], entries: [] };
  if (!window.__govappTapListener) {
    window.__govappTapListener = true;
    // Capture phase on window: runs before the app's own handlers; the rAF asked here runs in the first frame after them.
    addEventListener('click', function (e) {
      if (!e.isTrusted || !window.__govappTap) return;
      var click = { at: e.timeStamp };
      window.__govappTap.clicks.push(click);
      requestAnimationFrame(function () { click.frameAt = performance.now(); });
    }, true);
  }
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        rec.entries.push({ name: e.name, startTime: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd, interactionId: e.interactionId || 0 });
      });
    }).observe({ type: 'event', durationThreshold: 16 });
  } catch (e) { /* no Event Timing API: the in-page measure remains */ }
  return JSON.stringify({ x: x, y: y, text: (el.innerText || el.value || el.getAttribute('aria-label') || '').replace(/\\s+/g, ' ').trim() });`;

const READ_TAP_SCRIPT = `return window.__govappTap ? JSON.stringify(window.__govappTap) : null;`;

/** Taps at a point with trusted touch input and returns what the page recorded, or why nothing could be read. */
export async function touchAndRead(web: PageTools, x: number, y: number, sleep: (ms: number) => Promise<void>): Promise<TapPageRecord | string> {
  await web.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await web.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  let record: TapPageRecord | undefined;
  // Event Timing entries arrive after the frame is presented; wait for them a little beyond the frame.
  for (let waited = 0; waited < 3000; waited += 100) {
    const raw = await web.execute<string | null>(READ_TAP_SCRIPT);
    if (raw === null) return '点击后页面已跳转（整页加载），无法在原页面计时。';
    record = JSON.parse(raw) as TapPageRecord;
    const frame = record.clicks[0]?.frameAt;
    if (frame !== undefined && (record.entries.some((e) => e.interactionId > 0) || waited >= 500)) break;
    await sleep(100);
  }
  return record ?? '未能读取页面记录。';
}

type Timing = Pick<TapResponseRecord, 'ms' | 'method' | 'eventTimingMs' | 'nextFrameMs' | 'handlerMs' | 'reason'>;

/** The tap's response time from the page record: Event Timing first, the in-page frame measure otherwise. */
export function timeTap(record: TapPageRecord): Timing {
  const click = record.clicks[0];
  if (!click) return { reason: '点击未在页面上触发 click 事件。' };
  const timing: Timing = {};
  if (click.frameAt !== undefined) timing.nextFrameMs = Math.round(click.frameAt - click.at);
  const interaction = record.entries.find((e) => e.interactionId > 0 && e.name === 'click')?.interactionId ??
    record.entries.find((e) => e.interactionId > 0)?.interactionId;
  const entries = record.entries.filter((e) => e.interactionId === interaction);
  if (interaction !== undefined && entries.length > 0) {
    timing.eventTimingMs = Math.round(Math.max(...entries.map((e) => e.duration)));
    const clickEntry = entries.find((e) => e.name === 'click');
    if (clickEntry) timing.handlerMs = Math.round(clickEntry.processingEnd - clickEntry.processingStart);
  }
  if (timing.eventTimingMs !== undefined) return { ...timing, ms: timing.eventTimingMs, method: 'event-timing' };
  if (timing.nextFrameMs !== undefined) return { ...timing, ms: timing.nextFrameMs, method: 'raf' };
  return { reason: '点击后未等到下一帧绘制。' };
}
