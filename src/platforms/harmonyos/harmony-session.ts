/**
 * DeviceSession for HarmonyOS NEXT apps over WebdriverIO and appium-harmonyos-driver. The raw
 * dumpLayout JSON (`mobile: dumpLayout`) becomes UiNodes through src/device/harmonyos/dump-layout.ts,
 * whose locators are XPaths over the driver's XML page source; the screen key is bundle/ability/page;
 * the permission dialog is answered by policy and recorded; a dead app becomes AppCrashedError with
 * FaultLogger's reason.
 */
import { AppCrashedError, type DeviceSession, type ObservedLog, type ObservedRequest, type SessionCapabilities, type UiSnapshot } from '../../device/device-session.js';
import { parseDumpLayout, type DumpLayoutNode } from '../../device/harmonyos/dump-layout.js';
import type { UiNode } from '../../evidence/types.js';
import { elementId, type AppiumBrowser } from '../shared/appium-browser.js';
import { harmonyScreenKey, layoutFacts, type LayoutFacts } from './layout-facts.js';
import { clickOrTapCentre, screenshotPng, typeIntoField } from '../shared/native-actions.js';
import { recognisePermissionDialog, type PermissionDialog } from './system-dialogs.js';

export interface HarmonyApp {
  bundleName: string;
  abilityName?: string;
}

/** A permission request the session answered, and when it came. */
export interface HarmonyPermissionPrompt {
  message: string;
  answer: '允许' | '禁止';
  /** 'launch' or the locator of the last tap. */
  after: string;
  /** The text of the tapped control, when it had one. */
  afterLabel?: string;
  atMs: number;
}

/** A cold launch as `mobile: coldStart` measured it. */
export interface HarmonyLaunch {
  method: string;
  startMode?: string;
  totalTimeMs: number;
  waitTimeMs?: number;
}

export interface HarmonySessionOptions {
  permission?: 'allow' | 'deny';
  /** Requests the device sent through the lab's proxy (absent: the network is not observed). */
  network?: { drain(): ObservedRequest[] };
  settleQuietMs?: number;
  settleMaxMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const MAX_DIALOGS_PER_CAPTURE = 4;
const APP_NOT_RUNNING = 1;

export class HarmonySession implements DeviceSession {
  readonly platform = 'harmonyos' as const;
  readonly can: SessionCapabilities;
  readonly prompts: HarmonyPermissionPrompt[] = [];
  readonly launches: HarmonyLaunch[] = [];
  /** Answer to the system permission dialog; the permission probe sets it per run. */
  permission: 'allow' | 'deny';
  /** When the last launch happened, where its prompts start, and when the first tap after it came. */
  launchMark: { at: number; promptIndex: number; firstTapAt?: number } = { at: 0, promptIndex: 0 };
  /** The raw dumpLayout JSON of the last snapshot (evidence). */
  lastLayoutJson = '';
  private readonly logBuffer: ObservedLog[] = [];
  private lastNodes = new Map<string, UiNode>();
  private lastAction = 'launch';
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly browser: AppiumBrowser, readonly app: HarmonyApp, private readonly options: HarmonySessionOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.permission = options.permission ?? 'allow';
    // The WLAN proxy is set by hand on a real device (network-route.ts): observed only when the run has the route.
    this.can = {
      networkObserved: options.network !== undefined, logs: true, dialogs: true, clockControl: false, clearData: true,
      relaunchAfterCrash: true, permissionControl: true, textEntry: true, scroll: true,
    };
  }

  /** The permission prompts answered since the last launch. */
  promptsSinceLaunch(): HarmonyPermissionPrompt[] {
    return this.prompts.slice(this.launchMark.promptIndex);
  }

  /** Cold start through the driver (`aa start -W` where the API level has it), the figure recorded. */
  async launch(): Promise<void> {
    this.lastAction = 'launch';
    this.launchMark = { at: this.now(), promptIndex: this.prompts.length };
    const result = await this.browser.execute<HarmonyLaunch>('mobile: coldStart', { appId: this.app.bundleName, ...(this.app.abilityName ? { abilityName: this.app.abilityName } : {}) });
    this.launches.push(result);
    await this.settle();
  }

  async relaunchAfterCrash(): Promise<void> {
    await this.launch();
    const { facts } = await this.capture();
    if (facts.windows[0]?.bundleName !== this.app.bundleName) throw new Error(`relaunch of ${this.app.bundleName} did not bring it to the foreground`);
  }

  async clearAppData(): Promise<void> {
    await this.browser.execute('mobile: clearApp', { appId: this.app.bundleName });
  }

  async snapshot(): Promise<UiSnapshot> {
    return (await this.capture()).snapshot;
  }

  /** Settles, then snapshots the settled dump itself (a third dump of the same screen cost three more hdc calls). */
  async observe(): Promise<UiSnapshot> {
    return (await this.capture(await this.settledDump())).snapshot;
  }

  screenshot(): Promise<Buffer> {
    return screenshotPng(this.browser);
  }

  /** Taps the node by its XPath; when the screen changed under it, at the centre of its last known bounds. */
  async tap(locator: string): Promise<void> {
    this.lastAction = locator;
    this.launchMark.firstTapAt ??= this.now();
    await clickOrTapCentre(this.browser, locator, {
      node: this.lastNodes.get(locator),
      tapAt: (point) => this.browser.execute('mobile: click', point),
      coveringDialog: async () => {
        const dump = JSON.parse(await this.browser.execute<string>('mobile: dumpLayout', {})) as DumpLayoutNode;
        return recognisePermissionDialog(parseDumpLayout(dump), layoutFacts(dump).windows.map((w) => w.bundleName))?.message;
      },
    });
  }

  /** Clears the field first: `uiInput inputText` types at the cursor, so a second fill would append to the first. */
  typeText(locator: string, text: string): Promise<void> {
    return typeIntoField(this.browser, locator, text);
  }

  /** Opens the picker, then taps the option at `index` among the new clickable texts. */
  async selectOption(locator: string, index: number): Promise<void> {
    const before = new Set(this.lastNodes.keys());
    await this.tap(locator);
    const { snapshot } = await this.capture(await this.settledDump());
    const options = snapshot.nodes.filter((n) => n.text && n.locator && !before.has(n.locator) && n.bounds.height > 0);
    const option = options[index];
    if (!option?.locator) throw new Error(`the list opened by ${locator} has no option ${index}`);
    await this.tap(option.locator);
  }

  /** App dialogs are part of the layout (the explorer sees them); only the system's permission dialog follows the policy. */
  setDialogPolicy(_dismiss: RegExp): void {}

  async scroll(): Promise<void> {
    const scrollable = [...this.lastNodes.values()].find((n) => n.scrollable && n.bounds.height > 0 && n.locator);
    const args = scrollable?.locator ? { direction: 'down', elementId: elementId(await this.browser.findElement('xpath', scrollable.locator)), percent: 0.75 } : { direction: 'down', percent: 0.6 };
    await this.browser.execute('mobile: scroll', args);
  }

  async back(): Promise<void> {
    this.lastAction = 'back';
    await this.browser.back();
  }

  /** Waits until two layout dumps a quiet interval apart are the same (bounded). */
  async settle(): Promise<void> {
    await this.settledDump();
  }

  /**
   * Dumps the layout until two dumps a quiet interval apart are the same text (the XML page source is made of
   * every attribute of the dump, so it changes exactly when the dump does); resolves to that settled dump, or to
   * undefined when the screen was still changing at the deadline (the caller dumps again).
   */
  private async settledDump(): Promise<string | undefined> {
    const quiet = this.options.settleQuietMs ?? 150;
    const deadline = this.now() + (this.options.settleMaxMs ?? 2000);
    let before = await this.dumpLayout();
    while (this.now() < deadline) {
      await this.sleep(quiet);
      const after = await this.dumpLayout();
      if (after === before) return after;
      before = after;
    }
    return undefined;
  }

  private dumpLayout(): Promise<string> {
    return this.browser.execute<string>('mobile: dumpLayout', {});
  }

  drainNetwork(): Promise<ObservedRequest[]> {
    return Promise.resolve(this.options.network?.drain() ?? []);
  }

  /** hilog errors and new FaultLogger files since the last call. */
  async drainLogs(): Promise<ObservedLog[]> {
    for (const e of (await this.browser.getLogs('hilog').catch(() => [])) as { message?: string; timestamp?: number; level?: string }[]) {
      if (e.message && e.level === 'SEVERE') this.logBuffer.push({ level: 'ERROR', message: e.message, source: 'hilog', ts: e.timestamp ?? this.now() });
    }
    for (const e of (await this.browser.getLogs('faultlog').catch(() => [])) as { message?: string; timestamp?: number }[]) {
      if (e.message) this.logBuffer.push({ level: 'SEVERE', message: e.message, source: 'faultlog', ts: e.timestamp ?? this.now() });
    }
    return this.logBuffer.splice(0);
  }

  /**
   * One capture: answers the permission dialog by policy (a few in a row at most), detects a dead app, builds the
   * snapshot. `settled` is a dump just taken and found settled: the first pass reads it instead of dumping again.
   */
  private async capture(settled?: string): Promise<{ snapshot: UiSnapshot; facts: LayoutFacts }> {
    for (let i = 0; ; i++) {
      const json = i === 0 && settled !== undefined ? settled : await this.dumpLayout();
      const dump = JSON.parse(json) as DumpLayoutNode;
      const nodes = parseDumpLayout(dump);
      const facts = layoutFacts(dump);
      const dialog = recognisePermissionDialog(nodes, facts.windows.map((w) => w.bundleName));
      if (dialog && i < MAX_DIALOGS_PER_CAPTURE) {
        await this.answer(dialog);
        continue;
      }
      if (!facts.windows.some((w) => w.bundleName === this.app.bundleName)) await this.assertAlive();
      this.lastLayoutJson = json;
      this.lastNodes = new Map(nodes.filter((n) => n.locator).map((n) => [n.locator!, n]));
      return { facts, snapshot: toSnapshot(nodes, facts, this.app.bundleName) };
    }
  }

  private async answer(dialog: PermissionDialog): Promise<void> {
    const allow = this.permission === 'allow';
    const answer = allow ? '允许' : '禁止';
    const afterText = this.lastAction === 'launch' ? '启动时' : `在操作「${this.lastNode(this.lastAction)}」之后`;
    this.logBuffer.push({ level: 'DIALOG', source: 'harmonyos-system:permission', message: `系统对话框（权限请求）「${dialog.message}」${afterText}出现，按策略${answer}`, ts: this.now() });
    const label = this.lastNodes.get(this.lastAction)?.text;
    this.prompts.push({ message: dialog.message, answer, after: this.lastAction, ...(label ? { afterLabel: label } : {}), atMs: this.now() });
    const locator = allow ? dialog.allow : dialog.deny;
    if (locator) await this.browser.elementClick(elementId(await this.browser.findElement('xpath', locator)));
    else await this.browser.back();
  }

  private lastNode(locator: string): string {
    return this.lastNodes.get(locator)?.text || locator;
  }

  /** The app is not in any window: dead (crash) or merely left (another app, the desktop). */
  private async assertAlive(): Promise<void> {
    const state = await this.browser.execute<number>('mobile: queryAppState', { appId: this.app.bundleName });
    if (state !== APP_NOT_RUNNING) return;
    const faults = await this.browser.execute<{ reason?: string; errorName?: string; errorMessage?: string; file: string }[]>('mobile: faultLogs', { appId: this.app.bundleName }).catch(() => []);
    const last = faults.at(-1);
    throw new AppCrashedError(last ? `${last.errorName ?? last.reason ?? 'crash'}: ${last.errorMessage ?? ''} (${last.file})`.trim() : `${this.app.bundleName} is no longer running`, '应用进程退出');
  }
}

function toSnapshot(nodes: UiNode[], facts: LayoutFacts, bundle: string): UiSnapshot {
  const own = facts.windows.find((w) => w.bundleName === bundle) ?? facts.windows[0] ?? { bundleName: '', abilityName: '', pagePath: '' };
  return {
    url: '',
    title: own.pagePath.split('/').pop() ?? own.pagePath,
    screenKey: harmonyScreenKey(own),
    visibleText: nodes.map((n) => n.text || (n.label ?? '')).filter(Boolean).join('\n'),
    viewport: { width: facts.width, height: facts.height, devicePixelRatio: 1 },
    nodes,
    canScroll: nodes.some((n) => n.scrollable),
    // ArkUI clickable flags miss gesture handlers on containers: control-like content is probed.
    listenersObserved: false,
  };
}
