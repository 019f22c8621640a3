/** HAR-style JSON lines of recorded requests (the blob an idle window cites). Pure. */
import type { NetworkEvent } from '../evidence/types.js';

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
