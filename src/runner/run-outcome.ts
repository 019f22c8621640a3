/** What a run tells its caller (the CLI) while it runs and when it ends: shared by device runs and package runs. */
import type { Verdict } from '../verdict/verdict.js';
import type { ProgressEvent } from './progress.js';

export interface RunListener {
  phase(message: string): void;
  progress(event: ProgressEvent): void;
}

export interface RunOutcome {
  verdict: Verdict;
  verdictPath: string;
  reportPath?: string;
  reportError?: string;
  exitCode: number;
}
