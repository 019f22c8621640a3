/**
 * What the fake WebDriverAgent needs from the device it fronts. `engine-device.ts` implements it
 * over the shared simulated-device engine; the server never touches the engine itself.
 */
import type { ShownNode } from './xcui-tree.js';

/** XCUIApplicationState values WDA returns from /wda/apps/state. */
export const APP_STATE = { unknown: 0, notRunning: 1, background: 3, foreground: 4 } as const;
export type AppState = (typeof APP_STATE)[keyof typeof APP_STATE];

export interface WdaDeviceInfo {
  udid: string;
  name: string;
  model: string;
  osVersion: string;
  locale: string;
  timeZone: string;
  /** Points. */
  screen: { width: number; height: number };
  /** Pixels per point of screenshots. */
  scale: number;
  statusBarHeight: number;
}

export interface WdaDevice {
  readonly info: WdaDeviceInfo;
  /** The bundle in front and its display name (SpringBoard when no app is). */
  active(): { bundleId: string; name: string; pid: number };
  /** The displayed tree of the active app (with any system alert over it). */
  view(): ShownNode;
  tap(x: number, y: number): void;
  /** A one-finger drag; a left-edge swipe is the interactive back gesture, a vertical one scrolls. */
  drag(from: { x: number; y: number }, to: { x: number; y: number }): void;
  /** Replaces the text of the editable node with this view key; false when it is not editable. */
  setText(key: string, text: string): boolean;
  /** The view key of the editable node with keyboard focus. */
  focusedKey(): string | undefined;
  appState(bundleId: string): AppState;
  /** XCUIApplication.launch: a fresh (cold) start, terminating a running instance first. */
  launch(bundleId: string): Promise<void>;
  /** XCUIApplication.activate: to the front, launching it when not running. */
  activate(bundleId: string): Promise<void>;
  /** True when the app was running. */
  terminate(bundleId: string): boolean;
  home(): void;
  /**
   * XCUIApplication.resetAuthorizationStatus on WDA's active application: its answers for these
   * usage keys are forgotten (the next request prompts again) and, as iOS does, the app is terminated
   * when running. SpringBoard in front: nothing is reset.
   */
  resetAuthorization(usageKeys: readonly string[]): void;
  installedApps(): { bundleId: string; name: string }[];
  /** PNG of the display at `scale`. */
  screenshot(): Promise<Buffer>;
}
