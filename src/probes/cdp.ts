/**
 * The DevTools protocol for Chromium through Appium 3: `POST /session/:id/goog/cdp/execute`
 * with {cmd, params}. WebdriverIO's own CDP helper 404s through Appium 3 (shared notes), so the
 * probes talk to the route directly with the session id and the Appium port.
 */
export interface Cdp {
  send<T = unknown>(cmd: string, params?: Record<string, unknown>): Promise<T>;
}

/** A CDP client bound to one Appium session. */
export class AppiumCdp implements Cdp {
  constructor(private readonly appiumUrl: string, private readonly sessionId: string, private readonly timeoutMs = 15_000) {}

  async send<T = unknown>(cmd: string, params: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.appiumUrl}/session/${this.sessionId}/goog/cdp/execute`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cmd, params }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as { value?: unknown };
    if (!response.ok) {
      const message = (body.value as { message?: string } | undefined)?.message ?? `HTTP ${response.status}`;
      throw new Error(`CDP ${cmd} failed: ${message.split('\n')[0]}`);
    }
    return body.value as T;
  }
}
