/**
 * One audit of a bundled HarmonyOS sample on the simulated device (`govapp-audit run --device sim-harmonyos`,
 * budget 90), run in the calling suite's `before`: the helper of harmonyos-violating.test.ts and
 * harmonyos-compliant.test.ts (two files, so that npm test runs the two audits side by side).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before } from 'node:test';
import type { Verdict } from '../../src/verdict/verdict.js';
import { runCli, type CliResult } from './run-cli.js';

export function audit(sample: string): { out: string; result: () => { run: CliResult; verdict: Verdict } } {
  const out = mkdtempSync(join(tmpdir(), `e2e-${sample}-`));
  let run: CliResult | undefined;
  let verdict: Verdict | undefined;
  before(async () => {
    run = await runCli(['run', '--app', `samples/${sample}.hap`, '--device', 'sim-harmonyos', '--out', out, '--budget', '90', '--no-report']);
    verdict = JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict;
  });
  return { out, result: () => ({ run: run!, verdict: verdict! }) };
}
