/**
 * Turns Chromium performance-log entries (DevTools Network.* events, as returned by
 * getLogs('performance')) into requests. Pure; requests still in flight stay pending until
 * their response or failure arrives, or until flush().
 */
import type { ObservedRequest } from '../../device/device-session.js';

interface DevtoolsMessage {
  method?: string;
  params?: Record<string, unknown> & {
    requestId?: string;
    type?: string;
    request?: { url?: string; method?: string; postData?: string; hasPostData?: boolean };
    response?: { status?: number };
    errorText?: string;
    timestamp?: number;
  };
}

/** Accumulates Network.* events across drains. */
export class NetworkLogAssembler {
  private readonly pending = new Map<string, ObservedRequest>();

  /** Feeds raw log entries; returns the requests that completed. */
  feed(entries: { message: string; timestamp?: number }[]): ObservedRequest[] {
    const done: ObservedRequest[] = [];
    for (const entry of entries) {
      let message: DevtoolsMessage;
      try {
        message = (JSON.parse(entry.message) as { message: DevtoolsMessage }).message;
      } catch {
        continue;
      }
      const p = message.params;
      const id = p?.requestId;
      if (!p || !id) continue;
      switch (message.method) {
        case 'Network.requestWillBeSent': {
          const previous = this.pending.get(id);
          if (previous) done.push(previous); // redirect: the earlier hop is complete
          const request: ObservedRequest = {
            requestId: id,
            method: p.request?.method ?? 'GET',
            url: p.request?.url ?? '',
            ts: entry.timestamp ?? Date.now(),
          };
          if (p.type) request.resourceType = p.type;
          if (p.request?.postData) request.postData = p.request.postData;
          this.pending.set(id, request);
          break;
        }
        case 'Network.responseReceived': {
          const request = this.pending.get(id);
          if (request && p.response?.status !== undefined) request.status = p.response.status;
          break;
        }
        case 'Network.loadingFinished':
        case 'Network.loadingFailed': {
          const request = this.pending.get(id);
          if (!request) break;
          if (message.method === 'Network.loadingFailed') {
            request.failed = true;
            if (p.errorText) request.errorText = p.errorText;
          }
          this.pending.delete(id);
          done.push(request);
          break;
        }
      }
    }
    return done.filter((r) => r.url.startsWith('http'));
  }

  /** Returns and forgets requests that never completed. */
  flush(): ObservedRequest[] {
    const rest = [...this.pending.values()].filter((r) => r.url.startsWith('http'));
    this.pending.clear();
    return rest;
  }
}
