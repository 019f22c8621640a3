/**
 * End to end (Appium 3 + Chromium): the lab's test account never reaches the output folder.
 * The leak fixture posts the account as JSON at login, logs it to the console, and sends it
 * form-encoded, URL-encoded and in an `Authorization: Basic` header on a later request and every
 * 2 s while idle; it is audited with --credentials and every probe on (a normal run, with the
 * report), and every file under the out dir — verdict, events, blobs, logs, allure-results, the
 * single-file report with its base64-embedded attachments decoded — is grepped for every spelling.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Verdict } from '../../src/verdict/verdict.js';
import { assertNoSecretIn, type Account } from '../helpers/secret-leak.js';
import { runCli } from './run-cli.js';

const APP = 'test/fixtures/leak-app';
const ACCOUNT_FILE = join(APP, 'test-account.json');
const account = JSON.parse(readFileSync(ACCOUNT_FILE, 'utf8')) as Account;

void describe('the test account under the output folder', () => {
  void it('appears in no file in any spelling after a full audit of an app that sends it everywhere', async () => {
    const out = mkdtempSync(join(tmpdir(), 'e2e-leak-'));
    const run = await runCli(['run', '--app', APP, '--credentials', ACCOUNT_FILE, '--out', out, '--budget', '40']);
    const verdict = JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict;
    assert.equal(verdict.coverage.loginWall?.signedIn, true, `the explorer signed in: ${run.stderr}`);
    const events = readFileSync(join(out, 'evidence', 'events.jsonl'), 'utf8');
    assert.match(events, /"url":"[^"]*\/api\/login"/, 'the login request was recorded');
    assert.match(events, /"probe":"network-idle"[^\n]*\/api\/sync|\/api\/sync[^\n]*"probe":"network-idle"/, 'the idle probe recorded the account-carrying heartbeat');
    const probeRuns = events.split('\n').filter((l) => l.includes('"type":"probe-run"')).map((l) => JSON.parse(l) as { probe: string; message?: string });
    assert.equal(new Set(probeRuns.map((r) => r.probe)).size, probeRuns.length, 'one probe-run record per probe');
    assert.ok(probeRuns.every((r) => !r.message?.includes('[object Object]')));
    assert.ok(existsSync(join(out, 'report', 'index.html')), `the report was generated: ${run.stdout}`);
    assertNoSecretIn(out, account);
    assert.equal(`${run.stdout}${run.stderr}`.includes(account.password), false, 'the terminal output holds the password');
  });
});
