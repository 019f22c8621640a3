/**
 * DeviceSession for H5 apps: WebdriverIO (classic protocol) talking to Appium 3's chromium
 * driver, which drives Debian's Chromium in mobile emulation. Settle and snapshot share one
 * round trip; taps, typing, picking and scrolling are one script each (see page-scripts.ts).
 */
import { AppCrashedError, type DeviceSession, type ObservedLog, type ObservedRequest, type SessionCapabilities, type UiSnapshot } from '../../device/device-session.js';
import { installInitScripts } from './init-scripts.js';
import { OBSERVE_SCRIPT, SCROLL_SCRIPT, SELECT_SCRIPT, SETTLE_SCRIPT, SNAPSHOT_SCRIPT, TAP_SCRIPT, TYPE_SCRIPT } from './page-scripts.js';
import { NetworkLogAssembler } from './perf-log.js';
import { h5ScreenKey } from './screen-key.js';

/** What Chromium through Appium gives an H5 audit: everything the seam knows of. */
export const H5_CAPABILITIES: SessionCapabilities = Object.freeze({
  networkObserved: true, logs: true, dialogs: true, clockControl: true, clearData: true,
  relaunchAfterCrash: true, permissionControl: true, textEntry: true, scroll: true,
});

interface LogEntry { level?: string; message?: string; source?: string; timestamp?: number }

export class H5Session implements DeviceSession {
  readonly platform = 'h5' as const;
  readonly can = H5_CAPABILITIES;
  private network = new NetworkLogAssembler();
  private dismissPattern = '(?!)';

  constructor(
    private readonly browser: WebdriverIO.Browser,
    private readonly startUrl: string,
    private readonly settleQuietMs = 120,
    private readonly settleMaxMs = 2000,
  ) {}

  /**
   * Before the first navigation of a session, the tap-listener recorder and the dialog hook are
   * added as init scripts (again after relaunchAfterCrash: the session is new).
   */
  async launch(): Promise<void> {
    await installInitScripts(this.browser, this.dismissPattern);
    await crashAware(async () => {
      await this.browser.url('about:blank');
      await this.browser.url(this.startUrl);
    });
    await this.settle();
  }

  /**
   * After the renderer died every chromedriver call on the tab fails ("tab crashed"), even
   * opening a new window; a new session (~2.2 s, a new session id) and a navigation recover.
   * The old session's performance log is gone with it, so the request assembler starts afresh.
   */
  async relaunchAfterCrash(): Promise<void> {
    await this.browser.reloadSession();
    this.network = new NetworkLogAssembler();
    await this.launch();
  }

  async clearAppData(): Promise<void> {
    await crashAware(async () => {
      // Web storage and cookies are per origin: clear them from a page of the app's own origin.
      await this.browser.url(this.startUrl);
      await this.browser.execute('try { localStorage.clear(); sessionStorage.clear(); } catch (e) { /* storage disabled */ }');
      await this.browser.deleteAllCookies();
    });
  }

  async snapshot(): Promise<UiSnapshot> {
    return withScreenKey(await crashAware(() => this.browser.execute<PageSnapshot, []>(SNAPSHOT_SCRIPT)));
  }

  async observe(): Promise<UiSnapshot> {
    return withScreenKey(await crashAware(() => this.browser.executeAsync<PageSnapshot, [number, number, string]>(OBSERVE_SCRIPT, this.settleQuietMs, this.settleMaxMs, this.dismissPattern)));
  }

  async screenshot(): Promise<Buffer> {
    return Buffer.from(await crashAware(() => this.browser.takeScreenshot()), 'base64');
  }

  async tap(locator: string): Promise<void> {
    await crashAware(() => this.browser.execute(TAP_SCRIPT, locator));
  }

  async typeText(locator: string, text: string): Promise<void> {
    await crashAware(() => this.browser.execute(TYPE_SCRIPT, locator, text));
  }

  async selectOption(locator: string, index: number): Promise<void> {
    await crashAware(() => this.browser.execute(SELECT_SCRIPT, locator, index));
  }

  async scroll(): Promise<void> {
    await crashAware(() => this.browser.execute(SCROLL_SCRIPT));
  }

  setDialogPolicy(dismiss: RegExp): void {
    this.dismissPattern = dismiss.source;
  }

  async back(): Promise<void> {
    await crashAware(() => this.browser.back());
  }

  async settle(): Promise<void> {
    await crashAware(() => this.browser.executeAsync(SETTLE_SCRIPT, this.settleQuietMs, this.settleMaxMs, this.dismissPattern));
  }

  async drainNetwork(): Promise<ObservedRequest[]> {
    const entries = (await crashAware(() => this.browser.getLogs('performance'))) as { message: string; timestamp?: number }[];
    return this.network.feed(entries);
  }

  async drainLogs(): Promise<ObservedLog[]> {
    const entries = (await crashAware(() => this.browser.getLogs('browser'))) as LogEntry[];
    return entries.map((e) => ({ level: e.level ?? 'INFO', message: e.message ?? '', ts: e.timestamp ?? Date.now(), ...(e.source ? { source: e.source } : {}) }));
  }
}

/** What the page script returns: the snapshot before the platform names the screen. */
export type PageSnapshot = Omit<UiSnapshot, 'screenKey'>;

/** The page's snapshot with its screen key (the route). */
export function withScreenKey(page: PageSnapshot): UiSnapshot {
  return { ...page, screenKey: h5ScreenKey(page.url) };
}

/** chromedriver's words for a dead renderer (measured: "unknown error: WebDriverError: tab crashed"). */
const RENDERER_GONE = /tab crashed|target crashed|renderer (has )?(crashed|gone)/i;

/** Runs a WebDriver call; a dead renderer becomes an AppCrashedError, other errors pass unchanged. */
export async function crashAware<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    if (RENDERER_GONE.test(message)) throw new AppCrashedError(message, '渲染进程终止');
    throw error;
  }
}
