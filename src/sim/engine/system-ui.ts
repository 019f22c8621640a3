/** What the platform draws itself over apps: the runtime permission dialog, toasts, the home screen. */
import type { SimNode } from './app-model.js';

export interface ScreenSize {
  width: number;
  height: number;
  /** Dots per inch (Android `wm density`). */
  density: number;
}

/** A tree drawn by a system package over (or instead of) the app. */
export interface SystemLayer {
  pkg: string;
  activity: string;
  root: SimNode;
}

/** Platform-specific system surfaces; each front supplies its own (Android: com.android.permissioncontroller). */
export interface SystemUi {
  permissionDialog(appLabel: string, permission: string, screen: ScreenSize): SystemLayer;
  toast(text: string, screen: ScreenSize): SimNode;
  home(screen: ScreenSize, apps: { label: string; pkg: string }[]): SystemLayer;
  /** The "app isn't responding" dialog with wait / close buttons (`system: 'anr-wait' | 'anr-close'`). */
  anrDialog?(appLabel: string, screen: ScreenSize): SystemLayer;
  /** How long after a screen its own permission request shows (default SCREEN_PROMPT_DELAY_MS; 0: at once). */
  readonly screenPromptDelayMs?: number;
  /** A package without a scripted model shows this (e.g. io.appium.settings). */
  blank(pkg: string, activity: string, screen: ScreenSize): SystemLayer;
}
