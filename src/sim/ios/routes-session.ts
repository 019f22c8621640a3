/** Status, sessions, app management, device and settings routes (FBSessionCommands, FBCustomCommands). */
import { randomUUID } from 'node:crypto';
import { protectedResource } from '../../device/ios/protected-resources.js';
import { invalidArgument, WdaError } from './wda-errors.js';
import type { RouteRequest, WdaRoute } from './wda-route.js';

const bundleIdOf = (req: RouteRequest): string => {
  const id = req.body.bundleId;
  if (typeof id !== 'string' || !id) throw invalidArgument("'bundleId' argument must be a non-empty string");
  return id;
};

/** FBCustomCommands handleResetAppAuth: `resource` is an XCUIProtectedResource value; an unknown one is ignored, as XCTest does. */
function resetAppAuth(req: RouteRequest): null {
  const { resource } = req.body;
  if (typeof resource !== 'number') throw invalidArgument("The 'resource' argument must be set to a valid resource identifier (numeric value). See https://developer.apple.com/documentation/xctest/xcuiprotectedresource?language=objc");
  const known = protectedResource(resource);
  if (known) req.ctx.device.resetAuthorization(known.usageKeys);
  return null;
}

function status(req: RouteRequest): unknown {
  const { info } = req.ctx.device;
  return {
    ready: true, message: 'WebDriverAgent is ready to accept commands', state: 'success',
    os: { name: 'iOS', version: info.osVersion, sdkVersion: info.osVersion, testmanagerdVersion: 65535 },
    ios: { ip: null }, build: { time: 'Dec  6 2026 08:00:00', productBundleIdentifier: 'com.facebook.WebDriverAgentRunner', version: '16.7.0' },
    device: 'iphone',
  };
}

async function createSession(req: RouteRequest): Promise<unknown> {
  const caps = req.body.capabilities as { alwaysMatch?: Record<string, unknown>; firstMatch?: Record<string, unknown>[] } | undefined;
  if (!caps || typeof caps !== 'object') throw new WdaError('session not created', "'capabilities' is mandatory to create a new session", 500);
  const merged = { ...(caps.firstMatch?.[0] ?? {}), ...(caps.alwaysMatch ?? {}) };
  const { ctx } = req;
  ctx.reset();
  ctx.sessionId = randomUUID().toUpperCase();
  const bundleId = typeof merged.bundleId === 'string' ? merged.bundleId : undefined;
  if (bundleId) {
    if (merged.forceAppLaunch === false && ctx.device.appState(bundleId) >= 3) await ctx.device.activate(bundleId);
    else await ctx.device.launch(bundleId);
  }
  ctx.capabilities = { device: 'iphone', browserName: bundleId ? ctx.device.active().name : null, sdkVersion: ctx.device.info.osVersion, CFBundleIdentifier: bundleId ?? null };
  return { sessionId: ctx.sessionId, capabilities: ctx.capabilities };
}

export const SESSION_ROUTES: WdaRoute[] = [
  { method: 'GET', path: '/status', sessionless: true, handle: status },
  { method: 'GET', path: '/wda/healthcheck', sessionless: true, handle: () => null },
  { method: 'POST', path: '/session', sessionless: true, handle: createSession },
  { method: 'GET', path: '', handle: (req) => ({ sessionId: req.ctx.sessionId, capabilities: req.ctx.capabilities }) },
  { method: 'DELETE', path: '', handle: (req) => { req.ctx.sessionId = undefined; req.ctx.reset(); return null; } },
  { method: 'POST', path: '/timeouts', handle: () => null },
  { method: 'GET', path: '/appium/settings', handle: (req) => req.ctx.settings },
  { method: 'POST', path: '/appium/settings', handle: (req) => Object.assign(req.ctx.settings, (req.body.settings ?? {})) },
  { method: 'POST', path: '/wda/apps/launch', handle: async (req) => { await req.ctx.device.launch(bundleIdOf(req)); return null; } },
  { method: 'POST', path: '/wda/apps/activate', handle: async (req) => { await req.ctx.device.activate(bundleIdOf(req)); return null; } },
  { method: 'POST', path: '/wda/apps/terminate', handle: (req) => req.ctx.device.terminate(bundleIdOf(req)) },
  { method: 'POST', path: '/wda/apps/state', handle: (req) => req.ctx.device.appState(bundleIdOf(req)) },
  { method: 'POST', path: '/wda/resetAppAuth', handle: resetAppAuth },
  { method: 'GET', path: '/wda/apps/list', handle: (req) => [{ pid: req.ctx.device.active().pid, bundleId: req.ctx.device.active().bundleId }] },
  { method: 'GET', path: '/wda/activeAppInfo', withoutSession: true, handle: (req) => ({ ...req.ctx.device.active(), processArguments: { env: {}, args: [] } }) },
  { method: 'POST', path: '/wda/homescreen', withoutSession: true, handle: (req) => { req.ctx.device.home(); return null; } },
  { method: 'POST', path: '/wda/deactivateApp', handle: (req) => { req.ctx.device.home(); return null; } },
  { method: 'GET', path: '/wda/locked', withoutSession: true, handle: () => false },
  { method: 'POST', path: '/wda/unlock', withoutSession: true, handle: () => null },
  { method: 'POST', path: '/wda/keyboard/dismiss', handle: () => null },
  { method: 'GET', path: '/orientation', withoutSession: true, handle: () => 'PORTRAIT' },
  { method: 'GET', path: '/rotation', withoutSession: true, handle: () => ({ x: 0, y: 0, z: 0 }) },
  { method: 'GET', path: '/wda/batteryInfo', handle: () => ({ level: 0.8, state: 2 }) },
  {
    method: 'GET', path: '/wda/device/info', withoutSession: true, handle: (req) => {
      const { info } = req.ctx.device;
      return {
        timeZone: info.timeZone, currentLocale: info.locale, model: info.model, uuid: info.udid, userInterfaceIdiom: 0,
        userInterfaceStyle: 'light', name: info.name, isSimulator: false, thermalState: 0,
      };
    },
  },
  {
    method: 'GET', path: '/wda/screen', withoutSession: true, handle: (req) => {
      const { info } = req.ctx.device;
      return { statusBarSize: { width: info.screen.width, height: info.statusBarHeight }, scale: info.scale, screenSize: info.screen };
    },
  },
  { method: 'GET', path: '/window/size', withoutSession: true, handle: (req) => req.ctx.device.info.screen },
  { method: 'GET', path: '/window/rect', handle: (req) => ({ x: 0, y: 0, ...req.ctx.device.info.screen }) },
  { method: 'GET', path: '/screenshot', withoutSession: true, handle: async (req) => (await req.ctx.device.screenshot()).toString('base64') },
];
