/**
 * The narrow device interface the explorer uses. Each platform (H5 through Appium + Chromium now;
 * UiAutomator2, XCUITest and HarmonyOS later) implements it behind an adapter; WebdriverIO and
 * Appium never leak past it.
 */
import type { NetworkEvent, UiNode } from '../evidence/types.js';
import type { PlatformId } from '../platforms/platform-id.js';

/** What the screen looks like right now, in the platform-neutral UI model. */
export interface UiSnapshot {
  /**
   * The platform's screen identity, free of volatile parts (H5: the route, path + hash without query
   * values, record ids as `:id`; Android: `package/activity`; HarmonyOS: bundle/ability/page).
   * Screen identity is built on it, never on `url`.
   */
  screenKey: string;
  /** Where the page is (H5); for display and the same-origin rule only. Native platforms give ''. */
  url: string;
  title: string;
  visibleText: string;
  viewport: { width: number; height: number; devicePixelRatio: number };
  nodes: UiNode[];
  /** More content below the fold: a scroll may reveal (or lazily load) more. */
  canScroll?: boolean;
  /**
   * True when the platform saw every tap-like handler of the page (H5: the listener recorder was
   * installed before the app's first script ran). Then a node neither clickable nor `delegated`
   * cannot respond to a tap and is not probed; otherwise control-like content is probed.
   */
  listenersObserved?: boolean;
  /** JS dialogs (alert/confirm/prompt) the page opened since the last snapshot, and how they were answered. */
  dialogs?: ObservedDialog[];
}

export interface ObservedDialog {
  kind: 'alert' | 'confirm' | 'prompt';
  message: string;
  accepted: boolean;
}

/** A request as the device saw it, before it is tied to a screen. */
export type ObservedRequest = Omit<NetworkEvent, 'type' | 'screenId'>;

export interface ObservedLog {
  level: string;
  message: string;
  source?: string;
  ts: number;
}

/**
 * What a session can do. A platform says it here instead of leaving methods out: a method whose
 * capability is false throws CapabilityMissingError, and consumers branch on `can` first. What a
 * session cannot observe is "not observed", never "nothing happened": a check that needs it is
 * inconclusive, naming what was not observed.
 */
export interface SessionCapabilities {
  /** drainNetwork() sees the app's requests (H5: the performance log; Android: a proxy). */
  readonly networkObserved: boolean;
  /** drainLogs() sees the app's console/log output. */
  readonly logs: boolean;
  /** Dialogs (JS alert/confirm/prompt, system dialogs) are answered by policy (setDialogPolicy) and reported in snapshots. */
  readonly dialogs: boolean;
  /** The app's clock can be moved (the probes' clock-control tool). */
  readonly clockControl: boolean;
  /** clearAppData() forgets what the app stored. */
  readonly clearData: boolean;
  /** relaunchAfterCrash() brings a dead app back. */
  readonly relaunchAfterCrash: boolean;
  /** Permission requests can be answered granted/denied on purpose (the probes' permission-control tool). */
  readonly permissionControl: boolean;
  /** typeText() and selectOption() fill forms. */
  readonly textEntry: boolean;
  /** scroll() moves the main content down. */
  readonly scroll: boolean;
}

/** The names of the capabilities, for messages and tests. */
export type SessionCapability = keyof SessionCapabilities;

/** A session that can do nothing beyond launch, snapshot, tap, back and screenshots (a base to spread over). */
export const NO_CAPABILITIES: SessionCapabilities = Object.freeze({
  networkObserved: false, logs: false, dialogs: false, clockControl: false, clearData: false,
  relaunchAfterCrash: false, permissionControl: false, textEntry: false, scroll: false,
});

export interface DeviceSession {
  readonly platform: PlatformId;
  /** What this session can do; methods of a capability that is false throw CapabilityMissingError. */
  readonly can: SessionCapabilities;
  /** Starts the app afresh (cold start for native apps, a new navigation for H5). */
  launch(): Promise<void>;
  snapshot(): Promise<UiSnapshot>;
  /** PNG of the current screen. */
  screenshot(): Promise<Buffer>;
  tap(locator: string): Promise<void>;
  back(): Promise<void>;
  /** Waits until the screen stops changing (bounded). */
  settle(): Promise<void>;
  /** Settle and snapshot in one go (H5: one round trip; elsewhere settle() then snapshot()). */
  observe(): Promise<UiSnapshot>;
  /** Requests completed since the last call (can.networkObserved). */
  drainNetwork(): Promise<ObservedRequest[]>;
  /** Console/log entries since the last call (can.logs). */
  drainLogs(): Promise<ObservedLog[]>;
  /** Types text into an input, replacing its value (can.textEntry). */
  typeText(locator: string, text: string): Promise<void>;
  /** Picks the option at `index` of a select (can.textEntry). */
  selectOption(locator: string, index: number): Promise<void>;
  /** Scrolls the main content down by about a screen (can.scroll). */
  scroll(): Promise<void>;
  /** Forgets what the app stored (cookies and web storage for H5; app data on native), so a recorded path starts signed out, as exploration did (can.clearData). */
  clearAppData(): Promise<void>;
  /** Dialogs whose message matches are dismissed; all others accepted (can.dialogs). */
  setDialogPolicy(dismiss: RegExp): void;
  /**
   * Brings the app back after an AppCrashedError (H5: a new session, then a launch) and shows its
   * launch screen; throws when it cannot (can.relaunchAfterCrash).
   */
  relaunchAfterCrash(): Promise<void>;
}

/** A session was asked for something its platform cannot do (a caller that did not look at `can`). */
export class CapabilityMissingError extends Error {
  override readonly name = 'CapabilityMissingError';
  readonly code = 'capability-missing';
  constructor(readonly platform: PlatformId, readonly capability: SessionCapability) {
    super(`The ${platform} session cannot do "${capability}" (DeviceSession.can.${capability} is false).`);
  }
}

/**
 * The app under test died during a device call (H5: the page's renderer crashed; native: the
 * process is gone). Every later call fails the same way until relaunchAfterCrash().
 */
export class AppCrashedError extends Error {
  override readonly name = 'AppCrashedError';
  readonly code = 'app-crashed';
  /** `kind` says what died, for people: 渲染进程终止 (H5), 应用进程退出 (native). */
  constructor(message: string, readonly kind: string) {
    super(message);
  }
}

/** True when a device call failed because the app died (also across module copies). */
export function isAppCrash(value: unknown): value is AppCrashedError {
  return value instanceof Error && value.name === 'AppCrashedError' && 'kind' in value;
}
