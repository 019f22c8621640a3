/**
 * System and app alerts as FBAlert sees them: the first XCUIElementTypeAlert on screen; its text is
 * its static texts joined by newlines; accept taps its last button, dismiss its first, `name`
 * taps the button with that label.
 */
import { noSuchAlert, WdaError } from './wda-errors.js';
import type { RouteRequest, WdaRoute } from './wda-route.js';
import { allElements, type XcuiElement } from './xcui-tree.js';

function alertOf(req: RouteRequest): XcuiElement {
  const alert = allElements(req.ctx.tree()).find((e) => e.type === 'XCUIElementTypeAlert' && e.visible);
  if (!alert) throw noSuchAlert();
  return alert;
}

const buttonsOf = (alert: XcuiElement): XcuiElement[] => allElements(alert).filter((e) => e.type === 'XCUIElementTypeButton');

function textOf(alert: XcuiElement): string {
  const texts: string[] = [];
  const walk = (e: XcuiElement, inButton: boolean): void => {
    if ((e.type === 'XCUIElementTypeStaticText' && !inButton) || e.type === 'XCUIElementTypeTextView') {
      const t = e.label ?? e.value;
      if (t) texts.push(t);
    }
    for (const c of e.children) walk(c, inButton || e.type === 'XCUIElementTypeButton');
  };
  walk(alert, false);
  return texts.join('\n');
}

function press(req: RouteRequest, which: 'accept' | 'dismiss'): null {
  const alert = alertOf(req);
  const buttons = buttonsOf(alert);
  const name = typeof req.body.name === 'string' ? req.body.name : undefined;
  const button = name !== undefined ? buttons.find((b) => b.label === name || b.name === name) : which === 'accept' ? buttons[buttons.length - 1] : buttons[0];
  if (!button) throw new WdaError('invalid element state', name !== undefined ? `Failed to find button with label '${name}' for alert: ${alert.label ?? ''}` : `Failed to find ${which} button for alert: ${alert.label ?? ''}`, 400);
  req.ctx.device.tap(Math.round(button.rect.x + button.rect.width / 2), Math.round(button.rect.y + button.rect.height / 2));
  return null;
}

export const ALERT_ROUTES: WdaRoute[] = [
  { method: 'GET', path: '/alert/text', withoutSession: true, handle: (req) => textOf(alertOf(req)) },
  { method: 'POST', path: '/alert/accept', withoutSession: true, handle: (req) => press(req, 'accept') },
  { method: 'POST', path: '/alert/dismiss', withoutSession: true, handle: (req) => press(req, 'dismiss') },
  { method: 'GET', path: '/wda/alert/buttons', handle: (req) => buttonsOf(alertOf(req)).map((b) => b.label ?? b.name ?? '') },
];
