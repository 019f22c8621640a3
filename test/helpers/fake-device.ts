/**
 * A DeviceSession over a small app described as a state machine: screens with a route, a title
 * and controls that lead to other screens; an optional tab bar shared by several screens (same
 * locators everywhere, as in a real DOM); Back pops a history stack; launch resets it.
 * Tapping a locator that is not on the current screen throws, as a real driver would.
 * Controls may respond by a handler of their own (a clickable button), through a delegating
 * ancestor (`delegated`, not clickable) or unexplained (`none`: what only a probe finds); a screen
 * may redirect by itself a few looks after it was shown (a toast, then another route); an app may
 * keep its session across launches (a token in localStorage) until its data is cleared.
 */
import { AppCrashedError, CapabilityMissingError, NO_CAPABILITIES, type DeviceSession, type ObservedLog, type ObservedRequest, type SessionCapabilities, type UiSnapshot } from '../../src/device/device-session.js';
import { h5ScreenKey } from '../../src/platforms/h5/screen-key.js';
import type { UiNode } from '../../src/evidence/types.js';
import { STEP_RETRIES } from '../../src/explore/step-runner.js';

export interface FakeControl {
  text: string;
  /** Key of the screen the tap leads to; absent: nothing happens. */
  to?: string;
  /** The tap fails with this message. */
  throws?: string;
  /** The tap kills the app (a string: the driver's message): every later call fails with AppCrashedError until relaunchAfterCrash(). */
  crashes?: boolean | string;
  /** Only the n-th tap of this control kills the app (a crash while a path is replayed). */
  crashesOnTap?: number;
  /** How the page says the control responds: its own handler (default, a clickable button), a delegating ancestor, or nothing visible. */
  handler?: 'own' | 'delegated' | 'none';
  /** A second line inside the control (a list row: title and date). */
  detail?: string;
}

/** How the fake recovers from a crash: relaunches, cannot (relaunch throws), or has no such method. */
export type FakeRecovery = 'relaunches' | 'fails' | 'unsupported';

export interface FakeScreen {
  route: string;
  title: string;
  controls: FakeControl[];
  tabBar?: boolean;
  /** Requests the screen makes each time it is shown. */
  requests?: { method: string; url: string; postData?: string }[];
  /** Content (paragraphs) shown besides the title and the controls. */
  text?: string[];
  /** The app moves on by itself to `to` once the screen was looked at `afterLooks` times (a toast, then a redirect). */
  redirect?: { to: string; afterLooks: number; bySettle?: boolean };
  /** Arriving here stores a session that later launches keep (see FakeApp.keptSession). */
  signsIn?: boolean;
  /** Input fields (a login form: 账号 text, 密码 password), shown before the controls. */
  fields?: { label: string; inputType: string }[];
  /** Controls of the page underneath a modal: shown, but covered (the controls are the modal's). */
  covered?: string[];
  /** Back does nothing here (the app replaced its history entry). */
  noBack?: boolean;
}

export interface FakeApp {
  origin: string;
  start: string;
  screens: Record<string, FakeScreen>;
  tabBar?: FakeControl[];
  /** Whether snapshots say every tap handler was seen (default true: the fake knows its handlers). */
  listenersObserved?: boolean;
  /** The document title of every screen (an app that swaps views in place keeps one); default: each screen's title. */
  documentTitle?: string;
  /** A launch after signing in opens this screen instead of `start`, until clearAppData(). */
  keptSession?: string;
}

/** 1×1 transparent PNG. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export class FakeDevice implements DeviceSession {
  readonly platform = 'h5' as const;
  /** Every tap the explorer made, including replays: screen key and control text. */
  readonly taps: { screen: string; locator: string; text: string }[] = [];
  launches = 0;
  backs = 0;
  /** Crashes caused so far, and relaunches after them. */
  crashes = 0;
  relaunches = 0;
  /** The n-th Back kills the app (a crash while the explorer travels between screens). */
  crashOnBack?: number;
  /** Times clearAppData() was called (only offered when the app keeps a session). */
  clears = 0;
  /** Clearing is offered only when the app keeps a session; relaunching unless the recovery is 'unsupported'. */
  readonly can: SessionCapabilities;
  /** Launches (by number, from 1) whose page stays loading through every patient retry of their first tap (a busy machine). */
  slowLaunch?: (launch: number) => boolean;
  private slowTapsLeft = 0;
  private dead = false;
  private signedIn = false;
  private looks = 0;
  private history: string[] = [];
  private network: ObservedRequest[] = [];
  private requestCounter = 0;

  /** `can` overrides what the fake offers (a platform that does not observe requests: `{ networkObserved: false }`). */
  constructor(readonly app: FakeApp, private readonly recovery: FakeRecovery = 'relaunches', can: Partial<SessionCapabilities> = {}) {
    this.can = { ...NO_CAPABILITIES, networkObserved: true, logs: true, textEntry: true, clearData: app.keptSession !== undefined, relaunchAfterCrash: recovery !== 'unsupported', ...can };
  }

  clearAppData(): Promise<void> {
    if (!this.can.clearData) throw new CapabilityMissingError(this.platform, 'clearData');
    this.clears++;
    this.signedIn = false;
    return Promise.resolve();
  }

  async relaunchAfterCrash(): Promise<void> {
    if (!this.can.relaunchAfterCrash) throw new CapabilityMissingError(this.platform, 'relaunchAfterCrash');
    this.relaunches++;
    if (this.recovery === 'fails') throw new AppCrashedError('unknown error: WebDriverError: tab crashed', '渲染进程终止');
    this.dead = false;
    await this.launch();
  }

  selectOption(): Promise<void> { throw new Error('the fake app has no selects'); }
  scroll(): Promise<void> { throw new CapabilityMissingError(this.platform, 'scroll'); }
  setDialogPolicy(): void { throw new CapabilityMissingError(this.platform, 'dialogs'); }

  get current(): string {
    const key = this.history[this.history.length - 1];
    if (key === undefined) throw new Error('app not launched');
    return key;
  }

  launch(): Promise<void> {
    if (this.dead) return this.crashed();
    this.launches++;
    this.slowTapsLeft = this.slowLaunch?.(this.launches) === true ? STEP_RETRIES.length + 1 : 0;
    this.history = [];
    this.arrive(this.signedIn && this.app.keptSession !== undefined ? this.app.keptSession : this.app.start);
    return Promise.resolve();
  }

  snapshot(): Promise<UiSnapshot> {
    if (this.dead) return this.crashed();
    this.moveOnByItself();
    const key = this.current;
    const def = this.screen(key);
    const nodes: UiNode[] = [];
    const add = (role: string, text: string, parent: number | null, locator?: string, handler: FakeControl['handler'] = locator ? 'own' : 'none'): number => {
      const id = nodes.length;
      nodes.push({
        // A control without a handler of its own is a plain <div>.
        id, parent, role: locator && handler !== 'own' ? 'div' : role, text, fullText: text, bounds: { x: 0, y: id * 48, width: 412, height: 48 },
        clickable: handler === 'own', editable: false, scrollable: false, platform: 'h5', ...(locator ? { locator } : {}), ...(handler === 'delegated' ? { delegated: true } : {}),
      });
      return id;
    };
    const body = add('body', '', null);
    add('h1', def.title, body);
    for (const t of def.text ?? []) add('p', t, body);
    for (const t of def.covered ?? []) nodes[add('a', t, body, `#${key}-under-${t}`)]!.obscured = true;
    (def.fields ?? []).forEach((f, i) => {
      const id = add('input', '', body, fieldLocator(key, i));
      Object.assign(nodes[id]!, { role: 'input', editable: true, label: f.label, inputType: f.inputType });
    });
    def.controls.forEach((c, i) => {
      const id = add('button', c.text, body, controlLocator(key, i), c.handler);
      if (c.detail === undefined) return;
      nodes[id]!.fullText = `${c.text} ${c.detail}`;
      add('span', c.detail, id);
    });
    if (def.tabBar) {
      const nav = add('nav', '', body);
      (this.app.tabBar ?? []).forEach((c, i) => add('a', c.text, nav, tabLocator(i), c.handler));
    }
    const texts = nodes.map((n) => n.text).filter(Boolean);
    const url = `${this.app.origin}/#${def.route}`;
    return Promise.resolve({
      screenKey: h5ScreenKey(url),
      url,
      title: this.app.documentTitle ?? def.title,
      visibleText: texts.join(' '),
      viewport: { width: 412, height: 915, devicePixelRatio: 2 },
      nodes,
      ...(this.app.listenersObserved === false ? {} : { listenersObserved: true }),
    });
  }

  screenshot(): Promise<Buffer> {
    if (this.dead) return this.crashed();
    return Promise.resolve(TINY_PNG);
  }

  tap(locator: string): Promise<void> {
    if (this.dead) return this.crashed();
    const key = this.current;
    if (this.slowTapsLeft > 0) {
      this.slowTapsLeft--;
      return Promise.reject(new Error(`no such element: ${locator} (the page is still loading)`));
    }
    const control = this.controlsOf(key).find((c) => c.locator === locator);
    if (!control) return Promise.reject(new Error(`no such element: ${locator} on ${key}`));
    this.taps.push({ screen: key, locator, text: control.text });
    if (control.throws) return Promise.reject(new Error(control.throws));
    if (control.crashes || this.taps.filter((t) => t.locator === locator && t.screen === key).length === control.crashesOnTap) {
      this.crashes++;
      this.dead = true;
      return this.crashed(typeof control.crashes === 'string' ? control.crashes : undefined);
    }
    if (control.to !== undefined) this.arrive(control.to);
    return Promise.resolve();
  }

  /** Typed values, by field locator. */
  readonly typed = new Map<string, string>();

  typeText(locator: string, text: string): Promise<void> {
    if (this.dead) return this.crashed();
    const key = this.current;
    if (!(this.screen(key).fields ?? []).some((_, i) => fieldLocator(key, i) === locator)) return Promise.reject(new Error(`no such element: ${locator} on ${key}`));
    this.typed.set(locator, text);
    return Promise.resolve();
  }

  back(): Promise<void> {
    if (this.dead) return this.crashed();
    this.backs++;
    if (this.screen(this.current).noBack) return Promise.resolve();
    if (this.backs === this.crashOnBack) {
      this.crashes++;
      this.dead = true;
      return this.crashed();
    }
    if (this.history.length > 1) this.history.pop();
    return Promise.resolve();
  }

  settle(): Promise<void> {
    if (this.dead) return this.crashed();
    // A redirect that runs on time, not on looks: waiting for the page to settle lets it happen.
    if (this.screen(this.current).redirect?.bySettle) this.moveOnByItself();
    return Promise.resolve();
  }

  drainNetwork(): Promise<ObservedRequest[]> {
    if (!this.can.networkObserved) throw new CapabilityMissingError(this.platform, 'networkObserved');
    const drained = this.network;
    this.network = [];
    return Promise.resolve(drained);
  }

  drainLogs(): Promise<ObservedLog[]> {
    if (!this.can.logs) throw new CapabilityMissingError(this.platform, 'logs');
    return Promise.resolve([]);
  }

  async observe(): Promise<UiSnapshot> {
    await this.settle();
    return this.snapshot();
  }

  /** Launches and taps the steps' locators; returns the screen key reached. */
  async replay(steps: { action: string; locator?: string }[]): Promise<string> {
    await this.launch();
    for (const step of steps) if (step.action === 'tap' && step.locator) await this.tap(step.locator);
    return this.current;
  }

  /** The locator of a control, by screen key and text (tab bar included). */
  locatorOf(key: string, text: string): string {
    const control = this.controlsOf(key).find((c) => c.text === text);
    if (!control) throw new Error(`${key} has no control ${text}`);
    return control.locator;
  }

  private controlsOf(key: string): (FakeControl & { locator: string })[] {
    const def = this.screen(key);
    const own = def.controls.map((c, i) => ({ ...c, locator: controlLocator(key, i) }));
    const tabs = def.tabBar ? (this.app.tabBar ?? []).map((c, i) => ({ ...c, locator: tabLocator(i) })) : [];
    return [...own, ...tabs];
  }

  /** What chromedriver answers once the renderer is gone. */
  private crashed(message = 'unknown error: WebDriverError: tab crashed'): Promise<never> {
    return Promise.reject(new AppCrashedError(message, '渲染进程终止'));
  }

  private screen(key: string): FakeScreen {
    const def = this.app.screens[key];
    if (!def) throw new Error(`fake app has no screen ${key}`);
    return def;
  }

  /** A screen with a redirect moves on once it was looked at often enough. */
  private moveOnByItself(): void {
    const redirect = this.screen(this.current).redirect;
    if (!redirect) return;
    if (++this.looks <= redirect.afterLooks) return;
    this.history.pop();
    this.arrive(redirect.to);
  }

  private arrive(key: string): void {
    const def = this.screen(key);
    this.history.push(key);
    this.looks = 0;
    if (def.signsIn) this.signedIn = true;
    for (const r of def.requests ?? []) {
      this.network.push({ requestId: `fake-${++this.requestCounter}`, resourceType: 'XHR', status: 200, ts: this.requestCounter, ...r });
    }
  }
}

function controlLocator(key: string, index: number): string {
  return `#${key}-c${index}`;
}

function fieldLocator(key: string, index: number): string {
  return `#${key}-f${index}`;
}

function tabLocator(index: number): string {
  return `nav.tab-bar > a:nth-of-type(${index + 1})`;
}
