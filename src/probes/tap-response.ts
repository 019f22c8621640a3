/**
 * Response to taps: a few taps the explorer made are replayed (launch, the recorded path to the
 * screen, then the tap with trusted input) and timed from the input to the next frame painted after
 * the app's handler (tap-timing.ts). Permission requests are answered "denied" during the replays:
 * the explorer ran in headless Chromium with no camera and no location, so that is the world its
 * paths were recorded in.
 */
import type { TapResponseFigures, TapResponseRecord } from '../evidence/probe-types.js';
import type { EvidenceBundle, ScreenEvent, Step } from '../evidence/types.js';
import type { ProbeContext } from './probe.js';
import { replaySteps } from './replay.js';

/** At most this many taps are timed (each costs a relaunch). */
export const MAX_TAPS = 4;
/** Taps tried in all: a replay that lands elsewhere (a login kept from exploration, a changed list) leaves room for the next. */
export const MAX_TAP_ATTEMPTS = 8;

export interface TapCandidate {
  screen: ScreenEvent;
  tap: Step;
}

/** Distinct explored taps (screen, control), shallowest screen first, at most `max`. */
export function tapCandidates(explored: Pick<EvidenceBundle, 'screens' | 'transitions'>, max = MAX_TAPS): TapCandidate[] {
  const seen = new Set<string>();
  const found: TapCandidate[] = [];
  for (const t of explored.transitions) {
    const screen = explored.screens.find((s) => s.id === t.from);
    if (t.step.action !== 'tap' || !t.step.locator || !screen) continue;
    const key = `${screen.id} ${t.step.locator}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ screen, tap: t.step });
  }
  return found.sort((a, b) => a.screen.depth - b.screen.depth).slice(0, max);
}

/** What timing taps needs: the input timer, and permission answers when the platform offers them. */
type TapContext = ProbeContext<'inputTimer', 'permissionControl'>;

/** Replays and times explored taps within the context's budget (at least one is always tried). */
export async function measureTaps(ctx: TapContext): Promise<TapResponseFigures> {
  const started = ctx.now();
  const taps: TapResponseRecord[] = [];
  await ctx.tools.permissionControl?.answerWith('denied');
  for (const candidate of tapCandidates(ctx.explored, MAX_TAP_ATTEMPTS)) {
    if (taps.length > 0 && ctx.now() - started > ctx.budgetMs) break;
    if (taps.filter((t) => t.ms !== undefined).length >= MAX_TAPS) break;
    taps.push(await measureTap(ctx, candidate).catch((error: unknown) => ({
      steps: [...candidate.screen.steps, candidate.tap], screenId: candidate.screen.id, label: candidate.tap.label,
      reason: `计时失败（${error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)}）。`,
    })));
  }
  return tapFigures(taps, ctx.tools.inputTimer.input);
}

async function measureTap(ctx: TapContext, { screen, tap }: TapCandidate): Promise<TapResponseRecord> {
  const base = { steps: [...screen.steps, tap], screenId: screen.id, label: tap.label };
  if (!(await replaySteps(ctx.device, screen.steps, ctx.testData ? { data: ctx.testData } : {}))) return { ...base, reason: '回放到该界面的路径失败。' };
  const timer = ctx.tools.inputTimer;
  const target = await timer.aim(tap.locator!);
  if ('error' in target) return { ...base, reason: `${target.error}。` };
  if (!sameControl(tap, target.text)) return { ...base, reason: `回放时该位置的控件是「${target.text}」，与探索时不同。` };
  return { ...base, ...(await timer.tapAimed((ms) => ctx.sleep(ms))) };
}

/** The control found at replay is the one the explorer tapped (its text, when both have one; line breaks and spaces ignored). */
export function sameControl(tap: Step, text: string): boolean {
  const bare = (v: string) => v.replace(/\s+/g, '');
  const recorded = bare(tap.text ?? /「(.*)」/.exec(tap.label)?.[1] ?? '');
  const found = bare(text);
  return !recorded || !found || found.includes(recorded) || recorded.includes(found);
}

/** Worst, median and p75 (nearest rank) over the timed taps. */
export function tapFigures(taps: TapResponseRecord[], input: string): TapResponseFigures {
  const times = taps.flatMap((t) => (t.ms === undefined ? [] : [t.ms])).sort((a, b) => a - b);
  const figures: TapResponseFigures = { input, taps };
  if (times.length === 0) return figures;
  const rank = (q: number) => times[Math.max(0, Math.ceil(q * times.length) - 1)] ?? 0;
  return { ...figures, worstMs: times.at(-1) ?? 0, medianMs: rank(0.5), p75Ms: rank(0.75) };
}
