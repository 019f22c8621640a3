/**
 * What the explorer knows about one recorded screen: its path from launch, its candidate actions
 * and how far through them it is, and the bookkeeping its coverage line is made of.
 */
import type { CandidateSource, ScreenCoverage, Step } from '../evidence/types.js';
import type { CandidateAction } from './action-policy.js';

export interface ScreenState {
  id: string;
  signature: string;
  depth: number;
  steps: Step[];
  actions: CandidateAction[];
  /** Index of the next action to try. */
  next: number;
  locators: Set<string>;
  scrolls: number;
  /** list group → screens its tried rows led to, how many were tried, and how many of those changed nothing. */
  lists: Map<string, ListRecord>;
  login: boolean;
  /** False when the screen shows content but yielded no candidate (see understood() in recorder.ts). */
  understood: boolean;
  found: Partial<Record<CandidateSource, number>>;
  tried: Partial<Record<CandidateSource, number>>;
  /** Guessed candidates (delegated, probed) that changed nothing when tapped. */
  noEffect: number;
  /** The only way forward of a modal covering the app (立即打卡, 同意…), when the screen is such a gate. */
  gate?: string;
}

export interface ListRecord {
  to: Set<string>;
  tried: number;
  skipped: boolean;
  noEffect: number;
}

/** True while the screen has actions not yet tried. */
export function hasUntried(state: ScreenState): boolean {
  return state.next < state.actions.length;
}

/** Counts an action of `state` under its source, in `found` or `tried`. */
export function count(state: ScreenState, field: 'found' | 'tried', action: CandidateAction): void {
  state[field][action.source] = (state[field][action.source] ?? 0) + 1;
}

/** The screen's line in coverage.perScreen. */
export function screenCoverage(state: ScreenState): ScreenCoverage {
  return {
    screenId: state.id,
    found: { ...state.found },
    tried: { ...state.tried },
    ...(state.noEffect > 0 ? { noEffect: state.noEffect } : {}),
    understood: state.understood,
    ...(state.gate !== undefined ? { gate: state.gate } : {}),
  };
}
