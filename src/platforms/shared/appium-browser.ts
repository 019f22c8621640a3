/**
 * The part of a WebdriverIO Browser the native sessions use (Android over UiAutomator2, HarmonyOS
 * over appium-harmonyos-driver, iOS over XCUITest), typed narrowly so each session can be tested
 * with a recorded double and nothing else of WebdriverIO leaks into the platforms. All are plain
 * W3C/Appium commands; each platform adds the few its driver answers besides.
 */

/** A W3C element reference as WebdriverIO's protocol commands return it. */
export type ElementReference = Record<string, string>;

export interface AppiumBrowser {
  readonly sessionId: string;
  getPageSource(): Promise<string>;
  takeScreenshot(): Promise<string>;
  back(): Promise<unknown>;
  /** `mobile:` extension commands of the platform's driver. */
  execute<T>(script: string, ...args: unknown[]): Promise<T>;
  findElement(using: string, value: string): Promise<ElementReference>;
  elementClick(elementId: string): Promise<unknown>;
  elementClear(elementId: string): Promise<unknown>;
  elementSendKeys(elementId: string, text: string): Promise<unknown>;
  getLogs(type: string): Promise<object[]>;
}

/** The id inside a W3C element reference (`element-6066-…` or the legacy `ELEMENT`); throws on anything else (an error object). */
export function elementId(ref: ElementReference): string {
  const id = ref['element-6066-11e4-a52e-4f735466cecf'] ?? ref.ELEMENT;
  if (!id) throw new Error(`not an element reference: ${JSON.stringify(ref)}`);
  return id;
}
