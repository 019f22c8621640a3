/**
 * One running app: its back stack of screens, scroll offsets, entered text, a pending permission prompt and
 * a toast. It decides what a tap, back or text entry does from the model; side effects (requests, log lines,
 * permission grants, a crash) go through the host callbacks so the device owns processes and the network.
 */
import type { SimAppModel, SimPermissionPrompt, SimRequest, SimScreen, SimTapAction } from './app-model.js';
import { buildViewTree, flatten, hitTest, type ViewNode } from './view-tree.js';
import type { ScreenSize, SystemLayer, SystemUi } from './system-ui.js';
import type { LifecycleEvent } from './log-style.js';

/** What a running app asks of its device. */
export interface AppHost {
  send(request: SimRequest, context: string): void;
  log(level: 'I' | 'W' | 'E', tag: string, message: string): void;
  system(event: LifecycleEvent): void;
  /** The app used a granted permission (camera opened, location read). */
  used(permission: string): void;
  isGranted(permission: string): boolean;
  setGranted(permission: string, granted: boolean): void;
  crash(exception: string): void;
  /** The process id (for the not-responding report). */
  pid(): number;
  now(): number;
}

interface PageState {
  scroll: Map<string, number>;
  texts: Map<string, string>;
}

function newPage(): PageState {
  return { scroll: new Map(), texts: new Map() };
}

interface PendingPrompt {
  prompt: SimPermissionPrompt;
  layer: SystemLayer;
}

const TOAST_MS = 2000;
/**
 * A screen's own permission request shows this long after the screen: apps ask from onResume once their content
 * is drawn, so the launcher activity is focused first (what appium waits for) and the dialog comes after.
 */
export const SCREEN_PROMPT_DELAY_MS = 1500;
/** Input not handled for this long makes the system report the app as not responding (Android's ANR threshold). */
export const ANR_MS = 5000;

/** The state of one app process and its UI. */
export class AppSession {
  readonly stack: string[] = [];
  /**
   * Per entry of the stack, what the user did to that page: view keys are positions in a screen's tree, so
   * another page's node at the same position must not show this page's text; a page opened anew starts empty.
   */
  private readonly pages: PageState[] = [];
  private focusedKey: string | undefined;
  private pending: PendingPrompt | undefined;
  private toast: { text: string; until: number } | undefined;
  private frozenUntil = 0;
  private anr: SystemLayer | undefined;
  private alive = true;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Taps answered (for tests and figures). */
  taps = 0;
  /** Screens entered since the process started (frames are rendered per screen and per tap). */
  screensEntered = 0;

  constructor(
    readonly model: SimAppModel,
    private readonly host: AppHost,
    private readonly systemUi: SystemUi,
    private readonly screenSize: ScreenSize,
  ) {}

  /** Shows the first screen (called once the cold start delay is over) and sends launch requests. */
  start(activity?: string): void {
    for (const r of this.model.onLaunch ?? []) this.host.send(r, 'launch');
    this.enter(this.screenForActivity(activity) ?? this.model.startScreen);
  }

  /** The screen an explicit activity opens (`am start -n pkg/.ui.SignInActivity`), if the model has one. */
  screenForActivity(activity: string | undefined): string | undefined {
    if (!activity) return undefined;
    return Object.entries(this.model.screens).find(([, screen]) => qualify(screen.activity, this.model.package) === activity)?.[0];
  }

  /** The screen on top of the back stack. */
  get screenName(): string {
    return this.stack[this.stack.length - 1] ?? this.model.startScreen;
  }

  get screen(): SimScreen {
    return this.screenOf(this.screenName);
  }

  /** The package and activity that has focus (the permission controller while its dialog is up). */
  focus(): { pkg: string; activity: string } {
    if (this.anr) return { pkg: this.anr.pkg, activity: this.anr.activity };
    if (this.pending) return { pkg: this.pending.layer.pkg, activity: this.pending.layer.activity };
    return { pkg: this.model.package, activity: qualify(this.screen.activity, this.model.package) };
  }

  /** The displayed tree: the permission dialog while one is up, else the app's screen with a toast over it. */
  view(): ViewNode {
    if (this.anr) return prefixKeys(buildViewTree({ pkg: this.anr.pkg, root: this.anr.root, scroll: new Map(), texts: new Map() }), 'anr');
    if (this.pending) {
      // The dialog is its own focused window: the hierarchy shows it alone and it takes every touch.
      return prefixKeys(buildViewTree({ pkg: this.pending.layer.pkg, root: this.pending.layer.root, scroll: new Map(), texts: new Map() }), 'perm');
    }
    const base = buildViewTree({ pkg: this.model.package, root: this.screen.root, scroll: this.page.scroll, texts: this.page.texts, focusedKey: this.focusedKey });
    if (this.toast && this.toast.until > this.host.now()) {
      const node = this.systemUi.toast(this.toast.text, this.screenSize);
      const toast = buildViewTree({ pkg: 'com.android.systemui', root: node, scroll: new Map(), texts: new Map() });
      return { ...base, children: [...base.children, prefixKeys(toast, 'toast')] };
    }
    return base;
  }

  /** A tap at display coordinates; returns what was hit (undefined: nothing reacts there). */
  tap(x: number, y: number): ViewNode | undefined {
    this.taps += 1;
    if (!this.anr && this.host.now() < this.frozenUntil) return undefined;
    const hit = hitTest(this.view(), x, y);
    if (!hit) return undefined;
    if (hit.node.editable) {
      this.focusedKey = hit.key;
      return hit;
    }
    if (hit.node.onTap) this.run(hit.node.onTap, `tap:${hit.node.id ?? hit.text ?? hit.key}`);
    return hit;
  }

  /** Back: a pending dialog counts as a deny; otherwise pops the stack. Returns false when the app should close. */
  back(): boolean {
    if (this.pending) {
      this.answer(false);
      return true;
    }
    this.focusedKey = undefined;
    if (this.stack.length <= 1) return false;
    this.stack.pop();
    this.pages.pop();
    return true;
  }

  /** Replaces the text of an editable node (by view key), then runs its onText action. */
  setText(key: string, text: string): boolean {
    const node = flatten(this.view()).find((n) => n.key === key);
    if (!node?.node.editable) return false;
    this.page.texts.set(key, text);
    this.focusedKey = key;
    if (node.node.onText) this.run(node.node.onText, `text:${node.node.id ?? key}`, text);
    return true;
  }

  /** Scrolls a scrollable node by `dy` px (positive: content moves up); returns the distance actually moved. */
  scrollBy(key: string, dy: number): number {
    const node = flatten(this.view()).find((n) => n.key === key);
    if (!node?.node.scrollable) return 0;
    const content = contentBottom(node.node) - node.node.bounds[3];
    const before = this.page.scroll.get(key) ?? 0;
    const after = Math.max(0, Math.min(Math.max(0, content), before + dy));
    this.page.scroll.set(key, after);
    return after - before;
  }

  /** The view key of the editable node that has input focus (a tap or a text entry gave it), if any. */
  focusedField(): string | undefined {
    return this.focusedKey;
  }

  /** The text typed into an editable node (undefined when nothing was typed). */
  textOf(key: string): string | undefined {
    return this.page.texts.get(key);
  }

  /** The state of the page on top (a fresh one before the first screen is entered). */
  private get page(): PageState {
    return this.pages.at(-1) ?? (this.pages[0] = newPage());
  }

  private enter(name: string): void {
    const screen = this.screenOf(name);
    this.stack.push(name);
    this.pages[this.stack.length - 1] = newPage();
    this.pages.length = this.stack.length;
    this.screensEntered += 1;
    this.focusedKey = undefined;
    for (const line of screen.log ?? []) this.logLine(line);
    for (const r of screen.onEnter ?? []) this.host.send(r, `enter:${name}`);
    const prompt = screen.askPermission;
    const delay = this.systemUi.screenPromptDelayMs ?? SCREEN_PROMPT_DELAY_MS;
    if (prompt && delay === 0) this.ask(prompt);
    else if (prompt) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (this.alive && this.screenName === name) this.ask(prompt);
      }, delay);
      this.timers.add(timer);
    }
  }

  /** The process died: pending timers do nothing any more. */
  dispose(): void {
    this.alive = false;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private run(action: SimTapAction, context: string, entered?: string): void {
    if (action.system === 'anr-wait' || action.system === 'anr-close') {
      this.anr = undefined;
      if (action.system === 'anr-close') this.host.crash('');
      return;
    }
    if (action.system) {
      this.answer(action.system === 'permission-allow');
      return;
    }
    if (action.freezeMs) {
      this.freeze(action, context, entered);
      return;
    }
    for (const line of action.log ?? []) this.logLine(line);
    for (const r of action.requests ?? []) this.host.send(withText(r, entered), context);
    if (action.crash) {
      this.host.crash(action.crash);
      return;
    }
    if (action.toast) this.toast = { text: action.toast, until: this.host.now() + TOAST_MS };
    if (action.askPermission && !this.host.isGranted(action.askPermission.permission)) {
      this.ask(action.askPermission);
      return;
    }
    if (action.askPermission) this.host.used(action.askPermission.permission);
    if (action.askPermission?.onAllow) {
      this.run(action.askPermission.onAllow, context);
      return;
    }
    this.navigate(action);
  }

  /** Blocks input for `freezeMs`, reports not responding from ANR_MS on, then finishes the action. */
  private freeze(action: SimTapAction, context: string, entered: string | undefined): void {
    const ms = action.freezeMs ?? 0;
    const screen = this.screenName;
    this.frozenUntil = this.host.now() + ms;
    this.later(ms, () => this.run({ ...action, freezeMs: 0 }, context, entered));
    if (ms < ANR_MS) return;
    this.later(ANR_MS, () => {
      const activity = qualify(this.screenOf(screen).activity, this.model.package);
      this.host.system({ kind: 'not-responding', pkg: this.model.package, pid: this.host.pid(), activity, waitedMs: ANR_MS });
      this.anr = this.systemUi.anrDialog?.(this.model.label, this.screenSize);
    });
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.alive) fn();
    }, ms);
    this.timers.add(timer);
  }

  private navigate(action: SimTapAction): void {
    if (action.back) this.back();
    else if (action.goto) this.enter(action.goto);
  }

  private ask(prompt: SimPermissionPrompt): void {
    if (this.host.isGranted(prompt.permission)) return;
    const layer = this.systemUi.permissionDialog(this.model.label, prompt.permission, this.screenSize);
    this.pending = { prompt, layer };
    this.host.system({ kind: 'permission-requested', pkg: this.model.package, permission: prompt.permission });
  }

  private answer(allow: boolean): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.host.setGranted(pending.prompt.permission, allow);
    if (allow) this.host.used(pending.prompt.permission);
    const next = allow ? pending.prompt.onAllow : pending.prompt.onDeny;
    if (next) this.run(next, `permission:${allow ? 'allow' : 'deny'}`);
  }

  private logLine(line: string): void {
    const i = line.indexOf(':');
    this.host.log('I', i > 0 ? line.slice(0, i).trim() : this.model.label, i > 0 ? line.slice(i + 1).trim() : line);
  }

  private screenOf(name: string): SimScreen {
    const screen = this.model.screens[name];
    if (!screen) throw new Error(`The app model of ${this.model.package} has no screen "${name}"`);
    return screen;
  }
}

/** `.MainActivity` → `pkg.MainActivity`. */
export function qualify(activity: string, pkg: string): string {
  return activity.startsWith('.') ? pkg + activity : activity;
}

function prefixKeys(node: ViewNode, prefix: string): ViewNode {
  return { ...node, key: `${prefix}:${node.key}`, children: node.children.map((c) => prefixKeys(c, prefix)) };
}

function contentBottom(node: { bounds: number[]; children?: { bounds: number[]; children?: unknown[] }[] }): number {
  let bottom = node.bounds[3] ?? 0;
  for (const child of node.children ?? []) bottom = Math.max(bottom, contentBottom(child as typeof node));
  return bottom;
}

function withText(request: SimRequest, text: string | undefined): SimRequest {
  if (text === undefined || request.body === undefined) return request;
  return { ...request, body: JSON.parse(JSON.stringify(request.body).replaceAll('{text}', text.replaceAll('"', '\\"'))) as unknown };
}
