/**
 * The one end of every run, device or package: verdict.json (masked, schema-validated, atomic),
 * what WebdriverIO and the Allure writer left masked before anything reads it, the RUNNING marker
 * removed, then the Allure environment and the single-file report unless --no-report.
 */
import { join } from 'node:path';
import type { SecretMask } from '../evidence/secret-mask.js';
import { generateAllureReport, writeAllureEnvironment } from '../report/allure-report.js';
import { exitCodeFor, type Verdict } from '../verdict/verdict.js';
import { writeVerdict } from '../verdict/write-verdict.js';
import { markFinished } from './out-dir.js';
import { maskTextFilesUnder } from './mask-out-files.js';
import type { RunListener, RunOutcome } from './run-outcome.js';

export interface FinishInput {
  outDir: string;
  /** The verdict as built; masked here. */
  verdict: Verdict;
  secrets: SecretMask;
  /** The report's environment table (app, device, figures). */
  environment: Record<string, string | number | boolean>;
  noReport: boolean;
  listener?: RunListener | undefined;
}

/** Folders of the output whose text files others wrote (the Allure reporter, the testrunner's logs). */
const WRITTEN_BY_OTHERS = ['allure-results', 'logs'];

/** Writes the verdict and the report; resolves to the run's outcome (a failed report is said, not thrown). */
export async function finishRun(input: FinishInput): Promise<RunOutcome> {
  const { outDir, secrets } = input;
  const verdict = secrets.value(input.verdict);
  const verdictPath = writeVerdict(outDir, verdict);
  for (const dir of WRITTEN_BY_OTHERS) maskTextFilesUnder(join(outDir, dir), secrets);
  markFinished(outDir);
  const outcome: RunOutcome = { verdict, verdictPath, exitCode: exitCodeFor(verdict.outcome) };
  if (input.noReport) return outcome;
  input.listener?.phase('生成 Allure 报告');
  try {
    writeAllureEnvironment(join(outDir, 'allure-results'), secrets.value(input.environment));
    outcome.reportPath = await generateAllureReport(outDir);
  } catch (error) {
    outcome.reportError = error instanceof Error ? error.message : String(error);
  }
  return outcome;
}
