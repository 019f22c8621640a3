/**
 * End to end on the native path: the compliant Android sample on the simulated device passes, or is
 * inconclusive only on the checks docs/android.md says need a real device (or that never pass on
 * loopback/wire evidence alone); no check fails.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Verdict } from '../../src/verdict/verdict.js';
import { runCli, type CliResult } from './run-cli.js';

/** Checks docs/android.md lists as needing a real device or never passing on the evidence a lab host has. */
const MAY_BE_INCONCLUSIVE = new Set(['ipv6-readiness', 'data-security']);

describe('the compliant Android sample on the simulated device', () => {
  const out = mkdtempSync(join(tmpdir(), 'e2e-android-compliant-'));
  let run: CliResult;
  let verdict: Verdict;

  before(async () => {
    run = await runCli(['run', '--app', 'samples/android-compliant.apk', '--device', 'sim-android', '--out', out, '--budget', '45', '--no-report']);
    verdict = JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict;
  });

  it('has no failing check, and is inconclusive only where the documentation says a real device is needed', () => {
    assert.notEqual(run.code, 1, run.stdout);
    assert.equal(verdict.complete, true, verdict.incompleteReason);
    const failed = verdict.checks.filter((c) => c.outcome === 'fail');
    assert.deepEqual(failed.map((c) => [c.id, c.findings.map((f) => f.summary)]), []);
    const unexpected = verdict.checks.filter((c) => c.outcome === 'inconclusive' && !MAY_BE_INCONCLUSIVE.has(c.id));
    assert.deepEqual(unexpected.map((c) => [c.id, c.reason]), []);
    assert.equal(verdict.device.simulated, true);
  });
});
