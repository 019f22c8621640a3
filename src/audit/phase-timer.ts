/** Worker side of the phase table (src/runner/phase-timings.ts): times a phase and sends it down the progress channel. */
import { writeProgress, type ProgressEvent } from '../runner/progress.js';
import { readRunConfigFromEnv } from '../runner/run-config.js';

/** Runs `body` and records its wall time under `name` (also when it throws: a failed phase took time too). */
export async function timePhase<T>(name: string, body: () => Promise<T>): Promise<T> {
  const { outDir } = readRunConfigFromEnv();
  const startedAt = Date.now();
  try {
    return await body();
  } finally {
    writeProgress(outDir, { phase: 'checking', timing: { name, startedAt, ms: Date.now() - startedAt } });
  }
}

/** Records a moment only the worker side sees (Appium up, session open). */
export function markPhase(mark: NonNullable<ProgressEvent['mark']>): void {
  writeProgress(readRunConfigFromEnv().outDir, { phase: 'starting', mark });
}
