/**
 * What the iOS session uses of a WebdriverIO Browser: the native sessions' common part
 * (src/platforms/shared/appium-browser.ts) without Back (iOS has none: the app's own back control
 * or an edge swipe), plus the alert text and the window size XCUITest answers.
 */
import type { AppiumBrowser } from '../shared/appium-browser.js';

export { elementId, type ElementReference } from '../shared/appium-browser.js';

export interface XcuiBrowser extends Omit<AppiumBrowser, 'back'> {
  getAlertText(): Promise<string>;
  getWindowRect(): Promise<{ x: number; y: number; width: number; height: number }>;
}
