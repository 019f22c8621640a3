/**
 * A WebDriverAgent-compatible HTTP server over a simulated device: the unmodified XCUITest driver
 * connects to it through `appium:webDriverAgentUrl` as to WDA on a real iPhone. Responses have
 * WDA's shape (`{value, sessionId}`, errors as `{value: {error, message, traceback}}` with W3C
 * HTTP codes). Every call is recorded (method, route pattern) so tests can list what the driver used.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ALERT_ROUTES } from './routes-alerts.js';
import { ELEMENT_ROUTES } from './routes-elements.js';
import { GESTURE_ROUTES } from './routes-gestures.js';
import { SESSION_ROUTES } from './routes-session.js';
import { WdaContext } from './wda-context.js';
import type { WdaDevice } from './wda-device.js';
import { invalidSession, unknownCommand, WdaError } from './wda-errors.js';
import { matchPath, type WdaRoute } from './wda-route.js';
import { keepIdleConnections } from '../engine/keep-idle-connections.js';

export const WDA_ROUTES: readonly WdaRoute[] = [...SESSION_ROUTES, ...ELEMENT_ROUTES, ...ALERT_ROUTES, ...GESTURE_ROUTES];

export interface RouteCall { method: string; route: string; status: number }

export interface WdaServer {
  url: string;
  port: number;
  readonly context: WdaContext;
  /** Calls served so far, in order. */
  readonly calls: RouteCall[];
  close(): Promise<void>;
}

interface Resolved { route: WdaRoute; params: Record<string, string> }

/** Finds the route for a request path, checking the session prefix. */
export function resolveRoute(ctx: WdaContext, method: string, path: string): Resolved {
  const m = /^\/session\/([^/]+)(\/.*)?$/.exec(path);
  const inner = m ? (m[2] ?? '') : path;
  for (const route of WDA_ROUTES) {
    if (route.method !== method) continue;
    if (m ? route.sessionless : !(route.sessionless || route.withoutSession)) continue;
    const params = matchPath(route.path, inner);
    if (!params) continue;
    if (m && m[1] !== ctx.sessionId) throw invalidSession(m[1]!);
    return { route, params };
  }
  throw unknownCommand(method, path);
}

async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  const parsed = JSON.parse(text) as unknown;
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

/** Starts the fake WDA on 127.0.0.1 (`port` 0: any free port). */
export async function startWdaServer(device: WdaDevice, port = 0): Promise<WdaServer> {
  const context = new WdaContext(device);
  const calls: RouteCall[] = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';
      let status = 200;
      let value: unknown;
      let route = url.pathname;
      try {
        const resolved = resolveRoute(context, method, url.pathname.replace(/\/+$/, '') || '/');
        route = resolved.route.path || '/session/:sessionId';
        value = await resolved.route.handle({ ctx: context, params: resolved.params, query: url.searchParams, body: await readBody(req) });
      } catch (error) {
        const e = error instanceof WdaError ? error : new WdaError('unknown error', error instanceof Error ? error.message : String(error), 500);
        status = e.status;
        value = { error: e.error, message: e.message, traceback: '' };
      }
      calls.push({ method, route, status });
      const body = JSON.stringify({ value: value ?? null, sessionId: context.sessionId ?? null });
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    })();
  });
  keepIdleConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`, port: bound, context, calls,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
