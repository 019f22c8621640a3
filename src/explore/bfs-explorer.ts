/**
 * A systematic explorer: breadth-first over screens, every action of every screen tried once,
 * staying on the current screen while it has untried actions, returning by Back and, when Back
 * does not lead where expected, by a relaunch and a replay of the shortest known path. Forms are
 * filled with test data before they are submitted; a login screen is passed with the lab's test
 * account; lists are sampled (rows that all open one screen are not all tried) and long pages are
 * scrolled a bounded number of times. Candidates come from every source (own handlers, delegated,
 * probed); a guessed candidate that changes nothing is recorded as tried without effect. Stops when
 * everything was tried, or when the time budget or the action cap is spent, and says which; a run
 * that met a screen it could not understand is never complete.
 *
 * Parts, one owner each: the recorder (screens, events, coverage; the only one that knows the
 * current screen), the scheduler (what next), the navigator (getting back to a screen), the
 * candidates (what to try on a screen: action-policy.ts, candidates.ts, control-like.ts).
 */
import { isAppCrash, type AppCrashedError, type DeviceSession } from '../device/device-session.js';
import type { EvidenceStore } from '../evidence/store.js';
import type { CoverageEvent, Step } from '../evidence/types.js';
import { DEFAULT_ACTION_POLICY, type ActionPolicy, type CandidateAction } from './action-policy.js';
import { isGuess } from './candidates.js';
import { appCrashEvent, crashSkipReason, CrashRecovery, type CrashSite } from './crash-recovery.js';
import { followThrough, FOLLOW_UP } from './follow-through.js';
import { LoginWallTracker } from './login-wall.js';
import { masker, type Mask } from './mask.js';
import { Navigator } from './navigator.js';
import { ScreenRecorder, type Observation } from './recorder.js';
import { Scheduler } from './scheduler.js';
import { count, type ScreenState } from './screen-state.js';
import { runStep } from './step-runner.js';
import { typedValues, type TestData } from './test-data.js';

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
  /** Waits between the re-observations that follow a submit (default: a timer; tests pass a no-op). */
  pause?: (ms: number) => Promise<void>;
  /** Relaunches after app crashes per run (default MAX_CRASH_RECOVERIES). */
  maxCrashRecoveries?: number;
}

/** Scrolls per screen: enough to reveal lazily loaded rows, bounded so an endless feed cannot drown the run. */
export const MAX_SCROLLS_PER_SCREEN = 2;

/** Explores the app and records screens, transitions, requests and logs into the store. */
export async function exploreBreadthFirst(session: DeviceSession, store: EvidenceStore, options: ExploreOptions): Promise<CoverageEvent> {
  const explorer = new Explorer(session, store, options);
  return explorer.run();
}

class Explorer {
  private readonly loginWall: LoginWallTracker;
  private readonly recorder: ScreenRecorder;
  private readonly scheduler: Scheduler;
  private readonly navigator: Navigator;
  private readonly started: number;
  private readonly now: () => number;
  private readonly pause: (ms: number) => Promise<void>;
  private readonly policy: ActionPolicy;
  private readonly launchStep: Step;
  private readonly data: TestData;
  private readonly mask: Mask;
  private readonly recovery: CrashRecovery;

  constructor(private readonly session: DeviceSession, private readonly store: EvidenceStore, private readonly options: ExploreOptions) {
    this.now = options.now ?? Date.now;
    this.pause = options.pause ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.started = this.now();
    this.policy = options.policy ?? DEFAULT_ACTION_POLICY;
    this.launchStep = { action: 'launch', label: options.launchLabel };
    this.data = typedValues(options.testData, options.credentials);
    this.loginWall = new LoginWallTracker(options.credentials !== undefined);
    this.mask = masker(options.credentials ? [options.credentials.password, options.credentials.username] : []);
    this.recovery = new CrashRecovery(session, this.now, options.maxCrashRecoveries);
    this.recorder = new ScreenRecorder(session, store, this.mask, this.policy, this.loginWall, options.credentials?.username);
    this.scheduler = new Scheduler(this.recorder);
    this.navigator = new Navigator(session, this.recorder, this.data, this.pause);
  }

  async run(): Promise<CoverageEvent> {
    let stoppedBy: CoverageEvent['stoppedBy'] = 'exhausted';
    try {
      if (this.session.can.dialogs) this.session.setDialogPolicy(this.policy.last);
      await this.session.launch();
      if (!(await this.recorder.observe([this.launchStep], 0))) throw new Error('the launch screen could not be captured');
      for (;;) {
        const state = this.scheduler.pick();
        if (!state) break;
        if (this.now() - this.started >= this.options.budgetMs) { stoppedBy = 'time-budget'; break; }
        if (this.recorder.actions >= this.options.maxActions) { stoppedBy = 'action-cap'; break; }
        const action = state.actions[state.next]!;
        state.next++;
        const global = this.scheduler.knownGlobalTarget(action);
        if (global) {
          this.recorder.edges.push({ from: state, to: global, steps: action.steps });
          continue;
        }
        if (this.scheduler.isSampledListRow(state, action)) continue;
        if (!(await this.attempt(state, action))) { stoppedBy = 'app-crash'; break; }
      }
    } catch (error) {
      stoppedBy = 'error';
      this.store.append({ type: 'run-issue', phase: 'explore', message: this.mask(firstLine(error)), at: new Date().toISOString() });
    }
    await this.recorder.drainObservations().catch(() => 0);
    return this.recorder.finish(stoppedBy, this.now() - this.started);
  }

  /** Goes to `state` and performs `action`; false when the app crashed and could not be brought back. */
  private async attempt(state: ScreenState, action: CandidateAction): Promise<boolean> {
    let during: CrashSite['during'] = 'navigation';
    try {
      if (!(await this.navigator.goTo(state))) {
        if (!this.scheduler.isSampledWhenUnreachable(state, action)) this.recorder.skip({ screenId: state.id, label: action.label, reason: '无法回到该界面', byPolicy: false });
        return true;
      }
      during = 'action';
      await this.perform(state, action);
      return true;
    } catch (error) {
      if (!isAppCrash(error)) throw error;
      const steps = during === 'action' ? [...state.steps, ...action.steps] : state.steps;
      return this.afterCrash({ screenId: state.id, steps, actionLabel: action.label, during }, error);
    }
  }

  private async perform(from: ScreenState, action: CandidateAction): Promise<void> {
    this.recorder.actions++;
    count(from, 'tried', action);
    const before = this.recorder.lastSnapshot;
    try {
      for (const step of action.steps) await runStep(this.session, step, this.data);
    } catch (error) {
      if (isAppCrash(error)) throw error;
      this.recorder.lose();
      // A guessed control that cannot be tapped (not interactable, gone) is a guess that did nothing, not a failure of the screen.
      if (isGuess(action.source)) this.scheduler.noteNoEffect(from, action);
      else this.recorder.skip({ screenId: from.id, label: action.label, reason: `操作失败：${this.mask(firstLine(error))}`, byPolicy: false });
      return;
    }
    const seen = await this.recorder.observe([...from.steps, ...action.steps], from.depth + 1);
    if (!seen) {
      // An outbound link (another site, a download page): not the app under test, so not explored.
      this.recorder.skip({ screenId: from.id, label: action.label, reason: `离开了被测应用（打开 ${this.recorder.lastSnapshot?.url ?? '外部页面'}），不再探索`, byPolicy: true });
      await this.recorder.drainObservations();
      return;
    }
    if (isGuess(action.source) && changedNothing(from, seen, before?.visibleText)) {
      // Tried without effect: no transition edge (it would teach global navigation that is not there).
      this.scheduler.noteNoEffect(from, action);
      this.report();
      return;
    }
    let to = seen.state;
    this.scheduler.noteOutcome(from, action, to);
    this.recorder.transition(from, to, action);
    if (action.kind === 'scroll' && to === from && this.recorder.lastSnapshot) this.recorder.addRevealedActions(from, this.recorder.lastSnapshot, MAX_SCROLLS_PER_SCREEN);
    // Only a submit that left the app where it was (the form, a login form under a toast) may still be on its way.
    if (submits(action) && (to === from || to.login)) to = await this.follow(from, action, to);
    if (action.login) this.loginWall.attempted(from.id, to !== from && !to.login);
    this.report();
  }

  /**
   * A submit (a login above all) is followed until the app stops moving: a toast, then a redirect.
   * Every screen the app moves on to by itself is recorded, reached from `from` by the same action.
   */
  private async follow(from: ScreenState, action: CandidateAction, to: ScreenState): Promise<ScreenState> {
    const later = await followThrough(this.recorder, this.pause, FOLLOW_UP, [...from.steps, ...action.steps], from.depth + 1, to);
    for (const [passing, next] of later.moves) {
      this.recorder.transition(from, next, action);
      this.scheduler.noteOutcome(from, action, next);
      // The screen left by itself: its remaining actions cannot be tried (it does not stay).
      if (passing !== from && passing.next < passing.actions.length) {
        passing.next = passing.actions.length;
        this.recorder.skip({ screenId: passing.id, label: '该界面的其余操作', reason: '该界面随后自动跳转到其他界面（如提示后跳转），不停留，无法操作', byPolicy: true });
      }
    }
    return later.last;
  }

  /**
   * The app died at `site`: the action stays tried (never re-tapped in a loop), its screen counts
   * as not fully explored (what the action would have shown was not seen), the app is relaunched
   * within the run's cap and the launch screen captured. False when exploration cannot go on.
   */
  private async afterCrash(site: CrashSite, error: AppCrashedError): Promise<boolean> {
    this.recorder.lose();
    const outcome = await this.recovery.recover(async () => (await this.recorder.observe([this.launchStep], 0))?.state);
    // observe() may have recorded the current screen before it failed: the app is not on it.
    if (!outcome.recovered) this.recorder.lose();
    this.recorder.skip({ screenId: site.screenId, label: site.actionLabel, reason: this.mask(crashSkipReason(site, error, outcome)), byPolicy: false });
    this.store.append(this.mask(appCrashEvent(site, error, outcome)));
    this.report();
    return outcome.recovered;
  }

  private report(): void {
    this.options.onProgress?.({ screens: this.recorder.states.size, actions: this.recorder.actions, elapsedMs: this.now() - this.started });
  }
}

/** A guessed tap changed nothing: same screen, no dialog, no request, no change in place. */
function changedNothing(from: ScreenState, seen: Observation, textBefore: string | undefined): boolean {
  return seen.state === from && seen.dialogs === 0 && seen.requests === 0 && textBefore !== undefined && seen.snapshot.visibleText === textBefore;
}

/** Actions after which the app may keep moving by itself: form submits and logins. */
function submits(action: CandidateAction): boolean {
  return action.login === true || action.steps.some((s) => s.action === 'type' || s.action === 'select');
}

function firstLine(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
