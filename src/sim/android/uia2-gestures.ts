/**
 * Gestures of the simulated UiAutomator2 server: `appium/gestures/*` (click, long/double click, swipe, scroll,
 * fling, drag) and W3C `actions` (a pointer down and up in place is a tap, a move between them is a swipe that
 * scrolls the scrollable node under its start). Scrolling moves the content by the swipe's distance.
 */
import type { ViewNode } from '../engine/view-tree.js';
import { flatten } from '../engine/view-tree.js';
import { invalidArgument, str, type Route, type RouteContext } from './uia2-http.js';
import { W3C_ELEMENT_KEY } from './uia2-elements.js';
import type { Uia2State } from './uia2-server.js';

type Maker = (method: Route['method'], pattern: string, handler: (ctx: RouteContext) => unknown) => Route;

interface Area {
  left: number;
  top: number;
  width: number;
  height: number;
}

function elementId(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return typeof value === 'string' ? value : undefined;
  const o = value as Record<string, unknown>;
  return (o[W3C_ELEMENT_KEY] ?? o['ELEMENT']) as string | undefined;
}

function areaOf(state: Uia2State, body: Record<string, unknown>): Area {
  const id = elementId(body['origin']) ?? elementId(body['elementId']);
  if (id) {
    const [l, t, r, b] = state.element(id).bounds;
    return { left: l, top: t, width: r - l, height: b - t };
  }
  // The driver sends the area nested (`{origin, area: {left, top, width, height}, ...}`); a flat body is accepted too.
  const a = ((body['area'] && typeof body['area'] === 'object' ? body['area'] : body) as Partial<Area>);
  if (typeof a.left === 'number' && typeof a.width === 'number') return { left: a.left, top: a.top ?? 0, width: a.width, height: a.height ?? 0 };
  throw invalidArgument('Either an element or an area (left, top, width, height) is required');
}

function pointOf(state: Uia2State, body: Record<string, unknown>): { x: number; y: number } {
  const id = elementId(body['origin']);
  const offset = (body['offset'] as { x?: number; y?: number } | undefined) ?? {};
  if (id) {
    const node = state.element(id);
    const base = offset.x === undefined ? state.center(node) : { x: node.bounds[0], y: node.bounds[1] };
    return { x: base.x + (offset.x ?? 0), y: base.y + (offset.y ?? 0) };
  }
  if (typeof offset.x !== 'number' || typeof offset.y !== 'number') throw invalidArgument('Either an element or offset coordinates are required');
  return { x: offset.x, y: offset.y };
}

/** The scrollable node whose bounds contain a point (the innermost one). */
function scrollableAt(root: ViewNode, x: number, y: number): ViewNode | undefined {
  let found: ViewNode | undefined;
  for (const n of flatten(root)) {
    const [l, t, r, b] = n.bounds;
    if (n.node.scrollable && x >= l && x < r && y >= t && y < b) found = n;
  }
  return found;
}

/** Scrolls the content under `area` by a direction; returns whether it moved. */
function scroll(state: Uia2State, area: Area, direction: string, percent: number): boolean {
  const session = state.sim.device.topSession();
  const target = scrollableAt(state.view(), area.left + area.width / 2, area.top + area.height / 2);
  if (!session || !target) return false;
  const distance = Math.round(area.height * percent);
  const dy = direction === 'down' ? distance : direction === 'up' ? -distance : 0;
  return session.scrollBy(target.key, dy) !== 0;
}

function swipeAsScroll(direction: string): string {
  return direction === 'up' ? 'down' : direction === 'down' ? 'up' : direction;
}

interface PointerAction {
  type: string;
  x?: number;
  y?: number;
  origin?: unknown;
  duration?: number;
}

function performActions(state: Uia2State, body: Record<string, unknown>): null {
  const sources = (body['actions'] as { type: string; actions: PointerAction[] }[] | undefined) ?? [];
  for (const source of sources.filter((s) => s.type === 'pointer')) {
    let x = 0;
    let y = 0;
    let down: { x: number; y: number } | undefined;
    for (const a of source.actions) {
      if (a.type === 'pointerMove') {
        const id = elementId(a.origin);
        if (id) {
          const c = state.center(state.element(id));
          x = c.x + (a.x ?? 0);
          y = c.y + (a.y ?? 0);
        } else if (a.origin === 'pointer') {
          x += a.x ?? 0;
          y += a.y ?? 0;
        } else {
          x = a.x ?? 0;
          y = a.y ?? 0;
        }
      } else if (a.type === 'pointerDown') {
        down = { x, y };
      } else if (a.type === 'pointerUp' && down) {
        const dy = down.y - y;
        if (Math.abs(dy) < 20 && Math.abs(down.x - x) < 20) state.sim.device.tap(down.x, down.y);
        else {
          const session = state.sim.device.topSession();
          const target = scrollableAt(state.view(), down.x, down.y);
          if (session && target) session.scrollBy(target.key, dy);
        }
        down = undefined;
      }
    }
  }
  return null;
}

/** The gesture routes under the session prefix `s`. */
export function gestureRoutes(state: Uia2State, s: string, r: Maker): Route[] {
  const tapAt = (ctx: RouteContext): null => {
    const { x, y } = pointOf(state, ctx.body);
    state.sim.device.tap(x, y);
    return null;
  };
  return [
    r('POST', `${s}/appium/gestures/click`, tapAt),
    r('POST', `${s}/appium/gestures/long_click`, tapAt),
    r('POST', `${s}/appium/gestures/double_click`, tapAt),
    r('POST', `${s}/appium/gestures/scroll`, (ctx) => scroll(state, areaOf(state, ctx.body), str(ctx.body['direction']) || 'down', Number(ctx.body['percent'] ?? 1))),
    r('POST', `${s}/appium/gestures/fling`, (ctx) => scroll(state, areaOf(state, ctx.body), swipeAsScroll(str(ctx.body['direction']) || 'up'), 1)),
    r('POST', `${s}/appium/gestures/swipe`, (ctx) => {
      scroll(state, areaOf(state, ctx.body), swipeAsScroll(str(ctx.body['direction']) || 'up'), Number(ctx.body['percent'] ?? 1));
      return null;
    }),
    r('POST', `${s}/appium/gestures/drag`, () => null),
    r('POST', `${s}/appium/gestures/pinch_open`, () => null),
    r('POST', `${s}/appium/gestures/pinch_close`, () => null),
    r('POST', `${s}/actions`, (ctx) => performActions(state, ctx.body)),
    r('DELETE', `${s}/actions`, () => null),
  ];
}
