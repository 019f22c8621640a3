/**
 * A run interrupted by SIGTERM leaves no Appium, chromedriver or Chromium process behind, exits 2,
 * and what it wrote says it is incomplete.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { processesWithMarker } from '../../src/runner/process-sweep.js';
import type { RunConfig } from '../../src/runner/run-config.js';
import type { Verdict } from '../../src/verdict/verdict.js';
import { startCli } from './run-cli.js';

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('interrupting a run', () => {
  it('SIGTERM during exploration: exit 2, verdict incomplete, no process left', async () => {
    const out = mkdtempSync(join(tmpdir(), 'e2e-interrupt-'));
    const { child, done } = startCli(['run', '--out', out, '--budget', '120', '--no-report']);
    const events = join(out, 'evidence', 'events.jsonl');
    await waitFor(() => existsSync(events) && readFileSync(events, 'utf8').includes('"type":"transition"'), 90_000);
    const config = JSON.parse(readFileSync(join(out, 'run-config.json'), 'utf8')) as RunConfig;
    assert.ok(processesWithMarker(config.scratchDir).length >= 2, 'Appium and Chromium are running before the signal');
    child.kill('SIGTERM');
    const result = await done;
    assert.equal(result.code, 2, result.stderr);
    const verdict = JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict;
    assert.equal(verdict.complete, false);
    assert.notEqual(verdict.outcome, 'pass');
    assert.match(verdict.incompleteReason ?? '', /中断/);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(processesWithMarker(config.scratchDir), []);
  });
});
