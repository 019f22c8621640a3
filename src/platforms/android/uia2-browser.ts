/**
 * The part of a WebdriverIO Browser the Android session uses, typed narrowly so the session can be
 * unit-tested with a recorded double and so nothing else of WebdriverIO leaks into the platform.
 * All of these are plain W3C/Appium commands that the UiAutomator2 driver answers.
 */

/** A W3C element reference as WebdriverIO's protocol commands return it. */
export type ElementReference = Record<string, string>;

export interface Uia2Browser {
  readonly sessionId: string;
  getPageSource(): Promise<string>;
  takeScreenshot(): Promise<string>;
  back(): Promise<unknown>;
  /** `mobile:` extension commands (UiAutomator2 and the Android driver it builds on). */
  execute(script: string, ...args: unknown[]): Promise<unknown>;
  findElement(using: string, value: string): Promise<ElementReference>;
  elementClick(elementId: string): Promise<unknown>;
  elementClear(elementId: string): Promise<unknown>;
  elementSendKeys(elementId: string, text: string): Promise<unknown>;
  getLogs(type: string): Promise<object[]>;
}

/** The id inside a W3C element reference (`element-6066-…` or the legacy `ELEMENT`). */
export function elementId(ref: ElementReference): string {
  const id = ref['element-6066-11e4-a52e-4f735466cecf'] ?? ref.ELEMENT;
  if (!id) throw new Error(`not an element reference: ${JSON.stringify(ref)}`);
  return id;
}
