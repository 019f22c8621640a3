/**
 * Probes run beside the others (src/probes/alongside.ts says which and when), started once per
 * worker before the OCR pass and awaited by their own tests. An `own-session` probe gets a second
 * WebdriverIO session on the run's Appium server, with the platform's own capabilities for a slot
 * of its own (a scratch folder under the run's, so the process sweep still finds it, and its own
 * chromedriver port); that session is always closed, whatever the probe did. Every probe records
 * into the run's evidence store as in turn.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readEvidenceBundle } from '../evidence/store.js';
import { platformOf } from '../platforms/registry.js';
import { ALONGSIDE_PROBES, alongsideRefusal } from '../probes/alongside.js';
import type { ProbeSummary } from '../probes/probe.js';
import { runAndRecord } from '../probes/probe-run.js';
import { probeById } from '../probes/index.js';
import { freePort } from '../runner/ports.js';
import { runApp, runSlot, type RunConfig } from '../runner/run-config.js';
import { contextFor } from './probe-test.js';
import { timePhase } from './phase-timer.js';

/**
 * The worker's probes running alongside, by id (module state: every spec file of the worker shares it).
 * `undefined` as a result: the second session could not be opened, so the probe did not run and its
 * test runs it in turn on the main session instead.
 */
const running = new Map<string, Promise<ProbeSummary | undefined>>();

/** Starts every probe that may run alongside on this run's evidence; a second call does nothing. */
export function startAlongsideProbes(run: RunConfig, browser: WebdriverIO.Browser): void {
  if (running.size > 0) return;
  const explored = readEvidenceBundle(run.outDir);
  const independent = platformOf(run.device.platform).independentSessions === true;
  for (const [probeId, mode] of Object.entries(ALONGSIDE_PROBES)) {
    if (alongsideRefusal(probeId, explored, independent) !== undefined) continue;
    const result = timePhase(`alongside:probe:${probeId}`, () => (mode === 'own-session' ? runOnOwnSession(run, probeId) : runBeside(run, browser, probeId)));
    // The test that awaits it reports a failure; until then it must not count as unhandled.
    result.catch(() => undefined);
    running.set(probeId, result);
  }
}

/** The result of `probeId` when it was started alongside (resolving to undefined when it could not run there). */
export function alongsideResult(probeId: string): Promise<ProbeSummary | undefined> | undefined {
  return running.get(probeId);
}

/** Resolves once every probe started alongside has ended (their sessions closed). */
export async function settleAlongsideProbes(): Promise<void> {
  await Promise.all([...running.values()].map((r) => r.catch(() => undefined)));
}

/** A probe that needs no device: the main session's context, on which it sends no command. */
async function runBeside(run: RunConfig, browser: WebdriverIO.Browser, probeId: string): Promise<ProbeSummary> {
  const { base, offered } = contextFor(browser, run, probeId);
  return runAndRecord(probeOf(probeId), base, offered);
}

async function runOnOwnSession(run: RunConfig, probeId: string): Promise<ProbeSummary | undefined> {
  const probe = probeOf(probeId);
  const browser = await openSecondSession(run, probeId).catch(() => undefined);
  if (!browser) return undefined;
  try {
    const { base, offered } = contextFor(browser, run, probeId);
    return await runAndRecord(probe, base, offered);
  } finally {
    await browser.deleteSession().catch(() => undefined);
  }
}

/** A second session on the run's Appium server, with the platform's capabilities for a slot of its own. */
async function openSecondSession(run: RunConfig, probeId: string): Promise<WebdriverIO.Browser> {
  const platform = platformOf(run.device.platform);
  const main = runSlot(run);
  const slot = { ...main, ports: { ...main.ports, chromedriverPort: await freePort() }, scratchDir: join(main.scratchDir, `alongside-${probeId}`) };
  // The driver writes its log there before it starts the browser.
  mkdirSync(slot.scratchDir, { recursive: true });
  const { remote } = await import('webdriverio');
  return remote({
    hostname: '127.0.0.1', port: run.appiumPort, path: '/', logLevel: 'error', connectionRetryCount: 1, connectionRetryTimeout: 60_000,
    capabilities: platform.capabilities(run.device, slot, runApp(run)),
  });
}

function probeOf(probeId: string) {
  const probe = probeById(probeId);
  if (!probe) throw new Error(`unknown probe ${probeId}`);
  return probe;
}
