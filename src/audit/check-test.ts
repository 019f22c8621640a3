/**
 * The body of one check's test in the audit specs (runs in the WebdriverIO worker):
 * evaluate the recorded evidence, write the result, attach the evidence, and end the test as
 * passed, failed (violation), broken (inconclusive) or skipped (exempt, not applicable).
 */
import type { CheckId } from '../checks/catalog.js';
import type { DetectorSettings } from '../checks/detectors/types.js';
import { loadLexicon } from '../config/lexicon.js';
import { evaluateCheck } from '../checks/evaluate.js';
import { EvidenceStore, readEvidenceBundle } from '../evidence/store.js';
import type { EvidenceBundle } from '../evidence/types.js';
import { readRunConfigFromEnv, type RunConfig } from '../runner/run-config.js';
import { writeProgress } from '../runner/progress.js';
import { runSecrets } from '../runner/run-secrets.js';
import { attachCheckEvidence } from './allure-evidence.js';
import { writeCheckResult } from './results.js';

let cachedBundle: EvidenceBundle | undefined;
let cachedSettings: DetectorSettings | undefined;

/** Evidence is read once per worker, after exploration has finished writing it. */
function bundleFor(outDir: string): EvidenceBundle {
  cachedBundle ??= readEvidenceBundle(outDir);
  return cachedBundle;
}

/** The run's settings with the lexicon (default + the lab's --lexicon file), compiled once per worker. */
function settingsFor(run: RunConfig): DetectorSettings {
  cachedSettings ??= { ...run.settings, lexicon: loadLexicon(run.lexiconFile) };
  return cachedSettings;
}

/** An outcome of "could not decide": reported as broken in Allure, never as passed. */
export class InconclusiveError extends Error {
  override readonly name = 'InconclusiveError';
}

/** A violation: reported as failed in Allure. */
export class ViolationError extends Error {
  override readonly name = 'AssertionError';
}

/** Runs one check inside a mocha test. */
export async function runCheckTest(test: Mocha.Context, id: CheckId): Promise<void> {
  const run = readRunConfigFromEnv();
  writeProgress(run.outDir, { phase: 'checking', check: id });
  const bundle = bundleFor(run.outDir);
  const secrets = runSecrets(run);
  // Masked once here: the result feeds the Allure attachments, results/<id>.json and the test's error message.
  const result = secrets.value(evaluateCheck(id, bundle, { exemptions: run.exemptions, settings: settingsFor(run) }));
  await attachCheckEvidence(new EvidenceStore(run.outDir, secrets), result, bundle);
  writeCheckResult(run.outDir, result, secrets);
  switch (result.outcome) {
    case 'pass': return;
    case 'fail': throw new ViolationError(`${result.title}：${result.findings.map((f) => f.summary).join('\n')}`);
    case 'inconclusive': throw new InconclusiveError(`无法判定：${result.reason ?? ''}`);
    case 'not-applicable': test.skip();
  }
}
