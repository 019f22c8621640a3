/**
 * The simulated Android phone: the platform-neutral device plus what is Android's own: system properties,
 * adb port forwards/reverses, files pushed to /data/local/tmp, the UiAutomator2 instrumentation, and counters
 * of the adb and HTTP calls it answered (for the session-start figures).
 */
import { SimDevice } from '../engine/sim-device.js';
import type { SimRequest } from '../engine/app-model.js';
import { defaultProps, SIM_SCREEN } from './device-props.js';
import { androidSystemUi } from './android-system-ui.js';
import { androidLogStyle } from './android-log-style.js';
import { PortTable, type DevicePorts } from '../engine/port-table.js';
import type { Server as HttpServer } from 'node:http';
import { createUia2Server, type Uia2State } from './uia2-server.js';
import { sendAppRequest, type SentRequest } from '../engine/request-sender.js';

export const UIA2_DEVICE_PORT = 6790;
export const UIA2_SERVER_PACKAGE = 'io.appium.uiautomator2.server';

export interface CallCounters {
  adb: number;
  http: number;
  /** Connections made to the on-device UiAutomator2 server through a forward (each new TCP connection). */
  serverConnections: number;
  adbByCommand: Map<string, number>;
  httpByRoute: Map<string, number>;
  unknown: string[];
}

/** One simulated Android device. */
export class SimAndroid implements DevicePorts {
  readonly device: SimDevice;
  readonly props: Map<string, string>;
  readonly ports: PortTable;
  readonly files = new Map<string, Buffer>();
  readonly sent: SentRequest[] = [];
  readonly counters: CallCounters = { adb: 0, http: 0, serverConnections: 0, adbByCommand: new Map(), httpByRoute: new Map(), unknown: [] };
  /** Set while `am instrument` of the UiAutomator2 server runs. */
  instrumentationRunning = false;
  screenOn = true;
  locked = false;

  constructor(readonly serial: string) {
    this.props = defaultProps(serial);
    this.device = new SimDevice({
      screen: SIM_SCREEN,
      systemUi: androidSystemUi,
      logStyle: androidLogStyle,
      send: (request, from) => this.send(request, from),
    });
    this.device.settings.global.set('hidden_api_policy', '1');
    this.device.settings.secure.set('default_input_method', 'com.android.inputmethod.latin/.LatinIME');
    this.device.settings.system.set('screen_off_timeout', '600000');
    this.ports = new PortTable(this);
    this.uia2 = createUia2Server(this);
    this.uia2Server = this.uia2.server;
  }

  readonly uia2: { server: HttpServer; state: Uia2State };

  /** The UiAutomator2 server listens on its device port while its instrumentation runs. */
  uia2Server: HttpServer | undefined;

  /** What listens on a device port (only the UiAutomator2 server here). */
  deviceListener(port: number): HttpServer | undefined {
    if (port !== UIA2_DEVICE_PORT || !this.instrumentationRunning) return undefined;
    this.counters.serverConnections += 1;
    return this.uia2Server;
  }

  /** Ends the running `am instrument` stream (set while it runs); the server quits after its session is deleted. */
  endInstrumentation: (() => void) | undefined;

  /** The UiAutomator2 instrumentation ends: its server stops listening and its open connections drop. */
  stopInstrumentation(): void {
    this.instrumentationRunning = false;
    this.ports.dropConnections(UIA2_DEVICE_PORT);
    this.uia2.state.sessionId = null;
    this.device.forceStop(UIA2_SERVER_PACKAGE);
  }

  /** Counts one answered adb call under its command name. */
  countAdb(command: string): void {
    this.counters.adb += 1;
    this.counters.adbByCommand.set(command, (this.counters.adbByCommand.get(command) ?? 0) + 1);
  }

  /** Counts one answered UiAutomator2 HTTP call under its route. */
  countHttp(route: string): void {
    this.counters.http += 1;
    this.counters.httpByRoute.set(route, (this.counters.httpByRoute.get(route) ?? 0) + 1);
  }

  /** Notes a command the double does not know (answered as an empty success). */
  noteUnknown(what: string): void {
    if (this.counters.unknown.length < 200) this.counters.unknown.push(what);
  }

  /** Stops every listener and timer. */
  async close(): Promise<void> {
    for (const name of [...this.device.processes.keys()]) this.device.forceStop(name);
    await this.ports.closeAll();
  }

  private send(request: SimRequest, from: { pkg: string; context: string; proxy: string | undefined; trustsUserCa: boolean }): void {
    const proxy = from.proxy ? this.ports.resolveProxy(from.proxy) : undefined;
    const pid = this.device.processes.get(from.pkg)?.pid ?? 0;
    if (proxy === null) {
      this.sent.push({ pkg: from.pkg, context: from.context, method: request.method, url: request.url, via: from.proxy, error: 'proxy unreachable (no adb reverse for it)', at: Date.now() });
      this.device.writeLog('W', 'SimNet', `${request.method} ${request.url} failed: proxy ${from.proxy} unreachable`, pid);
      return;
    }
    void sendAppRequest(request, { ...from, proxy }).then((result) => {
      // `via` is the device's own proxy setting, as the app saw it (not where adb reverse led).
      this.sent.push({ ...result, via: from.proxy });
      const line = `${request.method} ${request.url} → ${result.status ?? result.error ?? '?'}${from.proxy ? ` via proxy ${from.proxy}` : ''}`;
      this.device.writeLog(result.error ? 'W' : 'D', 'SimNet', line, pid);
    });
  }
}
