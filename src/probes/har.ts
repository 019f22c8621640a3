/**
 * HAR-style request records from Chromium performance-log entries (DevTools Network.* events).
 * Richer than the explorer's assembler: response size, MIME type, the server's IP address
 * (IPv6 share) and the request's content type (multipart uploads). Pure.
 */
import type { NetworkEvent } from '../evidence/types.js';

interface Message {
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

type Pending = NetworkEvent & { startedMonotonic?: number };

/** Accumulates Network.* events across drains; completed requests come out as NetworkEvents. */
export class HarRecorder {
  private readonly pending = new Map<string, Pending>();

  /** Feeds raw log entries; returns requests that completed. */
  feed(entries: { message: string; timestamp?: number }[]): NetworkEvent[] {
    const done: NetworkEvent[] = [];
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
  flush(): NetworkEvent[] {
    const rest = [...this.pending.values()].map(finish).filter((r) => r.url.startsWith('http'));
    this.pending.clear();
    return rest;
  }
}

function parse(text: string): Message | undefined {
  try {
    return (JSON.parse(text) as { message: Message }).message;
  } catch {
    return undefined;
  }
}

function started(id: string, p: NonNullable<Message['params']>, ts: number): Pending {
  const request: Pending = { type: 'network', requestId: id, method: p.request?.method ?? 'GET', url: p.request?.url ?? '', ts };
  if (p.type) request.resourceType = p.type;
  if (p.request?.postData) request.postData = p.request.postData;
  const contentType = headerValue(p.request?.headers, 'content-type');
  if (contentType) request.requestContentType = contentType;
  if (p.timestamp !== undefined) request.startedMonotonic = p.timestamp;
  return request;
}

function finish(request: Pending): NetworkEvent {
  const event: NetworkEvent & { startedMonotonic?: number } = { ...request };
  delete event.startedMonotonic;
  return event;
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** One HAR-like JSON line per request (the blob cited by an idle window). */
export function harLines(requests: NetworkEvent[]): string {
  return requests.map((r) => JSON.stringify({
    startedDateTime: new Date(r.ts).toISOString(),
    time: r.durationMs ?? null,
    request: { method: r.method, url: r.url, host: hostOf(r.url), postData: r.postData ? { mimeType: r.requestContentType ?? '', text: r.postData } : undefined },
    response: { status: r.status ?? 0, content: { size: r.responseBytes ?? -1, mimeType: r.mimeType ?? '' }, error: r.errorText },
    serverIPAddress: r.remoteIp,
    _resourceType: r.resourceType,
  })).join('\n') + (requests.length ? '\n' : '');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
