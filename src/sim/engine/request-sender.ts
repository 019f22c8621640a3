/**
 * Sends an app's request for real, so a host-side proxy sees what it would see from a phone. Through a proxy:
 * plain HTTP in absolute form, HTTPS through CONNECT then TLS. The app verifies the server certificate against
 * the system CAs unless its model says it trusts user CAs (then a lab proxy's CA is accepted, as on a phone
 * whose network security config opts in). With no proxy the request goes straight to its URL; a name that does
 * not resolve fails quietly (logged), as an offline phone would.
 */
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { Socket } from 'node:net';
import type { SimRequest } from './app-model.js';

export interface SendContext {
  pkg: string;
  context: string;
  /** `host:port` reachable from this host, or undefined for a direct connection. */
  proxy: string | undefined;
  trustsUserCa: boolean;
  timeoutMs?: number;
}

export interface SentRequest {
  pkg: string;
  context: string;
  method: string;
  url: string;
  via: string | undefined;
  status?: number;
  error?: string;
  at: number;
}

/** Sends one request; never throws (the outcome is in the result). */
export async function sendAppRequest(request: SimRequest, ctx: SendContext): Promise<SentRequest> {
  const base: SentRequest = { pkg: ctx.pkg, context: ctx.context, method: request.method, url: request.url, via: ctx.proxy, at: Date.now() };
  try {
    const status = await send(request, ctx);
    return { ...base, status };
  } catch (error) {
    return { ...base, error: error instanceof Error ? error.message : String(error) };
  }
}

function bodyOf(request: SimRequest): { data: string | undefined; type: string | undefined } {
  if (request.body === undefined) return { data: undefined, type: undefined };
  if (typeof request.body === 'string') return { data: request.body, type: 'text/plain; charset=utf-8' };
  return { data: JSON.stringify(request.body), type: 'application/json; charset=utf-8' };
}

async function send(request: SimRequest, ctx: SendContext): Promise<number> {
  const url = new URL(request.url);
  const { data, type } = bodyOf(request);
  const headers: Record<string, string> = { 'user-agent': `okhttp/4.12.0 (${ctx.pkg})`, ...(type ? { 'content-type': type } : {}), ...request.headers };
  if (data !== undefined) headers['content-length'] = String(Buffer.byteLength(data));
  const timeout = ctx.timeoutMs ?? 8000;
  if (url.protocol === 'http:') {
    const target = ctx.proxy ? splitHostPort(ctx.proxy) : { host: url.hostname, port: Number(url.port || 80) };
    const path = ctx.proxy ? url.href : url.pathname + url.search;
    return await exchange(http.request({ host: target.host, port: target.port, method: request.method, path, headers: { host: url.host, ...headers }, timeout }), data);
  }
  const tunnel = ctx.proxy ? await connectTunnel(ctx.proxy, url, timeout) : undefined;
  const rejectUnauthorized = !ctx.trustsUserCa;
  // Through a proxy, TLS runs inside the CONNECT tunnel; Node uses `createConnection` only when no agent is given.
  const options: https.RequestOptions = {
    host: url.hostname, port: Number(url.port || 443), method: request.method, path: url.pathname + url.search,
    headers: { host: url.host, ...headers }, timeout, servername: url.hostname, rejectUnauthorized,
    ...(tunnel ? { createConnection: () => tls.connect({ socket: tunnel, servername: url.hostname, rejectUnauthorized }) } : { agent: false }),
  };
  return await exchange(https.request(options), data);
}

function exchange(req: http.ClientRequest, data: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(data);
  });
}

function connectTunnel(proxy: string, url: URL, timeout: number): Promise<Socket> {
  const { host, port } = splitHostPort(proxy);
  return new Promise((resolve, reject) => {
    const authority = `${url.hostname}:${url.port || 443}`;
    const req = http.request({ host, port, method: 'CONNECT', path: authority, headers: { host: authority }, timeout });
    req.on('connect', (res, socket) => (res.statusCode === 200 ? resolve(socket) : reject(new Error(`proxy CONNECT ${res.statusCode}`))));
    req.on('timeout', () => req.destroy(new Error('proxy timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** `host:port` → parts (IPv6 in brackets allowed). */
export function splitHostPort(value: string): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(value.trim());
  if (!m) throw new Error(`bad proxy setting: ${value}`);
  return { host: m[1]!, port: Number(m[2]) };
}
