/**
 * A scripted AppiumBrowser for unit tests: screens as page sources, taps (by XPath) moving between
 * them, mobile: commands recorded. It stands in for WebdriverIO + Appium, not for the device double.
 */
import type { ElementReference, AppiumBrowser } from '../../../src/platforms/shared/appium-browser.js';

export interface FakeScreen {
  xml: string;
  activity: string;
  /** XPath tapped → next screen name ('dead' kills the app). */
  taps?: Record<string, string>;
}

export class FakeUia2 implements AppiumBrowser {
  readonly sessionId = 'fake';
  readonly calls: { script: string; args: unknown[] }[] = [];
  readonly clicks: string[] = [];
  alive = true;
  logcat: string[] = [];
  shellAnswers: Record<string, string> = {};
  private elements = new Map<string, string>();

  constructor(private readonly screens: Record<string, FakeScreen>, public current: string) {}

  getPageSource(): Promise<string> {
    return Promise.resolve(this.screens[this.current]!.xml);
  }
  takeScreenshot(): Promise<string> {
    return Promise.resolve(Buffer.from('png').toString('base64'));
  }
  back(): Promise<unknown> {
    this.clicks.push('back');
    return Promise.resolve(null);
  }
  execute<T>(script: string, ...args: unknown[]): Promise<T> {
    this.calls.push({ script, args });
    const a = (args[0] ?? {}) as { appId?: string; command?: string; args?: string[] };
    const answer = (): unknown => {
      switch (script) {
        case 'mobile: getCurrentActivity': return this.screens[this.current]!.activity;
        case 'mobile: queryAppState': return this.alive ? 4 : 1;
        case 'mobile: shell': return this.shellAnswers[[a.command, ...(a.args ?? [])].join(' ')] ?? '';
        default: return null;
      }
    };
    return Promise.resolve(answer() as T);
  }
  findElement(using: string, value: string): Promise<ElementReference> {
    if (using !== 'xpath' || !this.screens[this.current]!.xml.includes('<')) return Promise.reject(new Error('no such element'));
    const id = `el-${this.elements.size}`;
    this.elements.set(id, value);
    return Promise.resolve({ 'element-6066-11e4-a52e-4f735466cecf': id });
  }
  elementClick(id: string): Promise<unknown> {
    const xpath = this.elements.get(id)!;
    this.clicks.push(xpath);
    const next = this.screens[this.current]!.taps?.[xpath];
    if (next === 'dead') this.alive = false;
    if (next) this.current = next;
    return Promise.resolve(null);
  }
  elementClear(): Promise<unknown> {
    return Promise.resolve(null);
  }
  elementSendKeys(id: string, text: string): Promise<unknown> {
    this.clicks.push(`type ${this.elements.get(id)!} ${text}`);
    return Promise.resolve(null);
  }
  getLogs(): Promise<object[]> {
    return Promise.resolve(this.logcat.splice(0).map((message) => ({ message, timestamp: 1, level: 'ALL' })));
  }
}

/** A UiAutomator2-style source (tags are class names) from a compact body. */
export function source(pkg: string, body: string, width = 1080, height = 2400): string {
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy index="0" class="hierarchy" rotation="0" width="${width}" height="${height}"><android.widget.FrameLayout index="0" package="${pkg}" class="android.widget.FrameLayout" bounds="[0,0][${width},${height}]" displayed="true">${body}</android.widget.FrameLayout></hierarchy>`;
}
