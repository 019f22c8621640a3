/**
 * What the explorer does when the app dies under it (H5: the page's renderer crashed): relaunch
 * through the device (a new session on H5) at most `cap` times per run, and describe the crash as
 * an `app-crash` event. The explorer marks the crashing action as tried, so it is never retried.
 */
import type { AppCrashedError, DeviceSession } from '../device/device-session.js';
import type { AppCrashEvent, Step } from '../evidence/types.js';

/** Relaunches per run after a crash: an app that keeps dying is reported, not fought with. */
export const MAX_CRASH_RECOVERIES = 3;

export type RecoveryOutcome = Pick<AppCrashEvent, 'recovered' | 'recoveryMs' | 'notRecoveredBecause'>;

/** Where the crash happened: the screen, its path, and the action performed on it (or travelled to). */
export interface CrashSite {
  screenId: string;
  steps: Step[];
  actionLabel: string;
  during: AppCrashEvent['during'];
}

/** Counts and performs relaunches after crashes, within the run's cap. */
export class CrashRecovery {
  private relaunches = 0;

  constructor(private readonly session: DeviceSession, private readonly now: () => number, private readonly cap = MAX_CRASH_RECOVERIES) {}

  /** Relaunches the app, then runs `verify` (capture the launch screen); a crash in either means no recovery. */
  async recover(verify: () => Promise<unknown>): Promise<RecoveryOutcome> {
    if (this.relaunches >= this.cap) return { recovered: false, notRecoveredBecause: 'cap-reached' };
    if (!this.session.can.relaunchAfterCrash) return { recovered: false, notRecoveredBecause: 'unsupported' };
    this.relaunches++;
    const started = this.now();
    try {
      await this.session.relaunchAfterCrash();
      await verify();
      return { recovered: true, recoveryMs: this.now() - started };
    } catch {
      return { recovered: false, recoveryMs: this.now() - started, notRecoveredBecause: 'relaunch-failed' };
    }
  }
}

/** The evidence event for a crash at `site` and how recovery went. */
export function appCrashEvent(site: CrashSite, error: AppCrashedError, outcome: RecoveryOutcome): AppCrashEvent {
  return { type: 'app-crash', ...site, kind: error.kind, message: error.message.split('\n')[0] ?? '', ...outcome, at: new Date().toISOString() };
}

/** Why the crashing action counts as tried but its screen as not fully explored (coverage.skippedActions). */
export function crashSkipReason(site: CrashSite, error: AppCrashedError, outcome: RecoveryOutcome): string {
  const what = site.during === 'action' ? '操作后应用崩溃' : '前往该界面时应用崩溃';
  const then = outcome.recovered ? '已重新启动并继续探索，该操作不再重试' : '未能重新启动，探索中止';
  return `${what}（${error.kind}：${error.message.split('\n')[0] ?? ''}），${then}`;
}
