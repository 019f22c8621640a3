/** Findings from request payloads: a JSON or form body (or query) carrying telling field names. */
import type { EvidenceBundle, NetworkEvent } from '../../evidence/types.js';
import type { Finding } from '../result.js';

/** Field names of a request's JSON/form body and query string. */
export function payloadFields(request: NetworkEvent): Map<string, string> {
  const fields = new Map<string, string>();
  try {
    new URL(request.url).searchParams.forEach((v, k) => fields.set(k, v));
  } catch { /* not a URL */ }
  const body = request.postData;
  if (!body) return fields;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      for (const [k, v] of Object.entries(parsed)) fields.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    }
  } catch {
    new URLSearchParams(body).forEach((v, k) => fields.set(k, v));
  }
  return fields;
}

export interface RequestFilter {
  /** Only fields of the request body count (not the query string). */
  bodyOnly?: boolean;
  /** The endpoint must have been called at least this often (a heartbeat). */
  minRequests?: number;
}

/** Field names of the body only. */
function bodyFields(request: NetworkEvent): string[] {
  return [...payloadFields({ ...request, url: 'http://body.invalid/' }).keys()];
}

/** One finding per endpoint whose payload has a field matching `keys`, citing the requests. */
export function requestFindings(bundle: EvidenceBundle, keys: RegExp, what: string, confidence: number, filter: RequestFilter = {}): Finding[] {
  const byEndpoint = new Map<string, { request: NetworkEvent; count: number; fields: string[] }>();
  for (const request of bundle.network) {
    if (request.resourceType && !['XHR', 'Fetch', 'Other', 'Ping'].includes(request.resourceType)) continue;
    const fields = (filter.bodyOnly ? bodyFields(request) : [...payloadFields(request).keys()]).filter((k) => keys.test(k));
    if (fields.length === 0) continue;
    const endpoint = `${request.method} ${request.url.split('?')[0]}`;
    const entry = byEndpoint.get(endpoint);
    if (entry) entry.count++;
    else byEndpoint.set(endpoint, { request, count: 1, fields });
  }
  return [...byEndpoint.values()].filter((e) => e.count >= (filter.minRequests ?? 1)).map(({ request, count, fields }) => {
    const screen = bundle.screens.find((s) => s.id === request.screenId);
    return requestFinding(bundle, request, {
      summary: `应用向 ${request.method} ${request.url.split('?')[0]} 发送了${what}（字段 ${fields.join('、')}，共观察到 ${count} 次）${screen ? `，发生在「${screen.title}」界面` : ''}。`,
      text: (request.postData ?? request.url).slice(0, 300),
      confidence,
    });
  });
}

/** A network finding citing a request and the screen it was observed on (screenshot and path). */
export function requestFinding(bundle: EvidenceBundle, request: NetworkEvent, fields: { summary: string; text: string; confidence: number }): Finding {
  const screen = bundle.screens.find((s) => s.id === request.screenId);
  const finding: Finding = {
    summary: fields.summary,
    source: 'network',
    text: fields.text,
    evidence: screen?.screenshot ? [screen.screenshot] : [],
    confidence: fields.confidence,
    severity: 'present',
    request: { method: request.method, url: request.url },
  };
  if (screen) {
    finding.screen = screen.id;
    finding.steps = screen.steps;
  }
  return finding;
}
