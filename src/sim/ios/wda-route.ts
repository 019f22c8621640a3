/** A WDA route: method, path pattern with `:params`, whether it needs a session, and its handler. */
import type { WdaContext } from './wda-context.js';

export interface RouteRequest {
  ctx: WdaContext;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface WdaRoute {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** Also served without the `/session/:sessionId` prefix (WDA's `.withoutSession`). */
  withoutSession?: boolean;
  /** Served only without a session prefix (/status, POST /session). */
  sessionless?: boolean;
  handle(req: RouteRequest): unknown;
}

/** Matches `path` against a pattern like `/element/:uuid/attribute/:name`. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(b[i]!);
    else if (p !== b[i]) return undefined;
  }
  return params;
}
