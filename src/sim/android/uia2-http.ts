/** HTTP plumbing of the simulated UiAutomator2 server: route table, `{sessionId, value}` bodies, W3C errors. */
import type http from 'node:http';

export class Uia2Error extends Error {
  constructor(readonly error: string, message: string, readonly status: number) {
    super(message);
  }
}

export const noSuchElement = (what: string): Uia2Error => new Uia2Error('no such element', `An element could not be located on the page using the given search parameters (${what})`, 404);
export const staleElement = (id: string): Uia2Error => new Uia2Error('stale element reference', `The element '${id}' does not exist in DOM anymore`, 404);
export const invalidArgument = (message: string): Uia2Error => new Uia2Error('invalid argument', message, 400);
export const noSuchSession = (): Uia2Error => new Uia2Error('invalid session id', 'A session is either terminated or not started', 404);

export interface RouteContext {
  params: Record<string, string>;
  body: Record<string, unknown>;
}

export type Handler = (ctx: RouteContext) => unknown;

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: string;
  handler: Handler;
}

/** Matches `/session/:sessionId/element/:id/text` against a path; params or undefined. */
export function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
  const a = pattern.split('/');
  const b = path.replace(/\/+$/, '').split('/');
  if (a.length !== b.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.startsWith(':')) params[a[i]!.slice(1)] = decodeURIComponent(b[i]!);
    else if (a[i] !== b[i]) return undefined;
  }
  return params;
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(data) });
  res.end(data);
}

/** Serves one request from the route table. */
export async function serve(routes: Route[], req: http.IncomingMessage, res: http.ServerResponse, sessionId: () => string | null, onRoute: (route: string) => void, onUnknown: (what: string) => void): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]!.replace(/^\/wd\/hub/, '');
  const body = await readJson(req);
  for (const route of routes) {
    if (route.method !== req.method) continue;
    const params = matchRoute(route.pattern, path);
    if (!params) continue;
    onRoute(`${route.method} ${route.pattern}`);
    try {
      const value = await route.handler({ params, body });
      send(res, 200, { sessionId: sessionId(), value: value ?? null });
    } catch (error) {
      const e = error instanceof Uia2Error ? error : new Uia2Error('unknown error', error instanceof Error ? error.message : String(error), 500);
      send(res, e.status, { sessionId: sessionId(), value: { error: e.error, message: e.message, stacktrace: e.stack ?? '' } });
    }
    return;
  }
  onRoute(`${req.method} (unknown)`);
  onUnknown(`HTTP ${req.method} ${path}`);
  send(res, 404, { sessionId: sessionId(), value: { error: 'unknown command', message: `The requested resource could not be found, or a request was received using an HTTP method that is not supported by the mapped resource: ${req.method} ${path}`, stacktrace: '' } });
}

/** A JSON body field as text ('' when it is not a string or number). */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** Text to type from a body's `text` or its `value` array of characters. */
export function typedText(body: Record<string, unknown>): string {
  if (typeof body['text'] === 'string') return body['text'];
  const value = body['value'];
  return Array.isArray(value) ? value.map(str).join('') : str(value);
}
