/**
 * A systematic explorer: breadth-first over screens, every action of every screen tried once,
 * staying on the current screen while it has untried actions, returning by Back and, when Back
 * does not lead where expected, by a relaunch and a replay of the shortest known path. Forms are
 * filled with test data before they are submitted; a login screen is passed with the lab's test
 * account; lists are sampled (rows that all open one screen are not all tried) and long pages are
 * scrolled a bounded number of times. Stops when everything was tried, or when the time budget or
 * the action cap is spent, and says which.
 */
import { isAppCrash, type AppCrashedError, type DeviceSession, type UiSnapshot } from '../device/device-session.js';
import type { EvidenceStore } from '../evidence/store.js';
import type { CoverageEvent, ScreenEvent, Step } from '../evidence/types.js';
import { appCrashEvent, crashSkipReason, CrashRecovery, type CrashSite } from './crash-recovery.js';
import { candidateActions, DEFAULT_ACTION_POLICY, scrollAction, type ActionPolicy, type CandidateAction } from './action-policy.js';
import { isLoginScreen } from './forms.js';
import { LoginWallTracker } from './login-wall.js';
import { masker, type Mask } from './mask.js';
import { screenSignature } from './screen-signature.js';
import { runStep } from './step-runner.js';
import { isPrefix, routeBetween, shortestPaths } from './transition-paths.js';
import { DEFAULT_TEST_DATA, type TestData } from './test-data.js';

export interface ExploreOptions {
  budgetMs: number;
  maxActions: number;
  launchLabel: string;
  policy?: ActionPolicy;
  /** Overrides of the default test data typed into forms. */
  testData?: Partial<TestData>;
  /** The lab's test account: typed into login screens, masked everywhere in the evidence. */
  credentials?: { username: string; password: string };
  onProgress?: (p: { screens: number; actions: number; elapsedMs: number }) => void;
  now?: () => number;
  /** Relaunches after app crashes per run (default MAX_CRASH_RECOVERIES). */
  maxCrashRecoveries?: number;
}

/** Scrolls per screen: enough to reveal lazily loaded rows, bounded so an endless feed cannot drown the run. */
export const MAX_SCROLLS_PER_SCREEN = 2;
/** List rows tried before a list whose rows all open one screen counts as explored. */
const LIST_SAMPLE = 2;

interface ScreenState {
  id: string;
  signature: string;
  depth: number;
  steps: Step[];
  actions: CandidateAction[];
  next: number;
  locators: Set<string>;
  scrolls: number;
  /** list group → screens its tried rows led to, and how many were tried. */
  lists: Map<string, { to: Set<string>; tried: number; skipped: boolean }>;
  login: boolean;
}

/** Explores the app and records screens, transitions, requests and logs into the store. */
export async function exploreBreadthFirst(session: DeviceSession, store: EvidenceStore, options: ExploreOptions): Promise<CoverageEvent> {
  const explorer = new Explorer(session, store, options);
  return explorer.run();
}

class Explorer {
  private readonly states = new Map<string, ScreenState>();
  private readonly queue: ScreenState[] = [];
  private readonly skipped: CoverageEvent['skippedActions'] = [];
  private readonly outcomes = new Map<string, { from: Set<string>; to: Set<string> }>();
  private readonly edges: { from: ScreenState; to: ScreenState; steps: Step[] }[] = [];
  private current: ScreenState | undefined;
  private lastSnapshot: UiSnapshot | undefined;
  private actions = 0;
  private readonly loginWall: LoginWallTracker;
  /** Origin of the launch screen (H5); a screen elsewhere means the app was left. */
  private appOrigin: string | undefined;
  private readonly started: number;
  private readonly now: () => number;
  private readonly policy: ActionPolicy;
  private readonly launchStep: Step;
  private readonly data: TestData;
  private readonly mask: Mask;
  private readonly recovery: CrashRecovery;

  constructor(private readonly session: DeviceSession, private readonly store: EvidenceStore, private readonly options: ExploreOptions) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
    this.policy = options.policy ?? DEFAULT_ACTION_POLICY;
    this.launchStep = { action: 'launch', label: options.launchLabel };
    this.data = { ...DEFAULT_TEST_DATA, ...options.testData, ...(options.credentials ?? {}) };
    this.loginWall = new LoginWallTracker(options.credentials !== undefined);
    this.mask = masker(options.credentials ? [options.credentials.password, options.credentials.username] : []);
    this.recovery = new CrashRecovery(session, this.now, options.maxCrashRecoveries);
  }

  async run(): Promise<CoverageEvent> {
    let stoppedBy: CoverageEvent['stoppedBy'] = 'exhausted';
    try {
      this.session.setDialogPolicy?.(this.policy.last);
      await this.session.launch();
      this.current = await this.observe([this.launchStep], 0);
      if (!this.current) throw new Error('the launch screen could not be captured');
      for (;;) {
        const state = this.pickState();
        if (!state) break;
        if (this.now() - this.started >= this.options.budgetMs) { stoppedBy = 'time-budget'; break; }
        if (this.actions >= this.options.maxActions) { stoppedBy = 'action-cap'; break; }
        const action = state.actions[state.next]!;
        state.next++;
        if (this.isKnownGlobal(action)) {
          this.edges.push({ from: state, to: this.globalTarget(action)!, steps: action.steps });
          continue;
        }
        if (this.isSampledListRow(state, action)) continue;
        let during: CrashSite['during'] = 'navigation';
        try {
          if (!(await this.goTo(state))) {
            this.skipped.push({ screenId: state.id, label: action.label, reason: '无法回到该界面', byPolicy: false });
            continue;
          }
          during = 'action';
          await this.perform(state, action);
        } catch (error) {
          if (!isAppCrash(error)) throw error;
          const steps = during === 'action' ? [...state.steps, ...action.steps] : state.steps;
          if (!(await this.afterCrash({ screenId: state.id, steps, actionLabel: action.label, during }, error))) { stoppedBy = 'app-crash'; break; }
        }
      }
    } catch (error) {
      stoppedBy = 'error';
      this.store.append({ type: 'run-issue', phase: 'explore', message: this.mask(firstLine(error)), at: new Date().toISOString() });
    }
    await this.drainObservations().catch(() => undefined);
    return this.finish(stoppedBy);
  }

  /**
   * The next screen to work on: the current one while it has untried actions (no travel), then
   * its parent (one Back away), otherwise the earliest-found screen that still has some.
   */
  private pickState(): ScreenState | undefined {
    if (this.current && this.current.next < this.current.actions.length) return this.current;
    const current = this.current;
    if (current) {
      const parent = [...this.states.values()].find((s) => s.depth === current.depth - 1 && s.next < s.actions.length && isPrefix(s.steps, current.steps));
      if (parent) return parent;
    }
    while (this.queue.length > 0 && this.queue[0]!.next >= this.queue[0]!.actions.length) this.queue.shift();
    return this.queue.find((s) => s.next < s.actions.length);
  }

  /**
   * Global navigation (a tab bar, a home button) shows up on many screens. Once the same control
   * has led to the same screen from two different screens, it is not tried again elsewhere.
   */
  private isKnownGlobal(action: CandidateAction): boolean {
    const outcomes = this.outcomes.get(globalKey(action));
    return outcomes !== undefined && outcomes.from.size >= 2 && outcomes.to.size === 1;
  }

  private globalTarget(action: CandidateAction): ScreenState | undefined {
    const id = [...(this.outcomes.get(globalKey(action))?.to ?? [])][0];
    return [...this.states.values()].find((s) => s.id === id);
  }

  /**
   * Rows of one list (news items, feed entries) usually open the same kind of screen. Once the
   * first LIST_SAMPLE rows all opened one other screen, the remaining rows are skipped by policy;
   * rows that open different screens (a services menu) are all tried.
   */
  private isSampledListRow(state: ScreenState, action: CandidateAction): boolean {
    const list = action.group === undefined ? undefined : state.lists.get(action.group);
    if (!list || list.tried < LIST_SAMPLE || list.to.size !== 1 || list.to.has(state.id)) return false;
    if (!list.skipped) {
      list.skipped = true;
      this.skipped.push({ screenId: state.id, label: `${action.label}等同类列表项`, reason: `同一列表的前 ${LIST_SAMPLE} 项均打开同一界面，其余各项视为同类，不再逐一点击`, byPolicy: true });
    }
    return true;
  }

  private noteOutcome(from: ScreenState, action: CandidateAction, to: ScreenState): void {
    const key = globalKey(action);
    const entry = this.outcomes.get(key) ?? { from: new Set<string>(), to: new Set<string>() };
    entry.from.add(from.id);
    entry.to.add(to.id);
    this.outcomes.set(key, entry);
    if (action.group !== undefined) {
      const list = from.lists.get(action.group) ?? { to: new Set<string>(), tried: 0, skipped: false };
      list.to.add(to.id);
      list.tried++;
      from.lists.set(action.group, list);
    }
  }

  private async perform(from: ScreenState, action: CandidateAction): Promise<void> {
    this.actions++;
    try {
      for (const step of action.steps) await runStep(this.session, step, this.data);
    } catch (error) {
      if (isAppCrash(error)) throw error;
      this.skipped.push({ screenId: from.id, label: action.label, reason: `操作失败：${this.mask(firstLine(error))}`, byPolicy: false });
      this.current = undefined;
      return;
    }
    const to = await this.observe([...from.steps, ...action.steps], from.depth + 1);
    if (!to) {
      // An outbound link (another site, a download page): not the app under test, so not explored.
      this.skipped.push({ screenId: from.id, label: action.label, reason: `离开了被测应用（打开 ${this.lastSnapshot?.url ?? '外部页面'}），不再探索`, byPolicy: true });
      await this.drainObservations();
      return;
    }
    this.noteOutcome(from, action, to);
    this.edges.push({ from, to, steps: action.steps });
    this.store.append({ type: 'transition', from: from.id, to: to.id, step: action.steps[action.steps.length - 1]!, at: new Date().toISOString() });
    if (action.login) this.loginWall.attempted(from.id, to !== from && !to.login);
    if (action.kind === 'scroll' && to === from && this.lastSnapshot) this.addRevealedActions(from, this.lastSnapshot);
    this.report();
  }

  /** Settles and captures the current screen; records it when new. Undefined when the app was left (H5: another origin). */
  private async observe(steps: Step[], depth: number): Promise<ScreenState | undefined> {
    const snapshot = this.mask(await this.capture());
    this.lastSnapshot = snapshot;
    this.recordDialogs(snapshot);
    this.appOrigin ??= webOrigin(snapshot.url);
    if (this.appOrigin !== undefined && webOrigin(snapshot.url) !== this.appOrigin) {
      this.current = undefined;
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
    this.current = state;
    await this.drainObservations();
    return state;
  }

  private async capture(): Promise<UiSnapshot> {
    if (this.session.observe) return this.session.observe();
    await this.session.settle();
    return this.session.snapshot();
  }

  private async record(snapshot: UiSnapshot, signature: string, steps: Step[], depth: number): Promise<ScreenState> {
    // First, so a crash here leaves no screen state without its recorded screen.
    const png = await this.session.screenshot();
    const id = `s${this.states.size}`;
    const { actions, skipped } = candidateActions(snapshot.nodes, this.policy);
    for (const s of skipped) this.skipped.push({ screenId: id, ...s, byPolicy: true });
    if (snapshot.canScroll && this.session.scroll) actions.push(scrollAction());
    actions.sort((a, b) => a.order - b.order);
    const login = isLoginScreen(snapshot.nodes);
    const state: ScreenState = { id, signature, depth, steps, actions, next: 0, locators: new Set(actions.map((a) => a.locator)), scrolls: 0, lists: new Map(), login };
    if (login) this.loginWall.met(id);
    this.states.set(signature, state);
    this.queue.push(state);
    const event: ScreenEvent = {
      type: 'screen',
      id,
      signature,
      url: snapshot.url,
      title: snapshot.title,
      depth,
      steps,
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

  /**
   * After a scroll that kept the screen, rows it revealed (lazily loaded ones) become actions;
   * reaching them later takes the same scrolls first. Another scroll is added only while scrolling
   * keeps revealing something, and never past MAX_SCROLLS_PER_SCREEN.
   */
  private addRevealedActions(state: ScreenState, snapshot: UiSnapshot): void {
    state.scrolls++;
    const scrolls = Array.from({ length: state.scrolls }, () => scrollAction().steps[0]!);
    const revealed = candidateActions(snapshot.nodes, this.policy).actions.filter((a) => !state.locators.has(a.locator));
    for (const a of revealed) {
      state.locators.add(a.locator);
      a.steps = [...scrolls, ...a.steps];
    }
    if (revealed.length > 0 && snapshot.canScroll && state.scrolls < MAX_SCROLLS_PER_SCREEN) revealed.push(scrollAction());
    const rest = [...state.actions.slice(state.next), ...revealed].sort((a, b) => a.order - b.order);
    state.actions = [...state.actions.slice(0, state.next), ...rest];
  }

  private recordDialogs(snapshot: UiSnapshot): void {
    for (const d of snapshot.dialogs ?? []) {
      this.store.append({ type: 'console', level: 'DIALOG', source: `dialog:${d.kind}`, message: `${d.message}${d.kind === 'alert' ? '' : d.accepted ? '（已确认）' : '（已取消）'}`, ...(this.current ? { screenId: this.current.id } : {}), ts: Date.now() });
    }
  }

  /**
   * Makes `state` the current screen, cheapest way first: already there; Back to the parent;
   * forward from here when here is on its path; along known transitions (a tab bar reaches most
   * places); otherwise relaunch and replay its path.
   */
  private async goTo(state: ScreenState): Promise<boolean> {
    if (this.current?.signature === state.signature) return true;
    if (this.current && this.current.depth === state.depth + 1 && isPrefix(state.steps, this.current.steps)) {
      await this.session.back();
      if (await this.isAt(state)) return true;
    }
    if (this.current && isPrefix(this.current.steps, state.steps)) {
      return (await this.walk(state.steps.slice(this.current.steps.length))) && this.isAt(state);
    }
    const known = this.current ? routeBetween(this.edges, this.current, state) : undefined;
    if (known && known.length <= state.steps.length && (await this.walk(known)) && (await this.isAt(state))) return true;
    await this.session.launch();
    return (await this.walk(state.steps.slice(1))) && this.isAt(state);
  }

  /** Runs steps, settling between moves; false when one fails. */
  private async walk(steps: Step[]): Promise<boolean> {
    try {
      for (const [i, step] of steps.entries()) {
        await runStep(this.session, step, this.data);
        // The last move is settled by the observation that follows.
        if (step.action !== 'type' && step.action !== 'select' && i < steps.length - 1) await this.session.settle();
      }
      return true;
    } catch (error) {
      if (isAppCrash(error)) throw error;
      this.current = undefined;
      return false;
    }
  }

  private async isAt(state: ScreenState): Promise<boolean> {
    const snapshot = this.mask(await this.capture());
    this.recordDialogs(snapshot);
    const signature = screenSignature(snapshot);
    this.current = this.states.get(signature);
    return signature === state.signature;
  }

  /**
   * The app died at `site`: the action stays tried (never re-tapped in a loop), its screen counts
   * as not fully explored (what the action would have shown was not seen), the app is relaunched
   * within the run's cap and the launch screen captured. False when exploration cannot go on.
   */
  private async afterCrash(site: CrashSite, error: AppCrashedError): Promise<boolean> {
    this.current = undefined;
    const outcome = await this.recovery.recover(() => this.observe([this.launchStep], 0));
    // observe() may have set the current screen before it failed: the app is not on it.
    if (!outcome.recovered) this.current = undefined;
    this.skipped.push({ screenId: site.screenId, label: site.actionLabel, reason: this.mask(crashSkipReason(site, error, outcome)), byPolicy: false });
    this.store.append(this.mask(appCrashEvent(site, error, outcome)));
    this.report();
    return outcome.recovered;
  }

  private async drainObservations(): Promise<void> {
    const screenId = this.current?.id;
    for (const r of await this.session.drainNetwork()) {
      this.store.append(this.mask({ type: 'network', ...r, ...(screenId ? { screenId } : {}) }));
    }
    for (const log of await this.session.drainLogs()) {
      this.store.append(this.mask({ type: 'console', ...log, ...(screenId ? { screenId } : {}) }));
    }
  }

  private report(): void {
    this.options.onProgress?.({ screens: this.states.size, actions: this.actions, elapsedMs: this.now() - this.started });
  }

  /**
   * Screens are first found by whatever path the exploration took; at the end every screen gets
   * the shortest path over the transition graph (observed actions, and global navigation learned
   * on other screens), so findings cite the fewest taps a person needs.
   */
  private recordShortestPaths(): void {
    const start = [...this.states.values()].find((s) => s.id === 's0');
    if (!start) return;
    for (const [state, { steps, depth }] of shortestPaths(this.edges, start, start.steps)) {
      if (depth >= state.depth) continue;
      state.depth = depth;
      state.steps = steps;
      this.store.append({ type: 'screen-path', id: state.id, depth, steps });
    }
  }

  private finish(stoppedBy: CoverageEvent['stoppedBy']): CoverageEvent {
    this.recordShortestPaths();
    // A screen where an action failed was not fully explored either: a requirement judged within
    // a few taps must not fail on a screen that a failed tap may have hidden.
    const failedOn = new Set(this.skipped.filter((s) => !s.byPolicy).map((s) => s.screenId));
    const open = [...this.states.values()].filter((s) => s.next < s.actions.length || failedOn.has(s.id));
    const loginWall = this.loginWall.result();
    const coverage: CoverageEvent = {
      type: 'coverage',
      screens: this.states.size,
      screensFullyExplored: this.states.size - open.length,
      actions: this.actions,
      frontier: open.length,
      unexploredDepths: open.map((s) => s.depth),
      durationMs: this.now() - this.started,
      complete: stoppedBy === 'exhausted' && open.length === 0 && this.states.size > 0,
      stoppedBy,
      skippedActions: this.skipped,
      ...(loginWall ? { loginWall } : {}),
    };
    this.store.append(coverage);
    return coverage;
  }
}

function globalKey(action: CandidateAction): string {
  return `${action.locator}|${action.text}`;
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

function firstLine(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
