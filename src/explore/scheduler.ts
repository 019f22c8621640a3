/**
 * Which screen to work on next and which of its actions need not be tried: the explorer's
 * choices, and what it learned from outcomes (global navigation, lists whose rows all open one
 * screen). Reads the recorder's registry; never moves the app.
 */
import type { CandidateAction } from './action-policy.js';
import type { ScreenRecorder } from './recorder.js';
import { hasUntried, type ListRecord, type ScreenState } from './screen-state.js';
import { isPrefix } from './transition-paths.js';

/** List rows tried before a list whose rows all open one screen counts as explored. */
export const LIST_SAMPLE = 2;
/**
 * Lists of up to this many rows are tried in full: a short list is more often a menu (我的积分,
 * 积分排行, 在线时长, 退出登录, 清除缓存) whose rows do different things even when two of them open
 * one screen, and a skipped row there can hide a violation or a crash; a content list (news,
 * records, a feed) is usually longer, and tapping its rows one by one is what sampling saves.
 */
export const FULL_LIST_ROWS = 8;

export class Scheduler {
  /** control (locator and text) → screens it was tapped on, and screens it led to. */
  private readonly outcomes = new Map<string, { from: Set<string>; to: Set<string> }>();

  constructor(private readonly recorder: ScreenRecorder) {}

  /**
   * The next screen to work on: the current one while it has untried actions (no travel), then
   * its parent (one Back away), otherwise the earliest-found screen that still has some.
   */
  pick(): ScreenState | undefined {
    // Destructive actions (退出登录, 删除…) come last on the whole app, not only on their screen:
    // a logout tried while other screens still wait would make every path behind the login replay
    // through it (and fail where the app keeps a half-state).
    return this.pickBy(hasUntriedSafe) ?? this.pickBy(hasUntried);
  }

  private pickBy(untried: (s: ScreenState) => boolean): ScreenState | undefined {
    const current = this.recorder.current;
    if (current && untried(current)) return current;
    const states = [...this.recorder.states.values()];
    if (current) {
      const parent = states.find((s) => s.depth === current.depth - 1 && untried(s) && isPrefix(s.steps, current.steps));
      if (parent) return parent;
    }
    return states.find(untried);
  }

  /**
   * Global navigation (a tab bar, a home button, found by any source: a probed tab bar too) shows
   * up on many screens. Once the same control has led to the same screen from two different
   * screens, it is not tried again elsewhere: the screen it leads to, when known.
   */
  knownGlobalTarget(action: CandidateAction): ScreenState | undefined {
    const outcomes = this.outcomes.get(globalKey(action));
    if (outcomes === undefined || outcomes.from.size < 2 || outcomes.to.size !== 1) return undefined;
    const id = [...outcomes.to][0];
    return [...this.recorder.states.values()].find((s) => s.id === id);
  }

  /**
   * Rows of one list (news items, feed entries) usually open the same kind of screen. Once the
   * first LIST_SAMPLE rows all opened one other screen, the remaining rows are skipped by policy;
   * rows that open different screens (a services menu), and every row of a list of at most
   * FULL_LIST_ROWS rows, are all tried. Likewise, guessed rows
   * (delegated, probed; rows with content, not bare text leaves, which may be unrelated labels
   * side by side) whose first LIST_SAMPLE taps all changed nothing are not all tried.
   */
  isSampledListRow(state: ScreenState, action: CandidateAction): boolean {
    if (state.actions.filter((a) => a.group === action.group).length <= FULL_LIST_ROWS) return false;
    return this.sampleList(state, action);
  }

  /**
   * A row of a short list whose screen cannot be reached again (the app's state changed: an
   * evaluation submitted by its first rows): when the rows tried so far all opened one other screen,
   * it is skipped by policy as a long list's would be, instead of leaving the screen unexplored.
   */
  isSampledWhenUnreachable(state: ScreenState, action: CandidateAction): boolean {
    return this.sampleList(state, action);
  }

  private sampleList(state: ScreenState, action: CandidateAction): boolean {
    const list = action.group === undefined ? undefined : state.lists.get(action.group);
    if (!list) return false;
    const inert = action.inertSampling === true && list.noEffect >= LIST_SAMPLE && list.to.size === 0;
    const same = list.tried >= LIST_SAMPLE && list.to.size === 1 && !list.to.has(state.id);
    if (!inert && !same) return false;
    if (!list.skipped) {
      list.skipped = true;
      const reason = inert ? `同一列表的前 ${LIST_SAMPLE} 项点击后均无任何变化，其余各项视为同类，不再逐一点击` : `同一列表的前 ${LIST_SAMPLE} 项均打开同一界面，其余各项视为同类，不再逐一点击`;
      this.recorder.skip({ screenId: state.id, label: `${action.label}等同类列表项`, reason, byPolicy: true });
    }
    return true;
  }

  /** Learns from a guessed action that changed nothing. */
  noteNoEffect(from: ScreenState, action: CandidateAction): void {
    from.noEffect++;
    if (action.group !== undefined) this.listOf(from, action.group).noEffect++;
  }

  /** Learns from an action that led from one screen to another (or the same). */
  noteOutcome(from: ScreenState, action: CandidateAction, to: ScreenState): void {
    const key = globalKey(action);
    const entry = this.outcomes.get(key) ?? { from: new Set<string>(), to: new Set<string>() };
    entry.from.add(from.id);
    entry.to.add(to.id);
    this.outcomes.set(key, entry);
    if (action.group !== undefined) {
      const list = this.listOf(from, action.group);
      list.to.add(to.id);
      list.tried++;
    }
  }

  private listOf(state: ScreenState, group: string): ListRecord {
    let list = state.lists.get(group);
    if (!list) {
      list = { to: new Set<string>(), tried: 0, skipped: false, noEffect: 0 };
      state.lists.set(group, list);
    }
    return list;
  }
}

/** Destructive actions carry order ≥ 2 (action-policy.ts); they are sorted last on their screen. */
const DESTRUCTIVE_ORDER = 2;

/** The screen's next untried action exists and is not destructive. */
function hasUntriedSafe(state: ScreenState): boolean {
  return hasUntried(state) && (state.actions[state.next]?.order ?? DESTRUCTIVE_ORDER) < DESTRUCTIVE_ORDER;
}

function globalKey(action: CandidateAction): string {
  return `${action.locator}|${action.text}`;
}
