/**
 * End to end on the login-wall sample: with the lab's test account the explorer signs in and
 * finds the check-in screen behind the wall, and the password appears nowhere under the output
 * folder (the app posts it in its login request); without an account the wall is reported and
 * prohibitions are inconclusive, not pass.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Verdict } from '../../src/verdict/verdict.js';
import { runCli } from './run-cli.js';

const ACCOUNT_FILE = 'samples/login-wall/test-account.json';
const account = JSON.parse(readFileSync(ACCOUNT_FILE, 'utf8')) as { username: string; password: string };

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

const outcome = (v: Verdict, id: string) => v.checks.find((c) => c.id === id)?.outcome;

describe('audit of the login-wall sample', () => {
  it('signs in with --credentials, explores behind the wall, and never writes the password', async () => {
    const out = mkdtempSync(join(tmpdir(), 'e2e-login-'));
    const run = await runCli(['run', '--app', 'samples/login-wall', '--credentials', ACCOUNT_FILE, '--out', out, '--budget', '90', '--no-report']);
    const verdict = JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict;
    assert.deepEqual(verdict.coverage.loginWall, { met: true, signedIn: true, screenId: 's0' }, run.stderr);
    assert.equal(verdict.coverage.complete, true);
    assert.equal(verdict.coverage.screens, 10);
    assert.equal(outcome(verdict, 'forced-check-in'), 'fail');
    const checkIn = verdict.checks.find((c) => c.id === 'forced-check-in')!.findings[0]!;
    assert.ok(checkIn.steps?.some((s) => s.action === 'type' && s.input === 'password'), 'the path signs in');
    const events = readFileSync(join(out, 'evidence', 'events.jsonl'), 'utf8');
    assert.match(events, /\/api\/login/, 'the login request was recorded');
    for (const file of allFiles(out)) {
      assert.equal(readFileSync(file).includes(account.password), false, `${file} holds the password`);
    }
    assert.equal(`${run.stdout}${run.stderr}`.includes(account.password), false);
  });

  it('without an account reports the wall in the verdict and keeps prohibitions inconclusive', async () => {
    const out = mkdtempSync(join(tmpdir(), 'e2e-login-none-'));
    const run = await runCli(['run', '--app', 'samples/login-wall', '--out', out, '--budget', '60', '--no-report']);
    assert.equal(run.code, 2, run.stderr);
    const verdict = JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict;
    assert.equal(verdict.coverage.loginWall?.met, true);
    assert.equal(verdict.coverage.loginWall?.signedIn, false);
    assert.equal(outcome(verdict, 'forced-check-in'), 'inconclusive');
    assert.match(verdict.checks.find((c) => c.id === 'forced-check-in')!.reason ?? '', /登录/);
    assert.ok(!verdict.checks.some((c) => c.outcome === 'pass'), 'nothing passes behind the wall');
  });
});
