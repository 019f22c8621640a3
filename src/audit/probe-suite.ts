/**
 * The probes' suite in the worker: which probes run in which order, and those that run alongside
 * the others (src/audit/alongside-probes.ts), whose tests only await them. The spec file only
 * declares mocha tests over this.
 */
import { platformOf } from '../platforms/registry.js';
import { probeOrder } from '../probes/alongside.js';
import { PROBES } from '../probes/index.js';
import type { AnyProbe } from '../probes/probe.js';
import { writeProgress } from '../runner/progress.js';
import { readRunConfigFromEnv } from '../runner/run-config.js';
import { runSecrets } from '../runner/run-secrets.js';
import { alongsideResult, settleAlongsideProbes, startAlongsideProbes } from './alongside-probes.js';
import { runProbeTest, showProbeSummary } from './probe-test.js';

/** The probes in test order for the run's platform. */
export function probesInOrder(): AnyProbe[] {
  return probeOrder(PROBES, platformOf(readRunConfigFromEnv().device.platform).independentSessions === true);
}

/** Starts the probes that may run alongside (idempotent: the OCR suite starts them first, the probes' suite makes sure). */
export function startAlongside(browser: WebdriverIO.Browser): void {
  startAlongsideProbes(readRunConfigFromEnv(), browser);
}

/** One probe's test: an alongside probe's result is awaited; any other probe, or one whose second session did not open, runs now on the main session. */
export async function runProbeInSuite(test: Mocha.Context, browser: WebdriverIO.Browser, probeId: string): Promise<void> {
  const run = readRunConfigFromEnv();
  const result = alongsideResult(probeId);
  // Not started alongside, or its second session could not be opened: it runs now, in turn.
  const summary = result ? await result : undefined;
  if (!summary) return runProbeTest(test, browser, probeId);
  writeProgress(run.outDir, { phase: 'checking', check: `探针 ${probeId}` });
  await showProbeSummary(test, summary, runSecrets(run));
}

/** The suite's end: the alongside probes have ended and closed their sessions before the worker goes on. */
export const settleAlongside = settleAlongsideProbes;
