/**
 * A random-walk baseline for the exploration benchmark (not used by audits): from the current
 * screen, take one of its candidate actions uniformly at random (the same actions the explorer
 * has, form filling included), go Back now and then, relaunch when stuck. It counts the distinct
 * screens it saw, with the same screen identity as the explorer.
 */
import type { DeviceSession, UiSnapshot } from '../device/device-session.js';
import { candidateActions, DEFAULT_ACTION_POLICY, scrollAction } from './action-policy.js';
import { screenSignature } from './screen-signature.js';
import { runStep } from './step-runner.js';
import { typedValues, type TestData } from './test-data.js';
import { seededRandom } from '../core/seeded-random.js';

export { seededRandom };

export interface RandomWalkOptions {
  budgetMs: number;
  maxActions: number;
  seed: number;
  testData?: Partial<TestData>;
  /** Probability of pressing Back instead of an action. */
  backRate?: number;
}

export interface RandomWalkResult {
  actions: number;
  durationMs: number;
  /** URL and title of each distinct screen, in order of discovery. */
  screens: { url: string; title: string }[];
}


/** Walks at random until the action cap or the time budget is spent. */
export async function randomWalk(session: DeviceSession, options: RandomWalkOptions): Promise<RandomWalkResult> {
  const random = seededRandom(options.seed);
  const data = typedValues(options.testData);
  const seen = new Map<string, { url: string; title: string }>();
  const started = Date.now();
  let actions = 0;
  const look = async (): Promise<UiSnapshot> => {
    const snapshot = await session.observe();
    const signature = screenSignature(snapshot);
    if (!seen.has(signature)) seen.set(signature, { url: snapshot.url, title: snapshot.title });
    // Drained like the explorer does, so both pay the same per-action cost.
    if (session.can.networkObserved) await session.drainNetwork();
    if (session.can.logs) await session.drainLogs();
    return snapshot;
  };
  await session.launch();
  let snapshot = await look();
  const origin = new URL(snapshot.url).origin;
  while (actions < options.maxActions && Date.now() - started < options.budgetMs) {
    const choices = candidateActions(snapshot.nodes, DEFAULT_ACTION_POLICY, snapshot.listenersObserved).actions;
    if (snapshot.canScroll && session.can.scroll) choices.push(scrollAction());
    actions++;
    try {
      if (choices.length === 0 || random() < (options.backRate ?? 0.15)) await session.back();
      else for (const step of choices[Math.floor(random() * choices.length)]!.steps) await runStep(session, step, data);
    } catch {
      await session.launch();
    }
    snapshot = await look();
    if (!snapshot.url.startsWith(origin)) {
      // Back past the first screen (or a link out of the app): start again, as a user would.
      await session.launch();
      snapshot = await look();
    }
  }
  if (session.can.networkObserved) await session.drainNetwork().catch(() => []);
  return { actions, durationMs: Date.now() - started, screens: [...seen.values()] };
}
