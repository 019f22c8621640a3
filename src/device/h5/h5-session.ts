/**
 * DeviceSession for H5 apps: WebdriverIO (classic protocol) talking to Appium 3's chromium
 * driver, which drives Debian's Chromium in mobile emulation.
 */
import { readFileSync } from 'node:fs';
import type { DeviceSession, ObservedLog, ObservedRequest, UiSnapshot } from '../device-session.js';
import { NetworkLogAssembler } from './perf-log.js';

const SNAPSHOT_SCRIPT = `return (${readFileSync(new URL("./dom-snapshot.browser.js", import.meta.url), "utf8")})();`;
const SETTLE_SCRIPT = `
  var done = arguments[arguments.length - 1];
  var quietMs = arguments[0], maxMs = arguments[1];
  var last = Date.now(), start = Date.now();
  var observer = new MutationObserver(function () { last = Date.now(); });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  (function poll() {
    var now = Date.now();
    if ((document.readyState === 'complete' && now - last >= quietMs) || now - start >= maxMs) { observer.disconnect(); done(true); }
    else setTimeout(poll, 25);
  })();`;

interface LogEntry { level?: string; message?: string; source?: string; timestamp?: number }

export class H5Session implements DeviceSession {
  readonly platform = 'h5' as const;
  private readonly network = new NetworkLogAssembler();

  constructor(
    private readonly browser: WebdriverIO.Browser,
    private readonly startUrl: string,
    private readonly settleQuietMs = 120,
    private readonly settleMaxMs = 2000,
  ) {}

  async launch(): Promise<void> {
    await this.browser.url('about:blank');
    await this.browser.url(this.startUrl);
    await this.settle();
  }

  async snapshot(): Promise<UiSnapshot> {
    return this.browser.execute<UiSnapshot, []>(SNAPSHOT_SCRIPT);
  }

  async screenshot(): Promise<Buffer> {
    return Buffer.from(await this.browser.takeScreenshot(), 'base64');
  }

  async tap(locator: string): Promise<void> {
    await this.browser.$(locator).click();
  }

  async back(): Promise<void> {
    await this.browser.back();
  }

  async settle(): Promise<void> {
    await this.browser.executeAsync(SETTLE_SCRIPT, this.settleQuietMs, this.settleMaxMs);
  }

  async drainNetwork(): Promise<ObservedRequest[]> {
    const entries = (await this.browser.getLogs('performance')) as { message: string; timestamp?: number }[];
    return this.network.feed(entries);
  }

  async drainLogs(): Promise<ObservedLog[]> {
    const entries = (await this.browser.getLogs('browser')) as LogEntry[];
    return entries.map((e) => ({ level: e.level ?? 'INFO', message: e.message ?? '', ts: e.timestamp ?? Date.now(), ...(e.source ? { source: e.source } : {}) }));
  }
}
