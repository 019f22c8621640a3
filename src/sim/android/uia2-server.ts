/**
 * The on-device UiAutomator2 server (appium/appium-uiautomator2-server) as the simulated device serves it on
 * device port 6790 while its instrumentation runs: status and sessions, page source, element lookup and
 * element state, clicks, text entry, back, gestures and W3C actions, screenshots, device info. Routes and
 * JSON shapes follow the server's AppiumServlet; an unknown route answers 404 `unknown command` and is noted.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { renderScreenshot } from '../engine/screenshot.js';
import { keepIdleConnections } from '../engine/keep-idle-connections.js';
import type { ViewNode } from '../engine/view-tree.js';
import { ElementRegistry, elementJson, W3C_ELEMENT_KEY } from './uia2-elements.js';
import { invalidArgument, noSuchElement, noSuchSession, serve, staleElement, str, typedText, Uia2Error, type Route, type RouteContext } from './uia2-http.js';
import { findNodes, InvalidSelectorError } from './locator.js';
import { nodeAttributes, renderHierarchy } from './uia2-source.js';
import { gestureRoutes } from './uia2-gestures.js';
import type { SimAndroid } from './sim-android.js';

const STATUS_BAR_PX = 96;

/** State of the server: its session, element ids, settings. */
export class Uia2State {
  sessionId: string | null = null;
  capabilities: Record<string, unknown> = {};
  readonly elements = new ElementRegistry();
  readonly settings: Record<string, unknown> = { ignoreUnimportantViews: false, allowInvisibleElements: false, waitForIdleTimeout: 10000, actionAcknowledgmentTimeout: 3000 };

  constructor(readonly sim: SimAndroid) {}

  view(): ViewNode {
    return this.sim.device.view();
  }

  /** The node behind an element id; stale when it is no longer displayed. */
  element(id: string | undefined): ViewNode {
    if (!id) throw invalidArgument('No element id given');
    const node = this.elements.resolve(id, this.view());
    if (!node) throw this.elements.known(id) ? staleElement(id) : noSuchElement(`id ${id}`);
    return node;
  }

  center(node: ViewNode): { x: number; y: number } {
    const [l, t, r, b] = node.bounds;
    return { x: Math.round((l + r) / 2), y: Math.round((t + b) / 2) };
  }

  appPackage(): string | undefined {
    return (this.capabilities['appPackage'] as string | undefined) ?? this.sim.device.foreground();
  }
}

function elementIdOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return (o[W3C_ELEMENT_KEY] ?? o['ELEMENT']) as string | undefined;
  }
  return undefined;
}

function find(state: Uia2State, ctx: RouteContext, multiple: boolean): unknown {
  const strategy = str(ctx.body['strategy'] ?? ctx.body['using']);
  const selector = str(ctx.body['selector'] ?? ctx.body['value']);
  const contextId = ctx.params['id'] ?? elementIdOf(ctx.body['context']);
  const root = contextId ? state.element(contextId) : state.view();
  let nodes: ViewNode[];
  try {
    nodes = findNodes(root, strategy, selector, state.appPackage());
  } catch (error) {
    if (error instanceof InvalidSelectorError) throw new Uia2Error('invalid selector', error.message, 400);
    throw error;
  }
  if (contextId) nodes = nodes.filter((n) => n !== root);
  if (multiple) return nodes.map((n) => elementJson(state.elements.idOf(n)));
  const first = nodes[0];
  if (!first) throw noSuchElement(`${strategy} ${selector}`);
  return elementJson(state.elements.idOf(first));
}

function attribute(node: ViewNode, name: string): string | null {
  const attrs = new Map(nodeAttributes(node, 0));
  const alias: Record<string, string> = { 'resourceId': 'resource-id', 'contentDescription': 'content-desc', 'className': 'class', 'longClickable': 'long-clickable', 'name': 'content-desc' };
  const key = alias[name] ?? name;
  if (key === 'content-desc') return node.node.desc ?? null;
  if (key === 'resource-id') return node.node.id ?? null;
  return attrs.get(key) ?? null;
}

function rect(node: ViewNode): { x: number; y: number; width: number; height: number } {
  const [l, t, r, b] = node.bounds;
  return { x: l, y: t, width: r - l, height: b - t };
}

function typeInto(state: Uia2State, node: ViewNode, text: string, replace: boolean): void {
  const session = state.sim.device.topSession();
  if (!session || !node.node.editable) throw new Uia2Error('invalid element state', `Cannot set the element to '${text}'. Did you interact with the correct element?`, 400);
  session.setText(node.key, replace ? text : (session.textOf(node.key) ?? '') + text);
}

function deviceInfo(state: Uia2State): Record<string, unknown> {
  const { sim } = state;
  return {
    androidId: 'a1b2c3d4e5f60718', apiVersion: sim.props.get('ro.build.version.sdk'), platformVersion: sim.props.get('ro.build.version.release'),
    manufacturer: sim.props.get('ro.product.manufacturer'), model: sim.props.get('ro.product.model'), brand: sim.props.get('ro.product.brand'),
    locale: 'zh_CN', timeZone: 'Asia/Shanghai', displayDensity: sim.device.screen.density,
    realDisplaySize: `${sim.device.screen.width}x${sim.device.screen.height}`, carrierName: 'CHINA MOBILE',
    networks: [{ type: 1, typeName: 'WIFI', subtype: 0, subtypeName: '', isConnected: true, detailedState: 'CONNECTED', state: 'CONNECTED', extraInfo: '"SimWifi"', isAvailable: true, isRoaming: false, isFailover: false, capabilities: {} }],
    bluetooth: { state: 'OFF' },
  };
}

function routes(state: Uia2State): Route[] {
  const sim = state.sim;
  const s = '/session/:sessionId';
  const requireSession = (ctx: RouteContext): void => {
    if (ctx.params['sessionId'] !== state.sessionId) throw noSuchSession();
  };
  const r = (method: Route['method'], pattern: string, handler: (ctx: RouteContext) => unknown): Route => ({
    method, pattern, handler: pattern.startsWith(s) ? (ctx) => (requireSession(ctx), handler(ctx)) : handler,
  });
  return [
    r('GET', '/status', () => ({ ready: true, message: 'UiAutomator2 Server is ready to accept commands' })),
    r('GET', '/sessions', () => (state.sessionId ? [{ id: state.sessionId, capabilities: state.capabilities }] : [])),
    r('POST', '/session', (ctx) => {
      const caps = (ctx.body['capabilities'] as Record<string, unknown> | undefined) ?? {};
      state.sessionId = randomUUID();
      state.capabilities = { ...((caps['alwaysMatch'] as object | undefined) ?? {}), ...((caps['firstMatch'] as object[] | undefined)?.[0] ?? {}) };
      return { capabilities: state.capabilities, sessionId: state.sessionId };
    }),
    r('GET', s, () => state.capabilities),
    r('DELETE', s, () => {
      state.sessionId = null;
      // The real server's instrumentation finishes once its session is gone (the driver waits for that).
      setTimeout(() => sim.endInstrumentation?.(), 100).unref();
      return null;
    }),
    r('GET', `${s}/source`, () => renderHierarchy(state.view(), sim.device.screen)),
    r('GET', `${s}/screenshot`, async () => (await renderScreenshot(state.view(), sim.device.screen, clock(sim))).toString('base64')),
    r('GET', `${s}/element/:id/screenshot`, async (ctx) => (await renderScreenshot(state.element(ctx.params['id']), sim.device.screen)).toString('base64')),
    r('POST', `${s}/element`, (ctx) => find(state, ctx, false)),
    r('POST', `${s}/elements`, (ctx) => find(state, ctx, true)),
    r('POST', `${s}/element/:id/element`, (ctx) => find(state, ctx, false)),
    r('POST', `${s}/element/:id/elements`, (ctx) => find(state, ctx, true)),
    r('GET', `${s}/element/active`, () => {
      const focused = flattenFocused(state.view());
      if (!focused) throw noSuchElement('focused element');
      return elementJson(state.elements.idOf(focused));
    }),
    r('POST', `${s}/element/:id/click`, (ctx) => {
      const { x, y } = state.center(state.element(ctx.params['id']));
      sim.device.tap(x, y);
      return null;
    }),
    r('POST', `${s}/element/:id/clear`, (ctx) => typeInto(state, state.element(ctx.params['id']), '', true)),
    r('POST', `${s}/element/:id/value`, (ctx) => {
      const text = typedText(ctx.body);
      typeInto(state, state.element(ctx.params['id']), text, ctx.body['replace'] !== false);
      return null;
    }),
    r('POST', `${s}/keys`, (ctx) => {
      const text = typedText(ctx.body);
      const focused = flattenFocused(state.view());
      if (focused) typeInto(state, focused, text, false);
      return null;
    }),
    r('GET', `${s}/element/:id/text`, (ctx) => state.element(ctx.params['id']).text),
    r('GET', `${s}/element/:id/name`, (ctx) => state.element(ctx.params['id']).node.desc ?? ''),
    r('GET', `${s}/element/:id/attribute/:name`, (ctx) => attribute(state.element(ctx.params['id']), ctx.params['name'] ?? '')),
    r('GET', `${s}/element/:id/rect`, (ctx) => rect(state.element(ctx.params['id']))),
    r('GET', `${s}/element/:id/size`, (ctx) => ({ width: rect(state.element(ctx.params['id'])).width, height: rect(state.element(ctx.params['id'])).height })),
    r('GET', `${s}/element/:id/location`, (ctx) => ({ x: rect(state.element(ctx.params['id'])).x, y: rect(state.element(ctx.params['id'])).y })),
    r('GET', `${s}/element/:id/enabled`, (ctx) => state.element(ctx.params['id']).node.enabled !== false),
    r('GET', `${s}/element/:id/selected`, (ctx) => Boolean(state.element(ctx.params['id']).node.selected)),
    r('GET', `${s}/element/:id/displayed`, (ctx) => Boolean(state.element(ctx.params['id']))),
    r('GET', `${s}/appium/element/:id/first_visible`, (ctx) => {
      const child = state.element(ctx.params['id']).children[0];
      if (!child) throw noSuchElement('first visible child');
      return elementJson(state.elements.idOf(child));
    }),
    r('POST', `${s}/back`, () => {
      sim.device.back();
      return null;
    }),
    r('POST', `${s}/appium/device/press_keycode`, (ctx) => pressKey(sim, Number(ctx.body['keycode']))),
    r('POST', `${s}/appium/device/long_press_keycode`, (ctx) => pressKey(sim, Number(ctx.body['keycode']))),
    r('GET', `${s}/appium/device/pixel_ratio`, () => sim.device.screen.density / 160),
    r('GET', `${s}/appium/device/display_density`, () => sim.device.screen.density),
    r('GET', `${s}/appium/device/system_bars`, () => ({ statusBar: STATUS_BAR_PX })),
    r('GET', `${s}/appium/device/info`, () => deviceInfo(state)),
    r('GET', `${s}/appium/device/battery_info`, () => ({ level: 1, state: 5 })),
    r('GET', `${s}/appium/device/declared_orientation`, () => 'PORTRAIT'),
    r('POST', `${s}/appium/device/get_clipboard`, () => Buffer.from(sim.device.clipboard).toString('base64')),
    r('POST', `${s}/appium/device/set_clipboard`, (ctx) => {
      sim.device.clipboard = Buffer.from(str(ctx.body['content']), 'base64').toString('utf8');
      return null;
    }),
    r('POST', `${s}/appium/device/open_notifications`, () => null),
    r('GET', `${s}/window/current/size`, () => ({ width: sim.device.screen.width, height: sim.device.screen.height })),
    r('GET', `${s}/window/rect`, () => ({ x: 0, y: 0, width: sim.device.screen.width, height: sim.device.screen.height })),
    r('GET', `${s}/orientation`, () => 'PORTRAIT'),
    r('POST', `${s}/orientation`, () => null),
    r('GET', `${s}/rotation`, () => ({ x: 0, y: 0, z: 0 })),
    r('GET', `${s}/appium/settings`, () => state.settings),
    r('POST', `${s}/appium/settings`, (ctx) => {
      Object.assign(state.settings, (ctx.body['settings'] as object | undefined) ?? {});
      return state.settings;
    }),
    r('POST', `${s}/appium/reset_ax_cache`, () => null),
    r('GET', `${s}/alert/text`, () => {
      throw new Uia2Error('no such alert', 'An attempt was made to operate on a modal dialog when one was not open.', 404);
    }),
    r('POST', `${s}/appium/list_windows`, () => [{ windowId: 1, displayId: 0, packageName: sim.device.focus().pkg, type: 1, isActive: true, isFocused: true }]),
    r('GET', `${s}/appium/list_displays`, () => [{ id: 0, name: 'Built-in Screen', isDefault: true }]),
    r('POST', `${s}/timeouts`, () => null),
    ...gestureRoutes(state, s, r),
  ];
}

function pressKey(sim: SimAndroid, keycode: number): null {
  if (keycode === 4) sim.device.back();
  else if (keycode === 3) sim.device.home();
  return null;
}

function flattenFocused(root: ViewNode): ViewNode | undefined {
  if (root.focused) return root;
  for (const c of root.children) {
    const f = flattenFocused(c);
    if (f) return f;
  }
  return undefined;
}

function clock(sim: SimAndroid): string {
  const d = new Date(sim.device.now() + 8 * 3_600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** Creates the server (not listening: the port table hands it the forwarded connections). */
export function createUia2Server(sim: SimAndroid): { server: http.Server; state: Uia2State } {
  const state = new Uia2State(sim);
  const table = routes(state);
  const server = http.createServer((req, res) => {
    void serve(table, req, res, () => state.sessionId, (route) => sim.countHttp(route), (what) => sim.noteUnknown(what));
  });
  keepIdleConnections(server);
  return { server, state };
}
