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
      while (this.queue.length > 0) {
        const state = this.queue[0]!;
        const action = state.actions[state.next];
        if (!action) {
          this.queue.shift();
          continue;
        }
        if (this.now() - this.started >= this.options.budgetMs) { stoppedBy = 'time-budget'; break; }
        if (this.actions >= this.options.maxActions) { stoppedBy = 'action-cap'; break; }
        state.next++;
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

  private async perform(from: ScreenState, action: CandidateAction): Promise<void> {
    const step: Step = { action: 'tap', label: action.label, locator: action.locator, text: action.text };
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

  /** Makes `state` the current screen: already there, Back, or relaunch and replay. */
  private async goTo(state: ScreenState): Promise<boolean> {
    if (this.current?.signature === state.signature) return true;
    if (this.current && this.current.depth === state.depth + 1) {
      await this.session.back();
      await this.session.settle();
      if (screenSignature(await this.session.snapshot()) === state.signature) {
        this.current = state;
        return true;
      }
    }
    await this.session.launch();
    for (const step of state.steps) {
      if (step.action !== 'tap' || !step.locator) continue;
      try {
        await this.session.tap(step.locator);
        await this.session.settle();
      } catch {
        this.current = undefined;
        return false;
      }
    }
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

  private finish(stoppedBy: CoverageEvent['stoppedBy']): CoverageEvent {
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
