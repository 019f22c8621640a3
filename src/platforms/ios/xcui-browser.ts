/**
 * The part of a WebdriverIO Browser the iOS session uses, typed narrowly so the session can be
 * unit-tested with a recorded double. All are W3C or XCUITest `mobile:` commands the driver
 * forwards to WebDriverAgent.
 */
export type ElementReference = Record<string, string>;

export interface XcuiBrowser {
  readonly sessionId: string;
  getPageSource(): Promise<string>;
  takeScreenshot(): Promise<string>;
  execute<T>(script: string, ...args: unknown[]): Promise<T>;
  findElement(using: string, value: string): Promise<ElementReference>;
  elementClick(elementId: string): Promise<unknown>;
  elementClear(elementId: string): Promise<unknown>;
  elementSendKeys(elementId: string, text: string): Promise<unknown>;
  getAlertText(): Promise<string>;
  getWindowRect(): Promise<{ x: number; y: number; width: number; height: number }>;
  /** Device logs the driver collects (`syslog`, `crashlog`); needs usbmuxd on a Linux host. */
  getLogs(type: string): Promise<object[]>;
}

/** The id inside a W3C element reference (`element-6066-…` or the legacy `ELEMENT`). */
export function elementId(ref: ElementReference): string {
  const id = ref['element-6066-11e4-a52e-4f735466cecf'] ?? ref.ELEMENT;
  if (!id) throw new Error(`not an element reference: ${JSON.stringify(ref)}`);
  return id;
}
