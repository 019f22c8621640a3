/**
 * The simulated device: installed packages, running processes, the foreground app and its screen, the device
 * clock, settings (proxy…), runtime permission grants, the clipboard and app-op records, the log. Platform
 * fronts (adb, hdc) translate their commands into calls on this object; nothing here knows a command syntax.
 */
import { AppSession, qualify, type AppHost } from './app-session.js';
import { DeviceLog, type LogLevel } from './device-log.js';
import type { InstalledPackage, PackageFacts } from './installed-package.js';
import type { SimRequest } from './app-model.js';
import type { ScreenSize, SystemUi } from './system-ui.js';
import type { ViewNode } from './view-tree.js';
import { buildViewTree } from './view-tree.js';

export interface SimDeviceOptions {
  screen: ScreenSize;
  systemUi: SystemUi;
  /** Sends an app request (the network front decides direct or via the proxy). */
  send(request: SimRequest, from: { pkg: string; context: string; proxy: string | undefined; trustsUserCa: boolean }): void;
  /** Where the device keeps packages (`/data/app`). */
  codeDir?: string;
}

export interface RunningProcess {
  pid: number;
  pkg: string;
  startedAt: number;
  session?: AppSession;
  timers: NodeJS.Timeout[];
}

export interface LaunchResult {
  cold: boolean;
  /** Time until the first screen showed (the scripted cold start plus process creation). */
  totalMs: number;
  activity: string;
}

export interface AppOpRecord {
  op: string;
  lastAccess: number;
  count: number;
}

const FIRST_APP_UID = 10_100;

/** State and behaviour of one simulated device. */
export class SimDevice {
  readonly packages = new Map<string, InstalledPackage>();
  readonly settings = { global: new Map<string, string>(), secure: new Map<string, string>(), system: new Map<string, string>() };
  readonly log = new DeviceLog();
  readonly processes = new Map<string, RunningProcess>();
  readonly appOps = new Map<string, Map<string, AppOpRecord>>();
  /** Foreground order: last is on top. */
  readonly recents: string[] = [];
  clockOffsetMs = 0;
  clipboard = '';
  private nextPid = 4200;
  private nextUid = FIRST_APP_UID;

  constructor(readonly options: SimDeviceOptions) {}

  get screen(): ScreenSize {
    return this.options.screen;
  }

  /** Device wall-clock time in ms. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Installs or replaces a package; an update keeps grants unless `grantAll` adds every requested one. */
  install(facts: PackageFacts, opts: { grantAll?: boolean } = {}): InstalledPackage {
    const old = this.packages.get(facts.packageName);
    if (old) this.forceStop(facts.packageName);
    const at = this.now();
    const pkg: InstalledPackage = {
      ...facts,
      uid: old?.uid ?? this.nextUid++,
      installedAt: old?.installedAt ?? at,
      updatedAt: at,
      codePath: `${this.options.codeDir ?? '/data/app'}/${facts.packageName}-1`,
      granted: old?.granted ?? new Set(),
      denied: old?.denied ?? new Set(),
    };
    if (opts.grantAll) for (const p of facts.requestedPermissions) pkg.granted.add(p);
    this.packages.set(facts.packageName, pkg);
    this.writeLog('I', 'PackageManager', `Package ${facts.packageName} installed, versionCode=${facts.versionCode}`, 1000);
    return pkg;
  }

  /** Removes a package and its process; false when it was not installed. */
  uninstall(name: string): boolean {
    if (!this.packages.has(name)) return false;
    this.forceStop(name);
    this.packages.delete(name);
    this.appOps.delete(name);
    return true;
  }

  /** Clears app data: grants, texts, back stack (`pm clear`). */
  clearData(name: string): boolean {
    const pkg = this.packages.get(name);
    if (!pkg) return false;
    this.forceStop(name);
    pkg.granted.clear();
    pkg.denied.clear();
    this.appOps.delete(name);
    return true;
  }

  /** Grants or revokes a runtime permission. */
  setPermission(name: string, permission: string, granted: boolean): void {
    const pkg = this.packages.get(name);
    if (!pkg) throw new Error(`Unknown package: ${name}`);
    if (granted) {
      pkg.granted.add(permission);
      pkg.denied.delete(permission);
    } else {
      pkg.granted.delete(permission);
      pkg.denied.add(permission);
    }
  }

  /**
   * Starts (or brings to front) an app. A cold start creates the process, waits the model's cold start time,
   * then shows the first screen. `restart` (`am start -S`) stops the process first.
   */
  async launch(name: string, opts: { activity?: string; restart?: boolean } = {}): Promise<LaunchResult> {
    const pkg = this.packages.get(name);
    if (!pkg) throw new Error(`Unknown package: ${name}`);
    if (opts.restart) this.forceStop(name);
    const started = Date.now();
    let proc = this.processes.get(name);
    const cold = !proc;
    if (!proc) {
      proc = this.spawn(pkg);
      await delay(40 + (pkg.model?.coldStartMs ?? 0));
      proc.session?.start();
      if (pkg.model?.readsClipboardAtLaunch) this.noteAppOp(name, 'READ_CLIPBOARD');
    } else {
      for (const r of pkg.model?.onLaunch ?? []) this.sendFrom(name, r, 'launch');
    }
    this.toFront(name);
    const activity = proc.session?.focus().activity ?? qualify(opts.activity ?? pkg.launchActivity ?? '.Main', name);
    this.writeLog('I', 'ActivityTaskManager', `Displayed ${name}/${shortActivity(activity, name)}: +${Date.now() - started}ms`, 1000);
    return { cold, totalMs: Date.now() - started, activity };
  }

  /** Kills an app's process (`am force-stop`); no-op when not running. */
  forceStop(name: string): void {
    const proc = this.processes.get(name);
    if (!proc) return;
    for (const t of proc.timers) clearInterval(t);
    this.processes.delete(name);
    const i = this.recents.indexOf(name);
    if (i >= 0) this.recents.splice(i, 1);
    this.writeLog('I', 'ActivityManager', `Force stopping ${name} appid=${this.packages.get(name)?.uid ?? 0}`, 1000);
  }

  /** Marks a running package foreground without a scripted UI (io.appium.settings, the instrumentation). */
  startProcess(name: string): RunningProcess {
    const pkg = this.packages.get(name);
    if (!pkg) throw new Error(`Unknown package: ${name}`);
    return this.processes.get(name) ?? this.spawn(pkg, false);
  }

  /** The package on top, undefined when the home screen shows. */
  foreground(): string | undefined {
    return this.recents[this.recents.length - 1];
  }

  /** Focused package and activity, as the window manager reports it. */
  focus(): { pkg: string; activity: string } {
    const top = this.foreground();
    const proc = top ? this.processes.get(top) : undefined;
    if (proc?.session) return proc.session.focus();
    if (top) {
      const pkg = this.packages.get(top);
      return { pkg: top, activity: pkg?.launchActivity ?? `${top}.Main` };
    }
    const home = this.options.systemUi.home(this.screen, []);
    return { pkg: home.pkg, activity: home.activity };
  }

  /** The running app session on top, if any. */
  topSession(): AppSession | undefined {
    const top = this.foreground();
    return top ? this.processes.get(top)?.session : undefined;
  }

  /** The displayed tree (the home screen when no app is in front). */
  view(): ViewNode {
    const session = this.topSession();
    if (session) return session.view();
    const top = this.foreground();
    const ui = this.options.systemUi;
    const layer = top ? ui.blank(top, this.focus().activity, this.screen) : ui.home(this.screen, this.launchable());
    return buildViewTree({ pkg: layer.pkg, root: layer.root, scroll: new Map(), texts: new Map() });
  }

  /** A tap on the display. */
  tap(x: number, y: number): ViewNode | undefined {
    const session = this.topSession();
    if (session) return session.tap(x, y);
    return undefined;
  }

  /** The back key: the app handles it, or it goes to the background when its stack is empty. */
  back(): void {
    const session = this.topSession();
    if (session && session.back()) return;
    const top = this.foreground();
    if (top) this.recents.splice(this.recents.lastIndexOf(top), 1);
  }

  /** The home key. */
  home(): void {
    this.recents.length = 0;
  }

  /** Records an app op (READ_CLIPBOARD, CAMERA…) with the device time. */
  noteAppOp(name: string, op: string): void {
    const ops = this.appOps.get(name) ?? new Map<string, AppOpRecord>();
    const rec = ops.get(op) ?? { op, lastAccess: 0, count: 0 };
    rec.lastAccess = this.now();
    rec.count += 1;
    ops.set(op, rec);
    this.appOps.set(name, ops);
  }

  /** The proxy setting (`host:port`), undefined when none (`:0` counts as none, as on Android). */
  proxy(): string | undefined {
    const value = this.settings.global.get('http_proxy');
    return value && value !== ':0' && value !== 'null' ? value : undefined;
  }

  /** Writes a log line as the system or a process. */
  writeLog(level: LogLevel, tag: string, message: string, pid = 1000): void {
    this.log.write({ time: this.now(), pid, tid: pid, level, tag, message });
  }

  private launchable(): { label: string; pkg: string }[] {
    return [...this.packages.values()].filter((p) => p.launchActivity).map((p) => ({ label: p.label ?? p.packageName, pkg: p.packageName }));
  }

  private spawn(pkg: InstalledPackage, withUi = true): RunningProcess {
    const pid = this.nextPid++;
    const proc: RunningProcess = { pid, pkg: pkg.packageName, startedAt: this.now(), timers: [] };
    this.processes.set(pkg.packageName, proc);
    this.writeLog('I', 'ActivityManager', `Start proc ${pid}:${pkg.packageName}/u0a${pkg.uid - 10_000} for activity`, 1000);
    if (withUi && pkg.model) {
      proc.session = new AppSession(pkg.model, this.hostFor(pkg, proc), this.options.systemUi, this.screen);
      for (const bg of pkg.model.backgroundRequests ?? []) {
        const timer = setInterval(() => this.sendFrom(pkg.packageName, bg.request, 'background'), bg.everyMs);
        timer.unref();
        proc.timers.push(timer);
      }
    }
    return proc;
  }

  private hostFor(pkg: InstalledPackage, proc: RunningProcess): AppHost {
    const name = pkg.packageName;
    return {
      send: (request, context) => this.sendFrom(name, request, context),
      log: (level, tag, message) => this.writeLog(level, tag, message, proc.pid),
      isGranted: (permission) => pkg.granted.has(permission),
      setGranted: (permission, granted) => this.setPermission(name, permission, granted),
      crash: (exception) => this.crash(name, proc, exception),
      now: () => this.now(),
    };
  }

  private sendFrom(name: string, request: SimRequest, context: string): void {
    const model = this.packages.get(name)?.model;
    this.options.send(request, { pkg: name, context, proxy: this.proxy(), trustsUserCa: model?.trustsUserCa ?? false });
  }

  private crash(name: string, proc: RunningProcess, exception: string): void {
    const lines = [`FATAL EXCEPTION: main`, `Process: ${name}, PID: ${proc.pid}`, exception, `\tat ${name}.ui.MainActivity.onClick(MainActivity.java:88)`, `\tat android.view.View.performClick(View.java:7448)`, `\tat android.os.Handler.dispatchMessage(Handler.java:106)`, `\tat android.os.Looper.loop(Looper.java:223)`, `\tat android.app.ActivityThread.main(ActivityThread.java:7656)`];
    for (const line of lines) this.log.write({ time: this.now(), pid: proc.pid, tid: proc.pid, level: 'E', tag: 'AndroidRuntime', message: line });
    this.forceStop(name);
    this.writeLog('I', 'ActivityManager', `Process ${name} (pid ${proc.pid}) has died: fg  TOP `, 1000);
  }

  private toFront(name: string): void {
    const i = this.recents.indexOf(name);
    if (i >= 0) this.recents.splice(i, 1);
    this.recents.push(name);
  }
}

function shortActivity(activity: string, pkg: string): string {
  return activity.startsWith(pkg + '.') ? activity.slice(pkg.length) : activity;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
