/**
 * The simulated HarmonyOS NEXT phone: the platform-neutral device plus what is HarmonyOS's own: system
 * parameters (`param get`), each installed bundle's module, files under /data/local/tmp, FaultLogger's
 * folder, port forwards, and a count of the hdc calls it answered.
 */
import { SimDevice } from '../engine/sim-device.js';
import { PortTable } from '../engine/port-table.js';
import type { SimRequest } from '../engine/app-model.js';
import type { ScreenSize } from '../engine/system-ui.js';
import { sendAppRequest, type SentRequest } from '../engine/request-sender.js';
import { harmonySystemUi } from './harmony-system-ui.js';
import type { HapFacts } from './hap-facts.js';
import { appFreezeLog, jsCrashLog } from './device-outputs.js';
import { harmonyLogStyle } from './harmony-log-style.js';

export const SIM_HARMONY_SCREEN: ScreenSize = { width: 1080, height: 2340, density: 480 };
export const FAULTLOG_DIR = '/data/log/faultlog/faultlogger';

export interface SimHarmonyOptions {
  /** `const.ohos.apiversion` (20: `aa start -W` is available). */
  apiLevel?: number;
  /** When set, every install is refused with this bundle-manager output (a device that does not trust the signature). */
  refuseInstall?: string;
}

/** One simulated HarmonyOS device. */
export class SimHarmony {
  readonly device: SimDevice;
  readonly params: Map<string, string>;
  readonly modules = new Map<string, HapFacts>();
  readonly files = new Map<string, Buffer>();
  readonly faultLogs = new Map<string, string>();
  readonly forwards = new Set<string>();
  /** `hdc rport`: device loopback ports that lead to host ports (how the device reaches a lab proxy on the host). */
  readonly ports = new PortTable({ deviceListener: () => undefined });
  readonly sent: SentRequest[] = [];
  readonly counters = { hdc: 0, byCommand: new Map<string, number>(), unknown: [] as string[] };
  /** The field whose text Ctrl+A selected (the next key or input ends the selection). */
  selectedAll: string | undefined;

  constructor(readonly udid: string, readonly options: SimHarmonyOptions = {}) {
    const api = options.apiLevel ?? 20;
    this.params = new Map([
      ['const.ohos.apiversion', String(api)],
      ['const.product.model', 'SIM-AL00'],
      ['const.product.brand', 'HUAWEI'],
      ['const.product.software.version', `SIM-AL00 5.1.0.${api}(SP1C00E${api}R1P1)`],
      ['const.product.cpu.abilist', 'arm64-v8a'],
      ['const.ohos.fullname', `OpenHarmony-5.1.0.${api}`],
    ]);
    this.device = new SimDevice({
      screen: SIM_HARMONY_SCREEN, systemUi: harmonySystemUi,
      send: (request, from) => this.send(request, from),
      logStyle: harmonyLogStyle((pkg, pid, exception) => this.recordCrash(pkg, pid, exception), (pkg, pid, waitedMs) => this.recordFreeze(pkg, pid, waitedMs)),
    });
  }

  /** Counts one answered hdc call under its command name. */
  count(command: string): void {
    this.counters.hdc += 1;
    this.counters.byCommand.set(command, (this.counters.byCommand.get(command) ?? 0) + 1);
  }

  /** Notes a command the double does not know. */
  noteUnknown(what: string): void {
    if (this.counters.unknown.length < 200) this.counters.unknown.push(what);
  }

  /** FaultLogger writes `jscrash-<process>-<uid>-<ms>.log` for an ArkTS exception that kills the app. */
  private recordCrash(pkg: string, pid: number, exception: string): void {
    const installed = this.device.packages.get(pkg);
    if (!installed) return;
    const at = this.device.now();
    this.faultLogs.set(`jscrash-${pkg}-${installed.uid}-${at}.log`, jsCrashLog(installed, pid, exception, new Date(at)));
  }

  /** FaultLogger writes `appfreeze-<process>-<uid>-<ms>.log` for an input the app did not handle (APP_INPUT_BLOCK). */
  private recordFreeze(pkg: string, pid: number, waitedMs: number): void {
    const installed = this.device.packages.get(pkg);
    if (!installed) return;
    const at = this.device.now();
    this.faultLogs.set(`appfreeze-${pkg}-${installed.uid}-${at}.log`, appFreezeLog(installed, pid, waitedMs, new Date(at)));
  }

  /**
   * 设置 › WLAN › 代理 (manual): no documented hdc command sets it, so on a real device the lab does it by hand;
   * here the run's setup does what the lab's hand would. undefined: 无 (no proxy).
   */
  setWlanProxy(hostPort: string | undefined): void {
    this.device.proxyAddress = hostPort;
  }

  /** Stops every app process and its timers. */
  close(): void {
    for (const name of [...this.device.processes.keys()]) this.device.forceStop(name);
    void this.ports.closeAll();
  }

  /**
   * Through the WLAN proxy when one is set: a loopback proxy is reached only through an `hdc rport` of its port.
   * Network Kit trusts user-installed CAs unless the app's network_config.json says otherwise, so a model that
   * does not say `trustsUserCa: false` accepts the lab CA the lab installed in 设置.
   */
  private send(request: SimRequest, from: { pkg: string; context: string; proxy: string | undefined; trustsUserCa: boolean }): void {
    const pid = this.device.processes.get(from.pkg)?.pid ?? 0;
    const proxy = from.proxy ? this.ports.resolveProxy(from.proxy) : undefined;
    if (proxy === null) {
      this.sent.push({ pkg: from.pkg, context: from.context, method: request.method, url: request.url, via: from.proxy, error: 'proxy unreachable (no hdc rport for it)', at: Date.now() });
      this.device.writeLog('W', 'SimNet', `${request.method} ${request.url} failed: proxy ${from.proxy} unreachable`, pid);
      return;
    }
    const trustsUserCa = this.device.packages.get(from.pkg)?.model?.trustsUserCa ?? true;
    void sendAppRequest(request, { ...from, proxy, trustsUserCa }).then((result) => {
      this.sent.push({ ...result, via: from.proxy });
      this.device.writeLog(result.error ? 'W' : 'D', 'SimNet', `${request.method} ${request.url} → ${result.status ?? result.error ?? '?'}${from.proxy ? ` via proxy ${from.proxy}` : ''}`, pid);
    });
  }
}
