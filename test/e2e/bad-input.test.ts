/** Bad input gets one clear sentence and exit 2: no stack trace, no verdict that looks complete. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, startCli } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'e2e-bad-'));

function assertOneSentenceError(result: { code: number | null; stderr: string; stdout: string }, pattern: RegExp): void {
  assert.equal(result.code, 2, `exit code; stderr: ${result.stderr}`);
  const lines = result.stderr.split('\n').filter((l) => l.startsWith('govapp-audit:'));
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace without --debug');
}

describe('bad input', () => {
  it('a package file that does not exist', async () => {
    const out = join(scratch, 'missing');
    const result = await runCli(['run', '--app', join(scratch, 'nope.apk'), '--out', out]);
    assertOneSentenceError(result, /does not exist/);
    assert.equal(existsSync(join(out, 'verdict.json')), false);
  });

  it('an unknown device profile, with a suggestion', async () => {
    assertOneSentenceError(await runCli(['run', '--device', 'pixel7']), /Unknown device profile "pixel7". Did you mean "pixel-7"\?/);
  });

  it('an unknown check id in --exempt', async () => {
    assertOneSentenceError(await runCli(['run', '--exempt', 'forced-checkin:安保']), /unknown check "forced-checkin".*Did you mean "forced-check-in"/);
  });

  it('an unreachable URL', async () => {
    const out = join(scratch, 'unreachable');
    const result = await runCli(['run', '--app', 'http://127.0.0.1:9/', '--out', out]);
    assertOneSentenceError(result, /Cannot reach http:\/\/127\.0\.0\.1:9\//);
    assert.equal(existsSync(join(out, 'verdict.json')), false);
    assert.equal(existsSync(join(out, 'RUNNING')), true, 'the folder says the run is incomplete');
  });

  it('a lab lexicon with an unknown check id, with a suggestion', async () => {
    const file = join(scratch, 'lab-lexicon.json');
    writeFileSync(file, JSON.stringify({ version: 1, checks: { 'points-rank': { rules: [] } } }));
    assertOneSentenceError(await runCli(['run', '--lexicon', file]), /unknown check "points-rank".*did you mean "points-ranking"/);
  });

  it('a credentials file without a password', async () => {
    const file = join(scratch, 'creds.json');
    writeFileSync(file, JSON.stringify({ username: 'lab-tester' }));
    assertOneSentenceError(await runCli(['run', '--credentials', file]), /has no non-empty string "password"/);
  });

  it('a test-data file that sets the password', async () => {
    const file = join(scratch, 'test-data.json');
    writeFileSync(file, JSON.stringify({ phone: '13912345678', password: 'x' }));
    assertOneSentenceError(await runCli(['run', '--test-data', file]), /sets "password"; the test account goes in --credentials/);
  });

  it('a truncated package file', async () => {
    const file = join(scratch, 'app.ipa');
    writeFileSync(file, 'PK');
    const out = join(scratch, 'truncated');
    assertOneSentenceError(await runCli(['run', '--app', file, '--out', out]), /app\.ipa/);
    assert.equal(existsSync(join(out, 'verdict.json')), false);
  });

  it('an Appium port already taken', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      assertOneSentenceError(await runCli(['run', '--appium-port', String(port)]), new RegExp(`Port ${port} .* already in use`));
    } finally {
      server.close();
    }
  });

  it('an output folder that cannot be created, under /dev/null or /proc', async () => {
    assertOneSentenceError(await runCli(['run', '--out', '/dev/null/x']), /Cannot write to --out \/dev\/null\/x \(ENOTDIR\)/);
    // Node's recursive mkdir retries /proc's ENOENT forever: this run used to hang.
    const { child, done } = startCli(['run', '--out', '/proc/x']);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const result = await done.finally(() => clearTimeout(timer));
    assert.equal(result.signal, null, 'the run answered within 30 s');
    assertOneSentenceError(result, /Cannot write to --out \/proc\/x \(ENOENT\); choose a writable folder/);
  });

  it('a negative budget is a budget that is not positive, not an ambiguous option', async () => {
    assertOneSentenceError(await runCli(['run', '--budget', '-5']), /--budget must be a positive number of seconds, got "-5"/);
  });

  it('an unknown option, and a report for a folder with no run', async () => {
    assertOneSentenceError(await runCli(['run', '--colour']), /Unknown option '--colour'/);
    assertOneSentenceError(await runCli(['report', scratch]), /holds no Allure results/);
  });

  it('shows the stack only with --debug', async () => {
    const result = await runCli(['run', '--device', 'pixel7', '--debug']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /\n\s+at /);
  });
});
