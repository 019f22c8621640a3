/**
 * The body of one probe's test (runs in the WebdriverIO worker after exploration): build the
 * probe context for the run's platform, run the probe within its budget, record how it went,
 * and show the figures in the probe's Allure test.
 */
import { addAttachment, addDescription } from '@wdio/allure-reporter';
import { platformOf } from '../platforms/registry.js';
import type { SecretMask } from '../evidence/secret-mask.js';
import { EvidenceStore, readEvidenceBundle } from '../evidence/store.js';
import { probeById } from '../probes/index.js';
import { runAndRecord, type ProbeBase } from '../probes/probe-run.js';
import type { ProbeSummary } from '../probes/probe.js';
import type { ProbeTools } from '../probes/probe-tools.js';
import { readRunConfigFromEnv, runApp, runSlot, type RunConfig } from '../runner/run-config.js';
import { runSecrets, runTestData } from '../runner/run-secrets.js';
import { serveFolder } from '../runner/sample-server.js';
import { writeProgress } from '../runner/progress.js';

/** Time each probe may take, from the run's exploration budget (seconds), bounded both ways. */
export function probeBudgetMs(probeId: string, budgetSeconds: number): number {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  switch (probeId) {
    // A small run (tests, a quick look) idles 8 s, enough for a 2 s beat; a 150 s audit one full 16 s window.
    case 'network-idle': return clamp(budgetSeconds * 110, 8_000, 48_000);
    case 'permissions': return clamp(budgetSeconds * 50, 3_000, 10_000);
    default: return 15_000;
  }
}

/** The probe's context and the tools the run's platform offers, built per probe: a relaunch after a crash changes the session. */
export function contextFor(browser: WebdriverIO.Browser, run: RunConfig, probeId: string): { base: ProbeBase; offered: ProbeTools } {
  const folder = run.app.name !== undefined ? run.app.target : undefined;
  const platform = platformOf(run.device.platform);
  const session = { app: runApp(run), profile: run.device, slot: runSlot(run) };
  const store = new EvidenceStore(run.outDir, runSecrets(run));
  const offered = platform.probeTools(browser, { ...session, store, ...(folder ? { serveOverIpv6: () => serveFolder(folder, '::1') } : {}) });
  const base: ProbeBase = {
    device: platform.openSession(browser, session),
    store,
    explored: readEvidenceBundle(run.outDir),
    appUrl: run.app.url ?? run.app.target,
    ...(run.device.budgets ? { budgets: run.device.budgets } : {}),
    budgetMs: probeBudgetMs(probeId, run.budgetSeconds),
    testData: runTestData(run),
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  return { base, offered };
}

/** Runs one probe inside a mocha test; a probe error is recorded (one record) and reported, never hidden. */
export async function runProbeTest(test: Mocha.Context, browser: WebdriverIO.Browser, probeId: string): Promise<void> {
  const run = readRunConfigFromEnv();
  const probe = probeById(probeId);
  if (!probe) throw new Error(`unknown probe ${probeId}`);
  writeProgress(run.outDir, { phase: 'checking', check: `探针 ${probe.id}` });
  const { base, offered } = contextFor(browser, run, probeId);
  await showProbeSummary(test, await runAndRecord(probe, base, offered), base.store.secrets);
}

/** Shows a probe's summary in its Allure test (masked), and skips the test when the probe was skipped. */
export async function showProbeSummary(test: Mocha.Context, summary: ProbeSummary, secrets: SecretMask): Promise<void> {
  await addDescription(secrets.text(summary.text), 'markdown');
  for (const a of summary.attachments ?? []) await addAttachment(a.name, typeof a.content === 'string' ? secrets.text(a.content) : a.content, a.type);
  // Outside runAndRecord: mocha's skip() throws, which must not become a second (error) record.
  if (summary.status === 'skipped') test.skip();
}
