/**
 * DeviceSession for iOS apps over WebdriverIO and Appium's XCUITest driver (WebDriverAgent on the
 * device). The page source becomes UiNodes through src/device/ios/xcuitest-source.ts; the screen
 * key is bundle/navigation bar; alerts (system permission prompts, the app's own) are answered by
 * policy and reported as dialogs; back is the app's own back control or the left-edge swipe; an
 * app that is no longer running is AppCrashedError. What the host cannot give (device logs
 * without usbmuxd, app data reset on a real device) is false in `can`. Permission answers are reset
 * through WDA (`mobile: resetPermission`), which works on real devices too.
 */
import { AppCrashedError, CapabilityMissingError, type DeviceSession, type ObservedDialog, type ObservedLog, type ObservedRequest, type SessionCapabilities, type SessionCapability, type UiSnapshot } from '../../device/device-session.js';
import { edgeSwipe, findBackControl } from '../../device/ios/back-control.js';
import { parseXcuitestSource } from '../../device/ios/xcuitest-source.js';
import { decodeEntities } from '../../device/page-source-xml.js';
import type { UiNode } from '../../evidence/types.js';
import { decideAlert, type AlertPolicy } from './ios-alerts.js';
import { iosSnapshot } from './ios-screen.js';
import { clickOrTapCentre, screenshotPng, typeIntoField } from '../shared/native-actions.js';
import { elementId, type XcuiBrowser } from './xcui-browser.js';

/** The app under test. */
export interface IosApp {
  bundleId: string;
  /** Display name (CFBundleDisplayName): the application element's label while the app is in front. */
  name: string;
}

/** A permission prompt the session answered, and when it came. */
export interface IosPermissionPrompt {
  message: string;
  answer: '允许' | '拒绝';
  /** 'launch' or the locator of the last tap. */
  after: string;
  afterLabel?: string;
  atMs: number;
}

/** A launch timed on the host: from `mobile: launchApp` to a settled first screen (not the app's own first frame). */
export interface IosLaunchRecord {
  wallMs: number;
  how: string;
}

export interface IosSessionOptions {
  policy?: AlertPolicy;
  settleQuietMs?: number;
  settleMaxMs?: number;
  /** Requests the device sent through the lab's proxy (absent: the network is not observed). */
  network?: { drain(): ObservedRequest[] };
  /** The host can read the device log (usbmuxd on Linux, or macOS): `getLogs('syslog')`. */
  syslog?: boolean;
  /** The device is the simulated double (labelled so in evidence). */
  simulated?: boolean;
  /**
   * The lab proxy's CA (PEM, base64) to install with `mobile: installCertificate` before the first launch
   * (a real iPhone whose traffic goes through the lab proxy; the driver tries its certificate service, then
   * the Settings UI). A failure leaves HTTPS content unread: the proxy lists those hosts as 未能解密.
   */
  labCa?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const MAX_ALERTS_PER_CAPTURE = 4;
const NOT_RUNNING = 1;
const FOREGROUND = 4;

export class IosSession implements DeviceSession {
  readonly platform = 'ios' as const;
  readonly can: SessionCapabilities;
  readonly prompts: IosPermissionPrompt[] = [];
  readonly launches: IosLaunchRecord[] = [];
  /** The latest launch: when, and how many prompts had been answered before it. */
  launchMark: { at: number; promptIndex: number } = { at: 0, promptIndex: 0 };
  /** How installing the lab CA went (undefined: not attempted). */
  certificate: { installed: boolean; error?: string } | undefined;
  policy: AlertPolicy;
  private readonly logBuffer: ObservedLog[] = [];
  private dialogs: ObservedDialog[] = [];
  private lastNodes: UiNode[] = [];
  private lastAction: { locator: string; label?: string } | 'launch' = 'launch';
  private window: { width: number; height: number; scale: number } | undefined;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  private readonly appReady: Promise<IosApp>;

  /** `app` may be a promise (read from the package when the session opens). */
  constructor(private readonly browser: XcuiBrowser, app: IosApp | Promise<IosApp>, private readonly options: IosSessionOptions = {}) {
    this.appReady = Promise.resolve(app);
    this.appReady.catch(() => undefined);
    this.policy = options.policy ?? { permission: 'allow' };
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.can = Object.freeze({
      networkObserved: options.network !== undefined, logs: options.syslog === true, dialogs: true, clockControl: false,
      // iOS keeps app data until the app is reinstalled; XCUITest's clearApp works on simulators only.
      // Permission answers: forgotten through WDA (XCUIApplication.resetAuthorizationStatus), prompts answered by policy.
      clearData: false, relaunchAfterCrash: true, permissionControl: true, textEntry: true, scroll: true,
    });
  }

  /** A fresh start: terminate, then `mobile: launchApp` (XCUIApplication.launch); timed on the host. */
  async launch(): Promise<void> {
    this.lastAction = 'launch';
    this.launchMark = { at: this.now(), promptIndex: this.prompts.length };
    const { bundleId } = await this.appReady;
    if (this.options.labCa && !this.certificate) await this.installLabCa(this.options.labCa);
    await this.browser.execute('mobile: terminateApp', { bundleId }).catch(() => undefined);
    const started = this.now();
    await this.browser.execute('mobile: launchApp', { bundleId });
    await this.settle();
    this.launches.push({ wallMs: this.now() - started, how: 'mobile: launchApp → 页面稳定（主机计时，含 WebDriverAgent 往返）' });
  }

  async relaunchAfterCrash(): Promise<void> {
    await this.launch();
    const state = await this.appState();
    if (state !== FOREGROUND) throw new Error(`relaunch of ${(await this.appReady).bundleId} did not bring it to the foreground (state ${state})`);
  }

  /** Permission prompts answered since the latest launch. */
  promptsSinceLaunch(): IosPermissionPrompt[] {
    return this.prompts.slice(this.launchMark.promptIndex);
  }

  /**
   * Forgets the app's answers for these protected resources (`mobile: resetPermission` → WDA
   * `/wda/resetAppAuth`, XCUIApplication.resetAuthorizationStatus: iOS 13.4+, real devices included),
   * so the next request prompts again. WDA resets for its active application, so the app is brought
   * to the front first; iOS terminates it. A refusal is an error naming the service.
   */
  async resetPermissions(services: readonly string[]): Promise<void> {
    if (services.length === 0) return;
    const { bundleId } = await this.appReady;
    if ((await this.appState()) !== FOREGROUND) await this.browser.execute('mobile: activateApp', { bundleId });
    for (const service of services) {
      try {
        await this.browser.execute('mobile: resetPermission', { service });
      } catch (error) {
        const why = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        throw new Error(`iOS 未能重置「${service}」权限的授权状态（mobile: resetPermission：${why}）；需要 iOS 13.4 及以上、以 Xcode 11.4 及以上构建的 WebDriverAgent`);
      }
    }
  }

  async clearAppData(): Promise<void> {
    await Promise.resolve();
    this.missing('clearData');
  }

  async snapshot(): Promise<UiSnapshot> {
    const app = await this.appReady;
    const nodes = await this.capture(app);
    const window = await this.windowInfo();
    const snapshot = iosSnapshot(app.bundleId, app.name, nodes, window);
    if (this.dialogs.length) snapshot.dialogs = this.dialogs.splice(0);
    return snapshot;
  }

  async observe(): Promise<UiSnapshot> {
    await this.settle();
    return this.snapshot();
  }

  screenshot(): Promise<Buffer> {
    return screenshotPng(this.browser);
  }

  /**
   * Taps the node by its XPath (from the application root); when it is gone, at the centre of its last
   * bounds, unless an alert is open: then the tap would land on the alert, so it is refused as WDA
   * refuses it ("unexpected alert open"), and the caller observes (which answers the alert) and retries.
   * Prompts answered later are attributed to the tap only once it happened: a refused tap did not
   * cause the alert.
   */
  async tap(locator: string): Promise<void> {
    const node = this.lastNodes.find((n) => n.locator === locator);
    await clickOrTapCentre(this.browser, locator, {
      node,
      tapAt: (point) => this.browser.execute('mobile: tap', point),
      coveringDialog: () => this.browser.getAlertText().then((t) => t, () => undefined),
    });
    this.lastAction = { locator, ...(node && (node.text || node.label) ? { label: node.text || node.label! } : {}) };
  }

  typeText(locator: string, text: string): Promise<void> {
    return typeIntoField(this.browser, locator, text);
  }

  /** Picker wheels: `mobile: selectPickerWheelValue` steps `index` times from the first value. */
  async selectOption(locator: string, index: number): Promise<void> {
    const id = elementId(await this.browser.findElement('xpath', locator));
    for (let i = 0; i < index; i++) await this.browser.execute('mobile: selectPickerWheelValue', { elementId: id, order: 'next', offset: 0.15 });
  }

  /** Drags the first scrollable area (the whole window when none) up by most of its height. */
  async scroll(): Promise<void> {
    const window = await this.windowInfo();
    const area = this.lastNodes.find((n) => n.scrollable && n.bounds.height > 0)?.bounds ?? { x: 0, y: 0, width: window.width, height: window.height };
    const x = Math.round(area.x + area.width / 2);
    await this.browser.execute('mobile: dragFromToForDuration', { fromX: x, fromY: Math.round(area.y + area.height * 0.85), toX: x, toY: Math.round(area.y + area.height * 0.15), duration: 0.3 });
  }

  /** The app's own back control (navigation bar), else the left-edge swipe that pops a navigation controller. */
  async back(): Promise<void> {
    this.lastAction = { locator: 'back', label: '返回' };
    const control = findBackControl(this.lastNodes);
    if (control?.locator) {
      await this.tap(control.locator);
      this.lastAction = { locator: 'back', label: '返回' };
      return;
    }
    const swipe = edgeSwipe(await this.windowInfo());
    await this.browser.execute('mobile: dragFromToForDuration', { ...swipe, duration: 0.3 });
  }

  /** Waits until two page sources a quiet interval apart are the same (bounded); a dead app is AppCrashedError here already. */
  async settle(): Promise<void> {
    const quiet = this.options.settleQuietMs ?? 150;
    const deadline = this.now() + (this.options.settleMaxMs ?? 2000);
    let before = await this.browser.getPageSource();
    while (this.now() < deadline) {
      await this.sleep(quiet);
      const after = await this.browser.getPageSource();
      if (after === before) break;
      before = after;
    }
    const app = await this.appReady;
    if (applicationLabel(before) !== app.name) await this.assertAlive(app);
  }

  async drainNetwork(): Promise<ObservedRequest[]> {
    if (!this.options.network) return this.missing('networkObserved');
    return Promise.resolve(this.options.network.drain());
  }

  async drainLogs(): Promise<ObservedLog[]> {
    if (!this.can.logs) return this.missing('logs');
    const entries = (await this.browser.getLogs('syslog').catch(() => [])) as { message?: string; timestamp?: number }[];
    for (const e of entries) {
      if (e.message && /\b(error|fault|crash)\b/i.test(e.message)) this.logBuffer.push({ level: 'ERROR', message: e.message, source: 'syslog', ts: e.timestamp ?? this.now() });
    }
    return this.logBuffer.splice(0);
  }

  setDialogPolicy(dismiss: RegExp): void {
    this.policy = { ...this.policy, dismissApp: dismiss };
  }

  private async installLabCa(content: string): Promise<void> {
    try {
      await this.browser.execute('mobile: installCertificate', { content, isRoot: true });
      this.certificate = { installed: true };
    } catch (error) {
      this.certificate = { installed: false, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
    }
  }

  /** The app under test, once its package was read. */
  identity(): Promise<IosApp> {
    return this.appReady;
  }

  /** One capture: answers alerts by policy (a few in a row), detects a dead app, parses the source. */
  private async capture(app: IosApp): Promise<UiNode[]> {
    for (let i = 0; ; i++) {
      const alert = await this.browser.getAlertText().then((t) => t, () => undefined);
      if (alert !== undefined && i < MAX_ALERTS_PER_CAPTURE) {
        await this.answer(alert);
        continue;
      }
      const nodes = parseXcuitestSource(await this.browser.getPageSource());
      if (nodes[0]?.label !== app.name) await this.assertAlive(app);
      this.lastNodes = nodes;
      return nodes;
    }
  }

  private async answer(text: string): Promise<void> {
    const decision = decideAlert(text, this.policy);
    const message = text.replace(/\n+/g, ' ');
    const afterText = this.lastAction === 'launch' ? '启动时' : `在点击「${this.lastAction.label ?? this.lastAction.locator}」之后`;
    const what = decision.kind === 'permission' ? '系统权限请求' : '应用弹窗';
    this.dialogs.push({ kind: 'confirm', message: `${what}「${message}」${afterText}出现，按策略${decision.answer}`, accepted: decision.action === 'accept' });
    if (decision.kind === 'permission') {
      const after = this.lastAction === 'launch' ? 'launch' : this.lastAction.locator;
      const afterLabel = this.lastAction !== 'launch' ? this.lastAction.label : undefined;
      this.prompts.push({ message, answer: decision.answer === '允许' ? '允许' : '拒绝', after, ...(afterLabel ? { afterLabel } : {}), atMs: this.now() });
    }
    await this.browser.execute('mobile: alert', { action: decision.action });
  }

  private async appState(): Promise<number> {
    return Number(await this.browser.execute('mobile: queryAppState', { bundleId: (await this.appReady).bundleId }));
  }

  /** The app is not in front: dead (a crash) or merely left (another app, the home screen). */
  private async assertAlive(app: IosApp): Promise<void> {
    const state = await this.appState();
    if (state > NOT_RUNNING) return;
    throw new AppCrashedError(`${app.bundleId} is no longer running (XCUIApplicationState ${state})`, '应用进程退出');
  }

  private async windowInfo(): Promise<{ width: number; height: number; scale: number }> {
    if (!this.window) {
      const rect = await this.browser.getWindowRect();
      const screen = await this.browser.execute<{ scale?: number }>('mobile: deviceScreenInfo').catch(() => ({ scale: undefined }));
      this.window = { width: rect.width, height: rect.height, scale: screen.scale ?? 1 };
    }
    return this.window;
  }

  private missing(capability: SessionCapability): never {
    throw new CapabilityMissingError('ios', capability);
  }
}

/** The application element's label in a page source (the app in front), without parsing the whole tree. */
function applicationLabel(xml: string): string | undefined {
  const attrs = /<XCUIElementTypeApplication\b([^>]*)>/.exec(xml)?.[1] ?? '';
  const label = /\blabel="([^"]*)"/.exec(attrs)?.[1];
  return label === undefined ? undefined : decodeEntities(label);
}
