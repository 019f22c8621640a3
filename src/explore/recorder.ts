/**
 * The explorer's record keeper: the screen registry, the events written to the evidence store,
 * the transition graph and the coverage bookkeeping. It is the only place that says which screen
 * the app is on (`current`): every capture goes through it.
 */
import type { DeviceSession, UiSnapshot } from '../device/device-session.js';
import type { EvidenceStore } from '../evidence/store.js';
import type { CoverageEvent, ScreenEvent, Step, UiNode, Unobserved } from '../evidence/types.js';
import { candidateActions, scrollAction, type ActionPolicy, type CandidateAction } from './action-policy.js';
import { isGuess } from './candidates.js';
import { isLoginScreen } from './login-screen.js';
import type { LoginWallTracker } from './login-wall.js';
import { accountFormatIssue } from './account-format.js';
import type { Mask } from './mask.js';
import { screenSignature } from './screen-signature.js';
import { count, hasUntried, screenCoverage, type ScreenState } from './screen-state.js';
import { shortestPaths, type PathEdge } from './transition-paths.js';

/** What one capture saw: the screen, its snapshot, and the requests and dialogs since the last capture. */
export interface Observation {
  state: ScreenState;
  snapshot: UiSnapshot;
  requests: number;
  dialogs: number;
}

export type SkippedAction = CoverageEvent['skippedActions'][number];

export class ScreenRecorder {
  /** signature → screen, in the order found. */
  readonly states = new Map<string, ScreenState>();
  readonly skipped: SkippedAction[] = [];
  readonly edges: PathEdge<ScreenState>[] = [];
  /** Actions performed (taps and scrolls tried, not replays). */
  actions = 0;
  lastSnapshot: UiSnapshot | undefined;
  private here: ScreenState | undefined;
  /** Origin of the launch screen (H5); a screen elsewhere means the app was left. */
  private appOrigin: string | undefined;

  constructor(
    private readonly session: DeviceSession,
    private readonly store: EvidenceStore,
    private readonly mask: Mask,
    private readonly policy: ActionPolicy,
    private readonly loginWall: LoginWallTracker,
    /** The lab's account name, to tell when a login box demands a format it does not have. */
    private readonly username?: string,
  ) {}

  /** Said once per run: the login box asks for an account of another format. */
  private accountIssueSaid = false;

  /** The screen the app is on, when known. */
  get current(): ScreenState | undefined {
    return this.here;
  }

  /** The launch screen of the first launch. */
  get start(): ScreenState | undefined {
    return this.states.values().next().value;
  }

  /** The app is somewhere unknown (a step failed, the app crashed). */
  lose(): void {
    this.here = undefined;
  }

  /**
   * Settles, captures and records the screen the app is on (when new, with `steps` as its path).
   * Undefined when the app was left (H5: another origin).
   */
  async observe(steps: Step[], depth: number): Promise<Observation | undefined> {
    const snapshot = await this.snap();
    if (this.leftApp(snapshot)) {
      this.here = undefined;
      return undefined;
    }
    const signature = screenSignature(snapshot);
    let state = this.states.get(signature);
    if (!state) {
      state = await this.record(snapshot, signature, steps, depth);
    } else if (depth < state.depth) {
      state.depth = depth;
      state.steps = steps;
      this.store.append({ type: 'screen-path', id: state.id, depth, steps });
    }
    this.here = state;
    const requests = await this.drainObservations();
    return { state, snapshot, requests, dialogs: snapshot.dialogs?.length ?? 0 };
  }

  /**
   * Captures the screen the app is on and says which known screen it is. With `orNew`, a screen
   * not seen before (one that loaded while travelling along `orNew.steps`) is recorded too.
   */
  async locate(orNew?: { steps: Step[]; depth: number }): Promise<ScreenState | undefined> {
    const snapshot = await this.snap();
    const signature = screenSignature(snapshot);
    let state = this.states.get(signature);
    if (!state && orNew && !this.leftApp(snapshot)) state = await this.record(snapshot, signature, orNew.steps, orNew.depth);
    this.here = state;
    return state;
  }

  /** Records a performed action's outcome as a transition. */
  transition(from: ScreenState, to: ScreenState, action: CandidateAction): void {
    this.edges.push({ from, to, steps: action.steps });
    this.store.append({ type: 'transition', from: from.id, to: to.id, step: action.steps[action.steps.length - 1]!, at: new Date().toISOString() });
  }

  skip(entry: SkippedAction): void {
    this.skipped.push(entry);
  }

  /** Requests and logs since the last call, tied to the current screen; returns the number of requests. */
  async drainObservations(): Promise<number> {
    const screenId = this.here?.id;
    // A session that observes no requests reports none here; the checks read that from the coverage (networkObserved).
    const requests = this.session.can.networkObserved ? await this.session.drainNetwork() : [];
    for (const r of requests) this.store.append(this.mask({ type: 'network', ...r, ...(screenId ? { screenId } : {}) }));
    for (const log of this.session.can.logs ? await this.session.drainLogs() : []) this.store.append(this.mask({ type: 'console', ...log, ...(screenId ? { screenId } : {}) }));
    return requests.length;
  }

  /**
   * After a scroll that kept the screen, rows it revealed (lazily loaded ones) become actions;
   * reaching them later takes the same scrolls first. Another scroll is added only while scrolling
   * keeps revealing something, and never past `maxScrolls`.
   */
  addRevealedActions(state: ScreenState, snapshot: UiSnapshot, maxScrolls: number): void {
    state.scrolls++;
    const scrolls = Array.from({ length: state.scrolls }, () => scrollAction().steps[0]!);
    const revealed = candidateActions(snapshot.nodes, this.policy, snapshot.listenersObserved).actions.filter((a) => !state.locators.has(a.locator));
    for (const a of revealed) {
      state.locators.add(a.locator);
      a.steps = [...scrolls, ...a.steps];
      count(state, 'found', a);
    }
    if (revealed.length > 0 && snapshot.canScroll && state.scrolls < maxScrolls) {
      const scroll = scrollAction();
      revealed.push(scroll);
      count(state, 'found', scroll);
    }
    const rest = [...state.actions.slice(state.next), ...revealed].sort((a, b) => a.order - b.order);
    state.actions = [...state.actions.slice(0, state.next), ...rest];
  }

  /**
   * Screens are first found by whatever path the exploration took; at the end every screen gets
   * the shortest path over the transition graph (observed actions, and global navigation learned
   * on other screens), so findings cite the fewest taps a person needs.
   */
  recordShortestPaths(): void {
    const start = this.start;
    if (!start) return;
    for (const [state, { steps, depth }] of shortestPaths(this.edges, start, start.steps)) {
      if (depth >= state.depth) continue;
      state.depth = depth;
      state.steps = steps;
      this.store.append({ type: 'screen-path', id: state.id, depth, steps });
    }
  }

  /** The coverage event of the run, appended to the store. */
  finish(stoppedBy: CoverageEvent['stoppedBy'], durationMs: number): CoverageEvent {
    this.recordShortestPaths();
    const states = [...this.states.values()];
    // A screen where an action failed was not fully explored either: a requirement judged within
    // a few taps must not fail on a screen that a failed tap may have hidden.
    const failedOn = new Set(this.skipped.filter((s) => !s.byPolicy).map((s) => s.screenId));
    const open = states.filter((s) => hasUntried(s) || failedOn.has(s.id));
    const notUnderstood = states.filter((s) => !s.understood).map((s) => s.id);
    const loginWall = this.loginWall.result();
    const coverage: CoverageEvent = {
      type: 'coverage',
      screens: states.length,
      screensFullyExplored: states.length - open.length,
      actions: this.actions,
      frontier: open.length,
      unexploredDepths: open.map((s) => s.depth),
      durationMs,
      complete: stoppedBy === 'exhausted' && open.length === 0 && states.length > 0 && notUnderstood.length === 0,
      stoppedBy,
      skippedActions: this.skipped,
      notUnderstood,
      perScreen: states.map(screenCoverage),
      ...(loginWall ? { loginWall } : {}),
    };
    const unobserved = unobservedBy(this.session);
    if (unobserved.length > 0) coverage.unobserved = unobserved;
    this.store.append(coverage);
    return coverage;
  }

  private async snap(): Promise<UiSnapshot> {
    const snapshot = this.mask(await this.session.observe());
    this.lastSnapshot = snapshot;
    this.recordDialogs(snapshot);
    this.appOrigin ??= webOrigin(snapshot.url);
    return snapshot;
  }

  private leftApp(snapshot: UiSnapshot): boolean {
    return this.appOrigin !== undefined && webOrigin(snapshot.url) !== this.appOrigin;
  }

  private async record(snapshot: UiSnapshot, signature: string, steps: Step[], depth: number): Promise<ScreenState> {
    // First, so a crash here leaves no screen state without its recorded screen.
    const png = await this.session.screenshot();
    const id = `s${this.states.size}`;
    const { actions, skipped } = candidateActions(snapshot.nodes, this.policy, snapshot.listenersObserved);
    for (const s of skipped) this.skipped.push({ screenId: id, ...s, byPolicy: true });
    const taps = actions.length;
    if (snapshot.canScroll && this.session.can.scroll) actions.push(scrollAction());
    actions.sort((a, b) => a.order - b.order);
    const login = isLoginScreen(snapshot);
    const state: ScreenState = {
      id, signature, depth, steps, actions, next: 0, locators: new Set(actions.map((a) => a.locator)), scrolls: 0, lists: new Map(), login,
      understood: understood(snapshot, taps + skipped.length), found: {}, tried: {}, noEffect: 0,
    };
    for (const a of actions) count(state, 'found', a);
    const gate = gateControl(snapshot.nodes, actions);
    if (gate !== undefined) state.gate = gate;
    if (login) {
      this.loginWall.met(id);
      this.sayAccountFormat(snapshot);
    }
    this.states.set(signature, state);
    const event: ScreenEvent = {
      type: 'screen', id, signature, screenKey: snapshot.screenKey, platform: this.session.platform, url: snapshot.url, title: snapshot.title, depth, steps,
      nodes: snapshot.nodes,
      visibleText: snapshot.visibleText,
      screenshot: this.store.putBlob('screenshot', png, 'png'),
      uiTree: this.store.putBlob('ui-tree', JSON.stringify(snapshot.nodes), 'json'),
      viewport: snapshot.viewport,
      at: new Date().toISOString(),
    };
    this.store.append(event);
    return state;
  }

  private sayAccountFormat(snapshot: UiSnapshot): void {
    if (this.accountIssueSaid) return;
    const message = accountFormatIssue(snapshot.nodes, this.username);
    if (message === undefined) return;
    this.accountIssueSaid = true;
    this.store.append({ type: 'run-issue', phase: 'explore', message, at: new Date().toISOString() });
  }

  private recordDialogs(snapshot: UiSnapshot): void {
    for (const d of snapshot.dialogs ?? []) {
      this.store.append({ type: 'console', level: 'DIALOG', source: `dialog:${d.kind}`, message: `${d.message}${d.kind === 'alert' ? '' : d.accepted ? '（已确认）' : '（已取消）'}`, ...(this.here ? { screenId: this.here.id } : {}), ts: Date.now() });
    }
  }
}

const IMAGE = /^(img|image|svg|picture|canvas)$|Image/i;

/**
 * Whether the explorer understood a screen. It did when the screen yielded a candidate (tapped
 * or skipped by policy), or shows nothing (no text, no image). A screen that shows content but
 * yielded none is understood only when the platform saw every tap handler of the page
 * (`listenersObserved`) and no node sits under a delegating listener: then nothing on it responds
 * to a tap, a static page. Otherwise the explorer could not find the way on, and what lies behind
 * the screen was not seen: coverage names it and `complete` is false.
 */
function understood(snapshot: UiSnapshot, candidates: number): boolean {
  if (candidates > 0) return true;
  const shows = snapshot.visibleText.trim().length > 0 || snapshot.nodes.some((n) => IMAGE.test(n.role) && n.bounds.width > 0 && !n.obscured);
  if (!shows) return true;
  return snapshot.listenersObserved === true && !snapshot.nodes.some((n) => n.delegated);
}

/**
 * A modal that covers the app (something underneath is obscured) and offers one way forward
 * (立即打卡, 同意, 我知道了) of its own: the text of that control. The detectors read such a control as forced
 * (src/checks/evidence-view.ts isOnlyActionableNode).
 */
function gateControl(nodes: UiNode[], actions: CandidateAction[]): string | undefined {
  // Guesses do not count: platforms mark covered controls, not covered text, so the page under
  // the modal still yields probes (their taps land on the modal and change nothing).
  const taps = actions.filter((a) => a.kind === 'tap' && !isGuess(a.source));
  if (taps.length !== 1 || !nodes.some((n) => n.obscured)) return undefined;
  return taps[0]!.text;
}

/** The http(s) origin of a URL; undefined for native screens (no web origin to leave). */
function webOrigin(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** What the session says it cannot observe, named for the coverage. */
function unobservedBy(session: DeviceSession): Unobserved[] {
  const { networkObserved, logs, dialogs } = session.can;
  return [...(networkObserved ? [] : ['network' as const]), ...(logs ? [] : ['logs' as const]), ...(dialogs ? [] : ['dialogs' as const])];
}
