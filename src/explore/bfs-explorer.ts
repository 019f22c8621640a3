/**
 * A first, simple systematic explorer: breadth-first over screens, every tappable element of
 * every screen tried once, returning by Back and, when Back does not lead where expected, by a
 * relaunch and a replay of the shortest known path. Stops when everything was tried, or when
 * the time budget or the action cap is spent, and says which.
 */
import type { DeviceSession, UiSnapshot } from '../device/device-session.js';
import type { EvidenceStore } from '../evidence/store.js';
import type { CoverageEvent, ScreenEvent, Step } from '../evidence/types.js';
import { candidateActions, DEFAULT_ACTION_POLICY, type ActionPolicy, type CandidateAction } from './action-policy.js';
import { screenSignature } from './screen-signature.js';

export interface ExploreOptions {
  budgetMs: number;
  maxActions: number;
  launchLabel: string;
  policy?: ActionPolicy;
  onProgress?: (p: { screens: number; actions: number; elapsedMs: number }) => void;
  now?: () => number;
}

interface ScreenState {
  id: string;
  signature: string;
  depth: number;
  steps: Step[];
  actions: CandidateAction[];
  next: number;
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
  private readonly edges: { from: ScreenState; to: ScreenState; step: Step }[] = [];
  private current: ScreenState | undefined;
  private actions = 0;
  private readonly started: number;
  private readonly now: () => number;
  private readonly policy: ActionPolicy;
  private readonly launchStep: Step;

  constructor(private readonly session: DeviceSession, private readonly store: EvidenceStore, private readonly options: ExploreOptions) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
    this.policy = options.policy ?? DEFAULT_ACTION_POLICY;
    this.launchStep = { action: 'launch', label: options.launchLabel };
  }

  async run(): Promise<CoverageEvent> {
    let stoppedBy: CoverageEvent['stoppedBy'] = 'exhausted';
    try {
      await this.session.launch();
      this.current = await this.observe([this.launchStep], 0);
      for (;;) {
        const state = this.pickState();
        if (!state) break;
        if (this.now() - this.started >= this.options.budgetMs) { stoppedBy = 'time-budget'; break; }
        if (this.actions >= this.options.maxActions) { stoppedBy = 'action-cap'; break; }
        const action = state.actions[state.next]!;
        state.next++;
        if (this.isKnownGlobal(action)) {
          this.edges.push({ from: state, to: this.globalTarget(action)!, step: stepOf(action) });
          continue;
        }
        if (!(await this.goTo(state))) {
          this.skipped.push({ screenId: state.id, label: action.label, reason: '无法回到该界面', byPolicy: false });
          continue;
        }
        await this.perform(state, action);
      }
    } catch (error) {
      stoppedBy = 'error';
      this.store.append({ type: 'run-issue', phase: 'explore', message: error instanceof Error ? error.message.split('\n')[0]! : String(error), at: new Date().toISOString() });
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

  private noteOutcome(from: ScreenState, action: CandidateAction, to: ScreenState): void {
    const key = globalKey(action);
    const entry = this.outcomes.get(key) ?? { from: new Set<string>(), to: new Set<string>() };
    entry.from.add(from.id);
    entry.to.add(to.id);
    this.outcomes.set(key, entry);
  }

  private async perform(from: ScreenState, action: CandidateAction): Promise<void> {
    const step = stepOf(action);
    this.actions++;
    try {
      await this.session.tap(action.locator);
    } catch (error) {
      this.skipped.push({ screenId: from.id, label: action.label, reason: `点击失败：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, byPolicy: false });
      this.current = undefined;
      return;
    }
    await this.session.settle();
    const to = await this.observe([...from.steps, step], from.depth + 1);
    this.noteOutcome(from, action, to);
    this.edges.push({ from, to, step });
    this.store.append({ type: 'transition', from: from.id, to: to.id, step, at: new Date().toISOString() });
    this.report();
  }

  /** Captures the current screen; records it when new. */
  private async observe(steps: Step[], depth: number): Promise<ScreenState> {
    const snapshot = await this.session.snapshot();
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

  private async record(snapshot: UiSnapshot, signature: string, steps: Step[], depth: number): Promise<ScreenState> {
    const id = `s${this.states.size}`;
    const { actions, skipped } = candidateActions(snapshot.nodes, this.policy);
    for (const s of skipped) this.skipped.push({ screenId: id, ...s, byPolicy: true });
    const state: ScreenState = { id, signature, depth, steps, actions, next: 0 };
    this.states.set(signature, state);
    this.queue.push(state);
    const png = await this.session.screenshot();
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

  /** Makes `state` the current screen: already there, Back, forward from here, or relaunch and replay. */
  private async goTo(state: ScreenState): Promise<boolean> {
    if (this.current?.signature === state.signature) return true;
    if (this.current && this.current.depth === state.depth + 1 && isPrefix(state.steps, this.current.steps)) {
      await this.session.back();
      await this.session.settle();
      if (await this.isAt(state)) return true;
    }
    const from = this.current && isPrefix(this.current.steps, state.steps) ? this.current.steps.length : 0;
    if (from === 0) await this.session.launch();
    for (const step of state.steps.slice(Math.max(from, 1))) {
      if (step.action !== 'tap' || !step.locator) continue;
      try {
        await this.session.tap(step.locator);
        await this.session.settle();
      } catch {
        this.current = undefined;
        return false;
      }
    }
    return this.isAt(state);
  }

  private async isAt(state: ScreenState): Promise<boolean> {
    const signature = screenSignature(await this.session.snapshot());
    this.current = this.states.get(signature);
    return signature === state.signature;
  }

  private async drainObservations(): Promise<void> {
    const screenId = this.current?.id;
    for (const r of await this.session.drainNetwork()) {
      this.store.append({ type: 'network', ...r, ...(screenId ? { screenId } : {}) });
    }
    for (const log of await this.session.drainLogs()) {
      this.store.append({ type: 'console', ...log, ...(screenId ? { screenId } : {}) });
    }
  }

  private report(): void {
    this.options.onProgress?.({ screens: this.states.size, actions: this.actions, elapsedMs: this.now() - this.started });
  }

  /**
   * Screens are first found by whatever path the exploration took; at the end every screen gets
   * the shortest path over the transition graph (observed taps, and global navigation learned
   * on other screens), so findings cite the fewest taps a person needs.
   */
  private recordShortestPaths(): void {
    const start = [...this.states.values()].find((s) => s.id === 's0');
    if (!start) return;
    const best = new Map<ScreenState, Step[]>([[start, start.steps]]);
    const queue = [start];
    while (queue.length > 0) {
      const state = queue.shift()!;
      for (const edge of this.edges) {
        if (edge.from !== state || best.has(edge.to)) continue;
        best.set(edge.to, [...best.get(state)!, edge.step]);
        queue.push(edge.to);
      }
    }
    for (const [state, steps] of best) {
      const depth = steps.length - 1;
      if (depth >= state.depth) continue;
      state.depth = depth;
      state.steps = steps;
      this.store.append({ type: 'screen-path', id: state.id, depth, steps });
    }
  }

  private finish(stoppedBy: CoverageEvent['stoppedBy']): CoverageEvent {
    this.recordShortestPaths();
    const open = [...this.states.values()].filter((s) => s.next < s.actions.length);
    const coverage: CoverageEvent = {
      type: 'coverage',
      screens: this.states.size,
      screensFullyExplored: this.states.size - open.length,
      actions: this.actions,
      frontier: open.length,
      unexploredDepths: open.map((s) => s.depth),
      durationMs: this.now() - this.started,
      complete: stoppedBy === 'exhausted' && open.length === 0 && this.states.size > 0 && this.skipped.every((s) => s.byPolicy),
      stoppedBy,
      skippedActions: this.skipped,
    };
    this.store.append(coverage);
    return coverage;
  }
}

function globalKey(action: CandidateAction): string {
  return `${action.locator}|${action.text}`;
}

/** True when path `a` is a prefix of path `b` (same steps in the same order). */
function isPrefix(a: Step[], b: Step[]): boolean {
  return a.length <= b.length && a.every((step, i) => step.label === b[i]!.label && step.locator === b[i]!.locator);
}

function stepOf(action: CandidateAction): Step {
  return { action: 'tap', label: action.label, locator: action.locator, text: action.text };
}
