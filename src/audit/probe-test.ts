/**
 * The body of one probe's test (runs in the WebdriverIO worker after exploration): build the
 * probe context for the run's platform, run the probe within its budget, record how it went,
 * and show the figures in the probe's Allure test.
 */
import { addAttachment, addDescription } from '@wdio/allure-reporter';
import { platformOf } from '../platforms/registry.js';
import { DEFAULT_TEST_DATA, type TestData } from '../explore/test-data.js';
import { EvidenceStore, readEvidenceBundle } from '../evidence/store.js';
import { h5WebTools } from '../probes/h5/web-tools.js';
import { probeById } from '../probes/index.js';
import type { ProbeContext } from '../probes/probe.js';
import { runAndRecord } from '../probes/probe-run.js';
import { readRunConfigFromEnv, runApp, runSlot, type RunConfig } from '../runner/run-config.js';
import { runAccount, runSecrets } from '../runner/run-secrets.js';
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

/** Test data for replayed paths: the lab's account (--credentials, else the profile's) over the defaults, as the explorer typed it. */
function testDataOf(run: RunConfig): TestData {
  const account = runAccount(run);
  return { ...DEFAULT_TEST_DATA, ...run.testData, ...(account ? { username: account.username, password: account.password } : {}) };
}

function contextFor(browser: WebdriverIO.Browser, run: RunConfig, probeId: string): ProbeContext {
  const folder = run.app.name !== undefined ? run.app.target : undefined;
  const platform = platformOf(run.device.platform);
  const session = { app: runApp(run), profile: run.device, slot: runSlot(run) };
  return {
    device: platform.openSession(browser, session),
    store: new EvidenceStore(run.outDir, runSecrets(run)),
    explored: readEvidenceBundle(run.outDir),
    appUrl: run.app.url ?? run.app.target,
    ...(run.device.budgets ? { budgets: run.device.budgets } : {}),
    budgetMs: probeBudgetMs(probeId, run.budgetSeconds),
    web: h5WebTools(browser, { appiumPort: run.appiumPort, ...(folder ? { serveOverIpv6: () => serveFolder(folder, '::1') } : {}) }),
    testData: testDataOf(run),
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** Runs one probe inside a mocha test; a probe error is recorded (one record) and reported, never hidden. */
export async function runProbeTest(test: Mocha.Context, browser: WebdriverIO.Browser, probeId: string): Promise<void> {
  const run = readRunConfigFromEnv();
  const probe = probeById(probeId);
  if (!probe) throw new Error(`unknown probe ${probeId}`);
  writeProgress(run.outDir, { phase: 'checking', check: `探针 ${probe.id}` });
  const ctx = contextFor(browser, run, probeId);
  const summary = await runAndRecord(probe, ctx);
  const secrets = ctx.store.secrets;
  await addDescription(secrets.text(summary.text), 'markdown');
  for (const a of summary.attachments ?? []) await addAttachment(a.name, typeof a.content === 'string' ? secrets.text(a.content) : a.content, a.type);
  // Outside runAndRecord: mocha's skip() throws, which must not become a second (error) record.
  if (summary.status === 'skipped') test.skip();
}
