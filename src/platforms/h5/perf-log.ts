/**
 * The one parser of Chromium's performance log (DevTools Network.* events, as returned by
 * getLogs('performance')), for the H5 session's requests and the probes' network tap alike:
 * method, URL, body and its content type, status, MIME type, the server's IP address (IPv6 share),
 * response size and duration. Pure; a request still in flight stays pending until its response or
 * failure arrives, or until flush().
 */
import type { ObservedRequest } from '../../device/device-session.js';

interface DevtoolsMessage {
  method?: string;
  params?: {
    requestId?: string;
    type?: string;
    timestamp?: number;
    request?: { url?: string; method?: string; postData?: string; headers?: Record<string, string> };
    response?: { status?: number; mimeType?: string; remoteIPAddress?: string };
    encodedDataLength?: number;
    errorText?: string;
  };
}

type Pending = ObservedRequest & { startedMonotonic?: number };

/** Accumulates Network.* events across drains; completed requests come out as ObservedRequests. */
export class NetworkLogAssembler {
  private readonly pending = new Map<string, Pending>();

  /** Feeds raw log entries; returns the requests that completed. */
  feed(entries: { message: string; timestamp?: number }[]): ObservedRequest[] {
    const done: ObservedRequest[] = [];
    for (const entry of entries) {
      const message = parse(entry.message);
      const p = message?.params;
      const id = p?.requestId;
      if (!message || !p || !id) continue;
      if (message.method === 'Network.requestWillBeSent') {
        const previous = this.pending.get(id);
        if (previous) done.push(finish(previous)); // a redirect: the earlier hop is complete
        this.pending.set(id, started(id, p, entry.timestamp ?? Date.now()));
        continue;
      }
      const request = this.pending.get(id);
      if (!request) continue;
      if (message.method === 'Network.responseReceived') {
        if (p.response?.status !== undefined) request.status = p.response.status;
        if (p.response?.mimeType) request.mimeType = p.response.mimeType;
        if (p.response?.remoteIPAddress) request.remoteIp = p.response.remoteIPAddress;
      } else if (message.method === 'Network.loadingFinished' || message.method === 'Network.loadingFailed') {
        if (message.method === 'Network.loadingFailed') {
          request.failed = true;
          if (p.errorText) request.errorText = p.errorText;
        }
        if (p.encodedDataLength !== undefined) request.responseBytes = p.encodedDataLength;
        if (p.timestamp !== undefined && request.startedMonotonic !== undefined) request.durationMs = Math.round((p.timestamp - request.startedMonotonic) * 1000);
        this.pending.delete(id);
        done.push(finish(request));
      }
    }
    return done.filter((r) => r.url.startsWith('http'));
  }

  /** Returns and forgets requests still in flight (a hung connection is evidence too). */
  flush(): ObservedRequest[] {
    const rest = [...this.pending.values()].map(finish).filter((r) => r.url.startsWith('http'));
    this.pending.clear();
    return rest;
  }
}

function parse(text: string): DevtoolsMessage | undefined {
  try {
    return (JSON.parse(text) as { message: DevtoolsMessage }).message;
  } catch {
    return undefined;
  }
}

function started(id: string, p: NonNullable<DevtoolsMessage['params']>, ts: number): Pending {
  const request: Pending = { requestId: id, method: p.request?.method ?? 'GET', url: p.request?.url ?? '', ts };
  if (p.type) request.resourceType = p.type;
  if (p.request?.postData) request.postData = p.request.postData;
  const contentType = headerValue(p.request?.headers, 'content-type');
  if (contentType) request.requestContentType = contentType;
  if (p.timestamp !== undefined) request.startedMonotonic = p.timestamp;
  return request;
}

function finish(request: Pending): ObservedRequest {
  const observed: Pending = { ...request };
  delete observed.startedMonotonic;
  return observed;
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
