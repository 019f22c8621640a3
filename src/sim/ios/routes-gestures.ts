/**
 * Touch input: W3C pointer actions (what WebdriverIO's tap/swipe send), WDA's coordinate tap and
 * drag (`mobile: tap`, `mobile: dragFromToForDuration`) and direction swipes/scrolls
 * (`mobile: swipe`, `mobile: scroll`). A drag that ends within 10 points of where it started is a tap.
 */
import { W3C_ELEMENT_KEY } from './wda-context.js';
import { invalidArgument } from './wda-errors.js';
import type { RouteRequest, WdaRoute } from './wda-route.js';
import type { XcuiElement } from './xcui-tree.js';

type Point = { x: number; y: number };
const TAP_SLOP = 10;

const centerOf = (e: XcuiElement): Point => ({ x: e.rect.x + e.rect.width / 2, y: e.rect.y + e.rect.height / 2 });

function gesture(req: RouteRequest, from: Point, to: Point): null {
  const round = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) });
  if (Math.hypot(to.x - from.x, to.y - from.y) < TAP_SLOP) req.ctx.device.tap(round(from).x, round(from).y);
  else req.ctx.device.drag(round(from), round(to));
  return null;
}

interface PointerAction { type: string; x?: number; y?: number; origin?: unknown }

function performActions(req: RouteRequest): null {
  const sources = req.body.actions;
  if (!Array.isArray(sources)) throw invalidArgument("'actions' must be an array");
  for (const source of sources as { type?: string; actions?: PointerAction[] }[]) {
    if (source.type !== 'pointer') continue;
    let at: Point = { x: 0, y: 0 };
    let down: Point | undefined;
    for (const a of source.actions ?? []) {
      if (a.type === 'pointerMove') at = moveTarget(req, a, at);
      else if (a.type === 'pointerDown') down = at;
      else if (a.type === 'pointerUp' && down) {
        gesture(req, down, at);
        down = undefined;
      }
    }
  }
  return null;
}

function moveTarget(req: RouteRequest, a: PointerAction, at: Point): Point {
  const dx = a.x ?? 0, dy = a.y ?? 0;
  if (a.origin === 'pointer') return { x: at.x + dx, y: at.y + dy };
  if (a.origin && typeof a.origin === 'object') {
    const ref = a.origin as Record<string, string>;
    const c = centerOf(req.ctx.resolve(ref[W3C_ELEMENT_KEY] ?? ref.ELEMENT ?? ''));
    return { x: c.x + dx, y: c.y + dy };
  }
  return { x: dx, y: dy };
}

function num(body: Record<string, unknown>, key: string): number {
  const v = Number(body[key]);
  if (!Number.isFinite(v)) throw invalidArgument(`'${key}' must be a number`);
  return v;
}

/** The rectangle a direction gesture works in: the element's, or the screen's. */
function area(req: RouteRequest): XcuiElement['rect'] {
  return req.params.uuid ? req.ctx.resolve(req.params.uuid).rect : { x: 0, y: 0, ...req.ctx.device.info.screen };
}

/** `mobile: swipe {direction}`: the finger moves that way across the middle of the area. */
function swipe(req: RouteRequest, scroll: boolean): null {
  const r = area(req);
  let direction = typeof req.body.direction === 'string' ? req.body.direction : '';
  // `mobile: scroll {direction: 'down'}` shows content further down: the finger moves up.
  if (scroll) direction = ({ down: 'up', up: 'down', left: 'right', right: 'left' } as Record<string, string>)[direction] ?? '';
  const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
  const h = r.height * 0.35, w = r.width * 0.35;
  const moves: Record<string, [Point, Point]> = {
    up: [{ x: cx, y: cy + h }, { x: cx, y: cy - h }], down: [{ x: cx, y: cy - h }, { x: cx, y: cy + h }],
    left: [{ x: cx + w, y: cy }, { x: cx - w, y: cy }], right: [{ x: cx - w, y: cy }, { x: cx + w, y: cy }],
  };
  const move = moves[direction];
  if (!move) throw invalidArgument(`Unsupported swipe direction '${direction}'. Only the following directions are supported: up, down, left, right`);
  return gesture(req, move[0], move[1]);
}

function tapAt(req: RouteRequest): null {
  const x = num(req.body, 'x'), y = num(req.body, 'y');
  const origin = req.params.uuid ? req.ctx.resolve(req.params.uuid).rect : { x: 0, y: 0 };
  req.ctx.device.tap(Math.round(origin.x + x), Math.round(origin.y + y));
  return null;
}

export const GESTURE_ROUTES: WdaRoute[] = [
  { method: 'POST', path: '/actions', handle: performActions },
  { method: 'DELETE', path: '/actions', handle: () => null },
  { method: 'POST', path: '/wda/tap', handle: tapAt },
  { method: 'POST', path: '/wda/element/:uuid/tap', handle: tapAt },
  { method: 'POST', path: '/wda/doubleTap', handle: tapAt },
  { method: 'POST', path: '/wda/touchAndHold', handle: tapAt },
  {
    method: 'POST', path: '/wda/dragfromtoforduration', handle: (req) =>
      gesture(req, { x: num(req.body, 'fromX'), y: num(req.body, 'fromY') }, { x: num(req.body, 'toX'), y: num(req.body, 'toY') }),
  },
  { method: 'POST', path: '/wda/swipe', handle: (req) => swipe(req, false) },
  { method: 'POST', path: '/wda/element/:uuid/swipe', handle: (req) => swipe(req, false) },
  { method: 'POST', path: '/wda/scroll', handle: (req) => swipe(req, true) },
  { method: 'POST', path: '/wda/element/:uuid/scroll', handle: (req) => swipe(req, true) },
];
