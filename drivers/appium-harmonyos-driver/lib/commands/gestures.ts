/**
 * Gestures with `uitest uiInput` (single pointer on the command line): W3C pointer actions become a
 * click, a long click or a swipe; `mobile:` swipe/scroll/longClick/pressKey; back is the Back key.
 */
import { errors } from 'appium/driver.js';
import type { HarmonyOsDriver } from '../driver.js';
import { centerOf } from '../layout/dump-layout.js';
import { elementOf } from './find.js';
import { getWindowRect } from './screenshot.js';

const W3C_ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** uitest swipe velocity bounds, px/s. */
const MIN_SPEED = 200;
const MAX_SPEED = 40_000;

export async function back(this: HarmonyOsDriver): Promise<void> {
  await this.state.hdc.shell('uitest uiInput keyEvent Back');
}

/** `mobile: pressKey`: Back, Home, Power or a numeric key code (up to three, space-separated, as a combination). */
export async function mobilePressKey(this: HarmonyOsDriver, key: string | number): Promise<void> {
  const text = String(key).trim();
  if (!/^(Back|Home|Power|\d+(\s+\d+){0,2})$/.test(text)) throw new errors.InvalidArgumentError(`Unknown key '${text}': use Back, Home, Power or key codes`);
  await this.state.hdc.shell(`uitest uiInput keyEvent ${text}`);
}

export async function swipe(driver: HarmonyOsDriver, from: { x: number; y: number }, to: { x: number; y: number }, speed = 2000): Promise<void> {
  const v = Math.round(Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)));
  await driver.state.hdc.shell(`uitest uiInput swipe ${Math.round(from.x)} ${Math.round(from.y)} ${Math.round(to.x)} ${Math.round(to.y)} ${v}`);
}

/** `mobile: swipe` {startX, startY, endX, endY, speed px/s}. */
export async function mobileSwipe(this: HarmonyOsDriver, startX: number, startY: number, endX: number, endY: number, speed?: number): Promise<void> {
  await swipe(this, { x: startX, y: startY }, { x: endX, y: endY }, speed);
}

/** `mobile: scroll` {direction: up|down|left|right, elementId?, percent?}: a swipe inside the element or the window. */
export async function mobileScroll(this: HarmonyOsDriver, direction: string, elementId?: string, percent = 0.6): Promise<void> {
  const area = elementId ? elementOf(this, elementId).rect : await getWindowRect.call(this);
  if (!area) throw new errors.InvalidArgumentError('Nothing to scroll in');
  const c = centerOf(area);
  const dx = (area.width * percent) / 2;
  const dy = (area.height * percent) / 2;
  // Scrolling down moves the content up: the finger goes from bottom to top.
  const moves: Record<string, [number, number, number, number]> = {
    down: [c.x, c.y + dy, c.x, c.y - dy], up: [c.x, c.y - dy, c.x, c.y + dy],
    right: [c.x + dx, c.y, c.x - dx, c.y], left: [c.x - dx, c.y, c.x + dx, c.y],
  };
  const m = moves[direction];
  if (!m) throw new errors.InvalidArgumentError(`direction must be up, down, left or right, not '${direction}'`);
  await swipe(this, { x: m[0], y: m[1] }, { x: m[2], y: m[3] }, 1500);
}

/** `mobile: click` on an element or at x, y. */
export async function mobileClick(this: HarmonyOsDriver, elementId?: string, x?: number, y?: number): Promise<void> {
  const point = elementId ? centerOf(elementOf(this, elementId).rect ?? { x: 0, y: 0, width: 0, height: 0 }) : x !== undefined && y !== undefined ? { x, y } : undefined;
  if (!point) throw new errors.InvalidArgumentError('mobile: click needs elementId or x and y');
  await this.state.hdc.shell(`uitest uiInput click ${Math.round(point.x)} ${Math.round(point.y)}`);
}

/** `mobile: longClick` on an element or at x, y (a real ArkUI long press, unlike a stationary swipe). */
export async function mobileLongClick(this: HarmonyOsDriver, elementId?: string, x?: number, y?: number): Promise<void> {
  const point = elementId ? centerOf(elementOf(this, elementId).rect ?? { x: 0, y: 0, width: 0, height: 0 }) : x !== undefined && y !== undefined ? { x, y } : undefined;
  if (!point) throw new errors.InvalidArgumentError('mobile: longClick needs elementId or x and y');
  await this.state.hdc.shell(`uitest uiInput longClick ${Math.round(point.x)} ${Math.round(point.y)}`);
}

interface PointerAction { type: string; x?: number; y?: number; duration?: number; origin?: unknown }
interface ActionSequence { type: string; actions: PointerAction[] }

/** W3C performActions for one touch pointer: down…up without travel is a click (long when held ≥ 500 ms), with travel a swipe. */
export async function performActions(this: HarmonyOsDriver, sequences: ActionSequence[]): Promise<void> {
  for (const seq of sequences.filter((s) => s.type === 'pointer')) {
    let pos = { x: 0, y: 0 };
    let down: { x: number; y: number } | undefined;
    let held = 0;
    for (const a of seq.actions) {
      if (a.type === 'pointerMove') {
        pos = resolveOrigin(this, a, pos);
        if (down) held += a.duration ?? 0;
      } else if (a.type === 'pause') {
        if (down) held += a.duration ?? 0;
      } else if (a.type === 'pointerDown') {
        down = { ...pos };
        held = 0;
      } else if (a.type === 'pointerUp' && down) {
        const distance = Math.hypot(pos.x - down.x, pos.y - down.y);
        if (distance < 10) {
          const verb = held >= 500 ? 'longClick' : 'click';
          await this.state.hdc.shell(`uitest uiInput ${verb} ${Math.round(down.x)} ${Math.round(down.y)}`);
        } else {
          await swipe(this, down, pos, held > 0 ? (distance * 1000) / held : 2000);
        }
        down = undefined;
      }
    }
  }
}

function resolveOrigin(driver: HarmonyOsDriver, a: PointerAction, pos: { x: number; y: number }): { x: number; y: number } {
  const x = a.x ?? 0;
  const y = a.y ?? 0;
  if (a.origin === 'pointer') return { x: pos.x + x, y: pos.y + y };
  if (a.origin && typeof a.origin === 'object') {
    const id = (a.origin as Record<string, string>)[W3C_ELEMENT_KEY] ?? (a.origin as Record<string, string>).ELEMENT;
    const rect = id ? elementOf(driver, id).rect : undefined;
    if (rect) {
      const c = centerOf(rect);
      return { x: c.x + x, y: c.y + y };
    }
  }
  return { x, y };
}

/** Nothing stays pressed between calls on the command-line path. */
export async function releaseActions(this: HarmonyOsDriver): Promise<void> {}
