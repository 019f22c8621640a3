/** Element commands over the node snapshot: taps at the bounds' centre with `uitest uiInput`. */
import { errors } from 'appium/driver.js';
import type { HarmonyOsDriver } from '../driver.js';
import { centerOf, type Rect } from '../layout/dump-layout.js';
import { API_LEVEL, hasApi } from '../api-levels.js';
import { elementOf } from './find.js';

/** The element's rectangle; an element without bounds cannot be acted on. */
function rectOf(driver: HarmonyOsDriver, id: string): Rect {
  const rect = elementOf(driver, id).rect;
  if (!rect) throw new errors.ElementNotInteractableError(`Element '${id}' has no bounds`);
  return rect;
}

/** Quotes one argument for the device shell. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export async function click(this: HarmonyOsDriver, elementId: string): Promise<void> {
  const { x, y } = centerOf(rectOf(this, elementId));
  await this.state.hdc.shell(`uitest uiInput click ${x} ${y}`);
}

export function getText(this: HarmonyOsDriver, elementId: string): Promise<string> {
  return Promise.resolve(elementOf(this, elementId).attributes.text ?? '');
}

export function getAttribute(this: HarmonyOsDriver, name: string, elementId: string): Promise<string | null> {
  return Promise.resolve(elementOf(this, elementId).attributes[name] ?? null);
}

export function getName(this: HarmonyOsDriver, elementId: string): Promise<string> {
  return Promise.resolve(elementOf(this, elementId).tag);
}

export function getElementRect(this: HarmonyOsDriver, elementId: string): Promise<Rect> {
  return Promise.resolve(rectOf(this, elementId));
}

export function elementDisplayed(this: HarmonyOsDriver, elementId: string): Promise<boolean> {
  const { attributes, rect } = elementOf(this, elementId);
  return Promise.resolve(attributes.visible !== 'false' && !!rect && rect.width > 0 && rect.height > 0);
}

export function elementEnabled(this: HarmonyOsDriver, elementId: string): Promise<boolean> {
  return Promise.resolve(elementOf(this, elementId).attributes.enabled !== 'false');
}

export function elementSelected(this: HarmonyOsDriver, elementId: string): Promise<boolean> {
  const a = elementOf(this, elementId).attributes;
  return Promise.resolve(a.selected === 'true' || a.checked === 'true');
}

/** setValue: `uitest uiInput inputText x y <text>` at the field's centre (it focuses the field first). */
export async function setValue(this: HarmonyOsDriver, value: string | string[], elementId: string): Promise<void> {
  const text = Array.isArray(value) ? value.join('') : String(value);
  const { x, y } = centerOf(rectOf(this, elementId));
  await this.state.hdc.shell(`uitest uiInput inputText ${x} ${y} ${shellQuote(text)}`);
}

/** clear: focus the field, select all (Ctrl+A: 2072 2017) and delete (2055). */
export async function clear(this: HarmonyOsDriver, elementId: string): Promise<void> {
  const { x, y } = centerOf(rectOf(this, elementId));
  await this.state.hdc.shell(`uitest uiInput click ${x} ${y}`);
  await this.state.hdc.shell('uitest uiInput keyEvent 2072 2017');
  await this.state.hdc.shell('uitest uiInput keyEvent 2055');
  if (!hasApi(this.state.apiLevel, API_LEVEL.inputTextFocused)) this.log.debug('clear relies on key events; verify on devices below API 18');
}
