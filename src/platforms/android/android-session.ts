/**
 * DeviceSession for native Android apps over WebdriverIO and Appium's UiAutomator2 driver. The
 * page source becomes UiNodes through src/device/android/uiautomator2-source.ts; the screen key is
 * package/activity; system dialogs (runtime permissions, "isn't responding", crash) are answered by
 * policy and recorded as DIALOG log entries; a dead app process becomes AppCrashedError.
 */
import { AppCrashedError, type DeviceSession, type ObservedLog, type ObservedRequest, type SessionCapabilities, type UiSnapshot } from '../../device/device-session.js';
import { parseUiAutomator2Source } from '../../device/android/uiautomator2-source.js';
import { parseAmStart } from '../../device/android/am-start.js';
import { findCrashes, parseLogcat } from '../../device/android/logcat.js';
import type { UiNode } from '../../evidence/types.js';
import { answerFor, PERMISSION_PACKAGES, recogniseSystemDialog, type DialogPolicy, type SystemDialog } from './system-dialogs.js';
import { elementId, type AppiumBrowser } from '../shared/appium-browser.js';
import { pageFacts } from './page-facts.js';
import { toSnapshot } from './snapshot.js';
import { clickOrTapCentre, screenshotPng, typeIntoField } from '../shared/native-actions.js';
import type { LaunchRecord, PermissionPrompt } from './session-records.js';

export type { LaunchRecord, PermissionPrompt } from './session-records.js';

/** What the session needs to know about the app under test. */
export interface AndroidApp {
  packageName: string;
  /** The launchable activity (from the package reader); without it the driver's activateApp starts the app. */
  activity?: string;
}

export interface AndroidSessionOptions {
  policy?: DialogPolicy;
  settleQuietMs?: number;
  settleMaxMs?: number;
  /** Requests the device sent through the run's proxy (absent: the network is not observed). */
  network?: { drain(): ObservedRequest[] };
  /** True when Appium was started with `uiautomator2:adb_shell` (mobile: shell). */
  shell?: boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_POLICY: DialogPolicy = { permission: 'allow', anr: 'close' };
const MAX_DIALOGS_PER_CAPTURE = 4;
const APP_NOT_RUNNING = 1;

export class AndroidSession implements DeviceSession {
  readonly platform = 'android' as const;
  readonly can: SessionCapabilities;
  readonly prompts: PermissionPrompt[] = [];
  readonly launches: LaunchRecord[] = [];
  policy: DialogPolicy;
  private readonly logBuffer: ObservedLog[] = [];
  private readonly rawLog: string[] = [];
  private lastNodes = new Map<string, UiNode>();
  private lastAction: { locator: string; label?: string } | 'launch' = 'launch';
  private dismissPattern: RegExp | undefined;
  /** The latest launch: when, how many prompts had been answered before it, and the first tap after it. */
  launchMark: { at: number; promptIndex: number; firstTapAt?: number } = { at: 0, promptIndex: 0 };
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly browser: AppiumBrowser, readonly app: AndroidApp, private readonly options: AndroidSessionOptions = {}) {
    this.policy = options.policy ?? DEFAULT_POLICY;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.can = {
      networkObserved: options.network !== undefined, logs: true, dialogs: true, clockControl: false, clearData: true,
      relaunchAfterCrash: true, permissionControl: true, textEntry: true, scroll: true,
    };
  }

  /** `adb shell <command>` through the driver (needs `--allow-insecure uiautomator2:adb_shell`). */
  async shell(command: string): Promise<string> {
    if (!this.options.shell) throw new Error('mobile: shell is not allowed in this session (Appium lacks --allow-insecure uiautomator2:adb_shell)');
    const [cmd, ...args] = command.split(/\s+/);
    return String(await this.browser.execute('mobile: shell', { command: cmd, args, timeout: 30_000 }));
  }

  /** Cold start: force-stop, then `am start -W` (TotalTime recorded); activateApp when shell is not allowed. */
  async launch(): Promise<void> {
    this.lastAction = 'launch';
    this.launchMark = { at: this.now(), promptIndex: this.prompts.length };
    if (this.options.shell && this.app.activity) {
      await this.shell(`am force-stop ${this.app.packageName}`);
      const command = `am start -W -n ${this.app.packageName}/${this.app.activity}`;
      const output = await this.shell(command);
      const parsed = parseAmStart(output);
      this.launches.push({ command, output, ...(parsed.ok ? { totalTimeMs: parsed.value.totalTimeMs, launchState: parsed.value.launchState } : {}) });
    } else {
      await this.browser.execute('mobile: terminateApp', { appId: this.app.packageName }).catch(() => undefined);
      await this.browser.execute('mobile: activateApp', { appId: this.app.packageName });
    }
    await this.settle();
  }

  async relaunchAfterCrash(): Promise<void> {
    await this.launch();
    const shown = await this.capture();
    if (shown.facts.packageName !== this.app.packageName) throw new Error(`relaunch of ${this.app.packageName} did not bring it to the foreground (${shown.facts.packageName} is shown)`);
  }

  /** Permission prompts answered since the latest launch. */
  promptsSinceLaunch(): PermissionPrompt[] {
    return this.prompts.slice(this.launchMark.promptIndex);
  }

  /** `pm clear` through the driver: app data, caches and runtime permission grants. */
  async clearAppData(): Promise<void> {
    await this.browser.execute('mobile: clearApp', { appId: this.app.packageName });
  }

  async snapshot(): Promise<UiSnapshot> {
    return (await this.capture()).snapshot;
  }

  async observe(): Promise<UiSnapshot> {
    await this.settle();
    return this.snapshot();
  }

  screenshot(): Promise<Buffer> {
    return screenshotPng(this.browser);
  }

  /**
   * Taps the node by its XPath; when the source changed under it, at the centre of its last known bounds.
   * Not at the old place while a system dialog covers the screen (the tap would land on the dialog): the
   * tap is refused as intercepted, and the caller observes (which answers the dialog) and retries. A
   * dialog answered later is attributed to the tap only once it happened.
   */
  async tap(locator: string): Promise<void> {
    this.launchMark.firstTapAt ??= this.now();
    const node = this.lastNodes.get(locator);
    const label = node ? node.text || node.label || node.fullText : undefined;
    await clickOrTapCentre(this.browser, locator, {
      node,
      tapAt: (point) => this.browser.execute('mobile: clickGesture', point),
      coveringDialog: async () => {
        const xml = await this.browser.getPageSource();
        return recogniseSystemDialog(parseUiAutomator2Source(xml), pageFacts(xml).packageName)?.message;
      },
    });
    this.lastAction = { locator, ...(label ? { label } : {}) };
  }

  typeText(locator: string, text: string): Promise<void> {
    return typeIntoField(this.browser, locator, text);
  }

  /** A spinner: opens it, then taps the option at `index` of the list that pops up. */
  async selectOption(locator: string, index: number): Promise<void> {
    await this.tap(locator);
    await this.settle();
    const { snapshot } = await this.capture();
    const options = snapshot.nodes.filter((n) => /CheckedTextView|TextView/.test(n.role) && n.text && n.locator && n.bounds.height > 0 && n.locator !== locator);
    const option = options[index];
    if (!option?.locator) throw new Error(`the list opened by ${locator} has no option ${index}`);
    await this.tap(option.locator);
  }

  /**
   * App dialogs (AlertDialog) are part of the page source, so the explorer sees and taps them like any
   * screen; system dialogs follow `policy`. The pattern is kept for the app's own dialogs' wording only.
   */
  setDialogPolicy(dismiss: RegExp): void {
    this.dismissPattern = dismiss;
  }

  /** The destructive-wording pattern the explorer set (app dialogs matching it are tapped last by the explorer). */
  get dialogDismissPattern(): RegExp | undefined {
    return this.dismissPattern;
  }

  /** Scrolls the first scrollable container down by most of its height (by the element; the whole screen when none is marked). */
  async scroll(): Promise<void> {
    const container = [...this.lastNodes.values()].find((n) => n.scrollable && n.bounds.height > 0 && n.locator);
    if (container?.locator) {
      const element = await this.browser.findElement('xpath', container.locator).catch(() => undefined);
      if (element) {
        await this.browser.execute('mobile: scrollGesture', { elementId: elementId(element), direction: 'down', percent: 0.75 });
        return;
      }
    }
    const area = container?.bounds ?? [...this.lastNodes.values()].find((n) => n.bounds.height > 0)?.bounds;
    if (!area) throw new Error('nothing to scroll: no snapshot yet');
    await this.browser.execute('mobile: scrollGesture', { left: area.x, top: area.y, width: area.width, height: area.height, direction: 'down', percent: 0.75 });
  }

  async back(): Promise<void> {
    this.lastAction = { locator: 'back', label: '返回' };
    await this.browser.back();
  }

  /** Waits until two page sources a quiet interval apart are the same (bounded). */
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
    // A step that killed the app fails here, in the step, not at the next observation.
    const shown = pageFacts(before).packageName;
    if (shown !== this.app.packageName && shown !== 'android' && !PERMISSION_PACKAGES.includes(shown)) await this.assertAlive();
  }

  drainNetwork(): Promise<ObservedRequest[]> {
    return Promise.resolve(this.options.network?.drain() ?? []);
  }

  async drainLogs(): Promise<ObservedLog[]> {
    await this.pullLogs();
    return this.logBuffer.splice(0);
  }

  /** Logcat lines seen so far in this session (threadtime), for the stability probe. */
  logcatLines(): readonly string[] {
    return this.rawLog;
  }

  private async pullLogs(): Promise<void> {
    const entries = (await this.browser.getLogs('logcat').catch(() => [])) as { message?: string; timestamp?: number; level?: string }[];
    for (const e of entries) {
      if (!e.message) continue;
      this.rawLog.push(e.message);
      const level = /^\S+ \S+\s+\d+\s+\d+ ([VDIWEF]) /.exec(e.message)?.[1];
      if (level === 'E' || level === 'F' || /FATAL EXCEPTION|ANR in /.test(e.message)) this.logBuffer.push({ level: level === 'F' ? 'SEVERE' : 'ERROR', message: e.message, source: 'logcat', ts: e.timestamp ?? this.now() });
    }
  }

  /** One capture: answers system dialogs by policy (at most a few in a row), detects a dead app, builds the snapshot. */
  private async capture(): Promise<{ snapshot: UiSnapshot; facts: ReturnType<typeof pageFacts> }> {
    for (let i = 0; ; i++) {
      const xml = await this.browser.getPageSource();
      const nodes = parseUiAutomator2Source(xml);
      const facts = pageFacts(xml);
      const dialog = recogniseSystemDialog(nodes, facts.packageName);
      if (dialog && i < MAX_DIALOGS_PER_CAPTURE) {
        await this.answer(dialog);
        continue;
      }
      if (facts.packageName !== this.app.packageName && !dialog) await this.assertAlive();
      const activity = await this.currentActivity();
      this.lastNodes = new Map(nodes.filter((n) => n.locator).map((n) => [n.locator!, n]));
      return { facts, snapshot: toSnapshot(nodes, facts, activity) };
    }
  }

  private async answer(dialog: SystemDialog): Promise<void> {
    const { locator, answer } = answerFor(dialog, this.policy);
    const after = this.lastAction === 'launch' ? 'launch' : this.lastAction.locator;
    const afterText = this.lastAction === 'launch' ? '启动时' : `在点击「${this.lastAction.label ?? this.lastAction.locator}」之后`;
    const what = dialog.kind === 'permission' ? '权限请求' : dialog.kind === 'anr' ? '应用无响应（ANR）' : '应用崩溃';
    this.logBuffer.push({ level: 'DIALOG', source: `android-system:${dialog.kind}`, message: `系统对话框（${what}）「${dialog.message}」${afterText}出现，按策略${answer}`, ts: this.now() });
    if (dialog.kind === 'permission') {
      this.prompts.push({ message: dialog.message, answer: answer === '允许' ? '允许' : '拒绝', after, ...(this.lastAction !== 'launch' && this.lastAction.label ? { afterLabel: this.lastAction.label } : {}), atMs: this.now() });
    }
    if (locator) await this.browser.elementClick(elementId(await this.browser.findElement('xpath', locator)));
    else await this.browser.back();
    if (dialog.kind !== 'permission' && answer === '关闭应用') throw new AppCrashedError(`${dialog.kind === 'anr' ? 'ANR' : 'crash'}: ${dialog.message}`, dialog.kind === 'anr' ? '应用无响应（ANR）' : '应用进程退出');
  }

  /** The app is not in front: dead (crash) or merely left (another app, the launcher). */
  private async assertAlive(): Promise<void> {
    const state = Number(await this.browser.execute('mobile: queryAppState', { appId: this.app.packageName }));
    if (state !== APP_NOT_RUNNING) return;
    await this.pullLogs();
    const crash = findCrashes(parseLogcat(this.rawLog.join('\n')).entries).filter((c) => !c.process || c.process === this.app.packageName).at(-1);
    throw new AppCrashedError(crash ? `FATAL EXCEPTION: ${crash.exception}` : `${this.app.packageName} is no longer running`, '应用进程退出');
  }

  private async currentActivity(): Promise<string> {
    return String(await this.browser.execute('mobile: getCurrentActivity').catch(() => ''));
  }
}
