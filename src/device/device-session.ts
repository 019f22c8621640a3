/**
 * The narrow device interface the explorer uses. Each platform (H5 through Appium + Chromium now;
 * UiAutomator2, XCUITest and HarmonyOS later) implements it behind an adapter; WebdriverIO and
 * Appium never leak past it.
 */
import type { NetworkEvent, UiNode } from '../evidence/types.js';

/** What the screen looks like right now, in the platform-neutral UI model. */
export interface UiSnapshot {
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

export interface DeviceSession {
  readonly platform: UiNode['platform'];
  /** Starts the app afresh (cold start for native apps, a new navigation for H5). */
  launch(): Promise<void>;
  snapshot(): Promise<UiSnapshot>;
  /** PNG of the current screen. */
  screenshot(): Promise<Buffer>;
  tap(locator: string): Promise<void>;
  back(): Promise<void>;
  /** Waits until the screen stops changing (bounded). */
  settle(): Promise<void>;
  /** Requests completed since the last call. */
  drainNetwork(): Promise<ObservedRequest[]>;
  /** Console/log entries since the last call. */
  drainLogs(): Promise<ObservedLog[]>;
  /** Settle and snapshot in one go (fewer round trips); optional, the explorer falls back to settle + snapshot. */
  observe?(): Promise<UiSnapshot>;
  /** Types text into an input (replacing its value). Platforms without text entry leave it out. */
  typeText?(locator: string, text: string): Promise<void>;
  /** Picks the option at `index` of a select. */
  selectOption?(locator: string, index: number): Promise<void>;
  /** Scrolls the main content down by about a screen. */
  scroll?(): Promise<void>;
  /** Forgets what the app stored (cookies and web storage for H5; app data on native), so a recorded path starts signed out, as exploration did. */
  clearAppData?(): Promise<void>;
  /** JS dialogs whose message matches are dismissed; all others accepted. */
  setDialogPolicy?(dismiss: RegExp): void;
  /**
   * Brings the app back after an AppCrashedError (H5: a new session, then a launch) and shows its
   * launch screen; throws when it cannot. Platforms that cannot recover leave it out.
   */
  relaunchAfterCrash?(): Promise<void>;
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
