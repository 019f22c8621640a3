/**
 * The simulated iPhone: the platform-neutral device engine plus what is iOS's own — the screen in
 * points over @3x pixels, SpringBoard, the permission alert, the Wi-Fi proxy, and the
 * WebDriverAgent view of it all (WdaDevice) that the fake WDA serves. Requests the app sends go
 * out for real (through the Wi-Fi proxy when one is set), as on a phone.
 */
import type { SimRequest } from '../engine/app-model.js';
import { sendAppRequest, type SentRequest } from '../engine/request-sender.js';
import { renderScreenshot } from '../engine/screenshot.js';
import { SimDevice } from '../engine/sim-device.js';
import { flatten, type ViewNode } from '../engine/view-tree.js';
import type { IpaFacts } from './ipa-facts.js';
import { IosSystemUi, SPRINGBOARD } from './ios-system-ui.js';
import { APP_STATE, type AppState, type WdaDevice, type WdaDeviceInfo } from './wda-device.js';
import type { ShownNode } from './xcui-tree.js';

/** Pixels per point. */
export const SIM_SCALE = 3;
export const SIM_IOS_INFO: WdaDeviceInfo = {
  udid: '00008110-0000SIMULATED0', name: 'iPhone（模拟设备）', model: 'iPhone15,4', osVersion: '17.4', locale: 'zh_CN', timeZone: 'Asia/Shanghai',
  screen: { width: 390, height: 844 }, scale: SIM_SCALE, statusBarHeight: 47,
};
const EDGE = 20;

export class SimIos implements WdaDevice {
  readonly info = SIM_IOS_INFO;
  readonly device: SimDevice;
  readonly sent: SentRequest[] = [];
  private readonly usage = new Map<string, Record<string, string>>();

  constructor() {
    const ui = new IosSystemUi((label, key) => this.usage.get(label)?.[key]);
    this.device = new SimDevice({
      screen: { width: this.info.screen.width * SIM_SCALE, height: this.info.screen.height * SIM_SCALE, density: 460 },
      systemUi: ui,
      send: (request, from) => this.send(request, from),
      codeDir: '/private/var/containers/Bundle/Application',
    });
  }

  /** Installs an .ipa's facts (what `ideviceinstaller` / Xcode would do before the audit). */
  install(facts: IpaFacts): void {
    this.usage.set(facts.label ?? facts.packageName, facts.usage);
    this.device.install(facts);
  }

  /** Points the Wi-Fi HTTP proxy at `host:port` (undefined: off). */
  setProxy(hostPort: string | undefined): void {
    if (hostPort) this.device.settings.global.set('http_proxy', hostPort);
    else this.device.settings.global.delete('http_proxy');
    this.device.proxyAddress = hostPort;
  }

  active(): { bundleId: string; name: string; pid: number } {
    const top = this.device.foreground();
    const pkg = top ? this.device.packages.get(top) : undefined;
    if (!top || !pkg) return { bundleId: SPRINGBOARD, name: ' ', pid: 60 };
    return { bundleId: top, name: pkg.label ?? top, pid: this.device.processes.get(top)?.pid ?? 0 };
  }

  view(): ShownNode {
    return toPoints(this.device.view());
  }

  tap(x: number, y: number): void {
    this.device.tap(x * SIM_SCALE, y * SIM_SCALE);
  }

  /** A left-edge swipe pops the navigation stack when the screen has a back button; a vertical drag scrolls what is under the finger. */
  drag(from: { x: number; y: number }, to: { x: number; y: number }): void {
    const session = this.device.topSession();
    if (!session) return;
    const nodes = flatten(session.view());
    if (from.x <= EDGE && to.x - from.x > 100 && Math.abs(to.y - from.y) < 80) {
      const back = nodes.find((n) => n.node.id === 'nav.back');
      if (back) this.device.tap(Math.round((back.bounds[0] + back.bounds[2]) / 2), Math.round((back.bounds[1] + back.bounds[3]) / 2));
      return;
    }
    const [px, py] = [from.x * SIM_SCALE, from.y * SIM_SCALE];
    const under = nodes.filter((n) => n.node.scrollable && px >= n.bounds[0] && px < n.bounds[2] && py >= n.bounds[1] && py < n.bounds[3]).at(-1);
    if (under) session.scrollBy(under.key, Math.round((from.y - to.y) * SIM_SCALE));
  }

  setText(key: string, text: string): boolean {
    return this.device.topSession()?.setText(key, text) ?? false;
  }

  focusedKey(): string | undefined {
    const session = this.device.topSession();
    return session ? flatten(session.view()).find((n) => n.focused)?.key : undefined;
  }

  appState(bundleId: string): AppState {
    if (!this.device.packages.has(bundleId)) return APP_STATE.unknown;
    if (this.device.foreground() === bundleId) return APP_STATE.foreground;
    return this.device.processes.has(bundleId) ? APP_STATE.background : APP_STATE.notRunning;
  }

  async launch(bundleId: string): Promise<void> {
    this.assertInstalled(bundleId);
    await this.device.launch(bundleId, { restart: true });
  }

  async activate(bundleId: string): Promise<void> {
    this.assertInstalled(bundleId);
    await this.device.launch(bundleId);
  }

  terminate(bundleId: string): boolean {
    const running = this.device.processes.has(bundleId);
    this.device.forceStop(bundleId);
    return running;
  }

  home(): void {
    this.device.home();
  }

  resetAuthorization(usageKeys: readonly string[]): void {
    const { bundleId } = this.active();
    const pkg = this.device.packages.get(bundleId);
    if (!pkg) return;
    for (const key of usageKeys) {
      pkg.granted.delete(key);
      pkg.denied.delete(key);
    }
    this.device.forceStop(bundleId);
  }

  installedApps(): { bundleId: string; name: string }[] {
    return [...this.device.packages.values()].map((p) => ({ bundleId: p.packageName, name: p.label ?? p.packageName }));
  }

  screenshot(): Promise<Buffer> {
    return renderScreenshot(this.device.view(), this.device.screen);
  }

  /** Stops every app (and its timers). */
  close(): void {
    for (const name of [...this.device.processes.keys()]) this.device.forceStop(name);
  }

  private assertInstalled(bundleId: string): void {
    if (!this.device.packages.has(bundleId)) throw new Error(`The application with bundle identifier '${bundleId}' is not installed on the device`);
  }

  private send(request: SimRequest, from: { pkg: string; context: string; proxy: string | undefined; trustsUserCa: boolean }): void {
    const pid = this.device.processes.get(from.pkg)?.pid ?? 0;
    void sendAppRequest(request, from).then((result) => {
      this.sent.push(result);
      this.device.writeLog(result.error ? 'W' : 'D', 'CFNetwork', `${request.method} ${request.url} → ${result.status ?? result.error ?? '?'}${from.proxy ? ` via proxy ${from.proxy}` : ''}`, pid);
    });
  }
}

/** The displayed tree in points (the engine works in device pixels). */
function toPoints(n: ViewNode): ShownNode {
  const [l, t, r, b] = n.bounds;
  return { key: n.key, node: n.node, text: n.text, bounds: [Math.round(l / SIM_SCALE), Math.round(t / SIM_SCALE), Math.round(r / SIM_SCALE), Math.round(b / SIM_SCALE)], children: n.children.map(toPoints) };
}
