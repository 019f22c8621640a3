/**
 * The DevTools protocol for Chromium through Appium 3: `POST /session/:id/goog/cdp/execute`
 * with {cmd, params}. WebdriverIO's own CDP helper 404s through Appium 3 (shared notes), so the
 * H5 session and the probes talk to the route directly with the session id and the Appium URL.
 */
export interface Cdp {
  send<T = unknown>(cmd: string, params?: Record<string, unknown>): Promise<T>;
}

/** A CDP client bound to one Appium session; a getter follows the session across reloadSession(). */
export class AppiumCdp implements Cdp {
  constructor(private readonly appiumUrl: string, private readonly sessionId: string | (() => string), private readonly timeoutMs = 15_000) {}

  async send<T = unknown>(cmd: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = typeof this.sessionId === 'function' ? this.sessionId() : this.sessionId;
    const response = await fetch(`${this.appiumUrl}/session/${id}/goog/cdp/execute`, {
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

/** Where a WebdriverIO session's server (Appium) listens, from the options the session was opened with. */
export function serverUrlOf(options: { protocol?: string; hostname?: string; port?: number; path?: string }): string {
  const path = (options.path ?? '/').replace(/\/+$/, '');
  return `${options.protocol ?? 'http'}://${options.hostname ?? '127.0.0.1'}:${options.port ?? 4723}${path}`;
}

/** A CDP client for the browser's current session (it follows reloadSession()). */
export function browserCdp(browser: WebdriverIO.Browser): Cdp {
  return new AppiumCdp(serverUrlOf(browser.options), () => browser.sessionId);
}
