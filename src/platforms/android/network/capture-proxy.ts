/**
 * The run's HTTPS-capable capture proxy (mockttp): its own CA generated per run in the run's
 * scratch folder, every request the device sends through it recorded with its body as the same
 * ObservedRequest the H5 session yields, and TLS connections the app would not let us decrypt
 * (the lab CA not trusted, pinning) listed by host.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// Types only at load time: mockttp takes ~0.9 s to load, and every process that knows the platforms would pay it.
import type { CompletedRequest, CompletedResponse, Mockttp, TlsHandshakeFailure } from 'mockttp';
import type { ObservedRequest } from '../../../device/device-session.js';

/** A host whose TLS the proxy could not open: its requests were sent, their content was not seen. */
export interface UndecryptedHost {
  host: string;
  /** mockttp's failure cause: cert-rejected (the CA is not trusted), closed/reset (often pinning). */
  cause: string;
  connections: number;
  firstTs: number;
}

export interface CaptureProxyOptions {
  /** The run's scratch folder: the CA key and certificate are written there, never into the out dir. */
  scratchDir: string;
  port?: number;
  /**
   * `pass-through` forwards to the real server (a real device on a network); `answer-locally` replies
   * 200 with an empty JSON body (the simulated device's hosts do not exist).
   */
  upstream: 'pass-through' | 'answer-locally';
  now?: () => number;
}

const MAX_BODY_CHARS = 64 * 1024;

interface Pending {
  request: ObservedRequest;
  startedAt: number;
  /** mockttp reports the completed request (with its body) after the response when the rule answers at once. */
  bodySeen: boolean;
  responded: boolean;
}

export class CaptureProxy {
  private readonly pending = new Map<string, Pending>();
  private readonly done: ObservedRequest[] = [];
  private readonly hosts = new Map<string, UndecryptedHost>();

  private constructor(private readonly server: Mockttp, readonly caCertPath: string, private readonly now: () => number) {}

  /** Generates the run's CA, starts the proxy and subscribes to its traffic. */
  static async start(options: CaptureProxyOptions): Promise<CaptureProxy> {
    const dir = join(options.scratchDir, 'proxy-ca');
    mkdirSync(dir, { recursive: true });
    const { generateCACertificate, getLocal } = await import('mockttp');
    const ca = await generateCACertificate({ subject: { commonName: 'govapp-audit lab CA (per run)', organizationName: 'govapp-audit' }, bits: 2048 });
    const keyPath = join(dir, 'ca.key');
    const certPath = join(dir, 'ca.pem');
    writeFileSync(keyPath, ca.key, { mode: 0o600 });
    writeFileSync(certPath, ca.cert);
    const server = getLocal({ https: { keyPath, certPath }, http2: false });
    const proxy = new CaptureProxy(server, certPath, options.now ?? Date.now);
    await proxy.subscribe();
    if (options.upstream === 'pass-through') await server.forAnyRequest().thenPassThrough();
    else await server.forAnyRequest().thenReply(200, '{}', { 'content-type': 'application/json' });
    await server.start(options.port);
    return proxy;
  }

  get port(): number {
    return this.server.port;
  }

  /** Requests completed (or aborted) since the last call. */
  drain(): ObservedRequest[] {
    return this.done.splice(0);
  }

  /** Hosts whose TLS could not be opened, in the order first seen. */
  undecrypted(): UndecryptedHost[] {
    return [...this.hosts.values()];
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }

  private async subscribe(): Promise<void> {
    await this.server.on('request-initiated', (req) => {
      const request: ObservedRequest = { requestId: req.id, method: req.method, url: req.url, ts: this.now() };
      const type = req.headers['content-type'];
      if (typeof type === 'string') request.requestContentType = type;
      this.pending.set(req.id, { request, startedAt: request.ts, bodySeen: false, responded: false });
    });
    await this.server.on('request', (req) => this.onRequest(req));
    await this.server.on('response', (res) => this.onResponse(res));
    await this.server.on('abort', (req) => {
      const entry = this.pending.get(req.id);
      if (entry) Object.assign(entry, { bodySeen: true, responded: true, request: { ...entry.request, failed: true, errorText: '请求中断' } });
      this.flush(req.id);
    });
    await this.server.on('tls-client-error', (failure) => this.onTlsFailure(failure));
  }

  /** The request's body (decoded when it was sent encoded). */
  private onRequest(req: CompletedRequest): void {
    const entry = this.pending.get(req.id);
    if (!entry) return;
    const fill = (text: string | undefined): void => {
      if (text) entry.request.postData = text.slice(0, MAX_BODY_CHARS);
      entry.bodySeen = true;
      this.flush(req.id);
    };
    if (req.body.buffer.length === 0) fill(undefined);
    else if (!req.headers['content-encoding']) fill(req.body.buffer.toString('utf8'));
    else void req.body.getText().then(fill, () => fill(undefined));
  }

  private onResponse(res: CompletedResponse): void {
    const entry = this.pending.get(res.id);
    if (!entry) return;
    const mime = res.headers['content-type'];
    Object.assign(entry.request, { status: res.statusCode, responseBytes: res.body.buffer.length, durationMs: this.now() - entry.startedAt, ...(typeof mime === 'string' ? { mimeType: mime.split(';')[0]! } : {}) });
    entry.responded = true;
    this.flush(res.id);
  }

  private flush(id: string): void {
    const entry = this.pending.get(id);
    if (!entry?.bodySeen || !entry.responded) return;
    this.pending.delete(id);
    this.done.push(entry.request);
  }

  private onTlsFailure(failure: TlsHandshakeFailure): void {
    const host = failure.tlsMetadata.sniHostname ?? failure.destination?.hostname ?? failure.remoteIpAddress ?? '?';
    const known = this.hosts.get(host);
    if (known) known.connections++;
    else this.hosts.set(host, { host, cause: failure.failureCause, connections: 1, firstTs: this.now() });
  }
}
