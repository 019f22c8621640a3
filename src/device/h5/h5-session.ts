/**
 * DeviceSession for H5 apps: WebdriverIO (classic protocol) talking to Appium 3's chromium
 * driver, which drives Debian's Chromium in mobile emulation. Settle and snapshot share one
 * round trip; taps, typing, picking and scrolling are one script each (see page-scripts.ts).
 */
import type { DeviceSession, ObservedLog, ObservedRequest, UiSnapshot } from '../device-session.js';
import { OBSERVE_SCRIPT, SCROLL_SCRIPT, SELECT_SCRIPT, SETTLE_SCRIPT, SNAPSHOT_SCRIPT, TAP_SCRIPT, TYPE_SCRIPT } from './page-scripts.js';
import { NetworkLogAssembler } from './perf-log.js';

interface LogEntry { level?: string; message?: string; source?: string; timestamp?: number }

export class H5Session implements DeviceSession {
  readonly platform = 'h5' as const;
  private readonly network = new NetworkLogAssembler();
  private dismissPattern = '(?!)';

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

  async observe(): Promise<UiSnapshot> {
    return this.browser.executeAsync<UiSnapshot, [number, number, string]>(OBSERVE_SCRIPT, this.settleQuietMs, this.settleMaxMs, this.dismissPattern);
  }

  async screenshot(): Promise<Buffer> {
    return Buffer.from(await this.browser.takeScreenshot(), 'base64');
  }

  async tap(locator: string): Promise<void> {
    await this.browser.execute(TAP_SCRIPT, locator);
  }

  async typeText(locator: string, text: string): Promise<void> {
    await this.browser.execute(TYPE_SCRIPT, locator, text);
  }

  async selectOption(locator: string, index: number): Promise<void> {
    await this.browser.execute(SELECT_SCRIPT, locator, index);
  }

  async scroll(): Promise<void> {
    await this.browser.execute(SCROLL_SCRIPT);
  }

  setDialogPolicy(dismiss: RegExp): void {
    this.dismissPattern = dismiss.source;
  }

  async back(): Promise<void> {
    await this.browser.back();
  }

  async settle(): Promise<void> {
    await this.browser.executeAsync(SETTLE_SCRIPT, this.settleQuietMs, this.settleMaxMs, this.dismissPattern);
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
