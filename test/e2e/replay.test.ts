/**
 * End to end through Appium 3 + Chromium: a finding of the violating sample is replayed from its
 * recorded path on a fresh session (`govapp-audit replay`), and the check's detector confirms it
 * on the re-captured screen; a finding whose text the screen no longer shows is not reproduced.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Verdict } from '../../src/verdict/verdict.js';
import { runCli } from './run-cli.js';
import { DEFAULT_DEMO_ARGS, sharedAudit } from './shared-audit.js';

function findingNumber(verdict: Verdict, check: string, text: RegExp): number {
  let n = 0;
  for (const c of verdict.checks) {
    for (const f of c.findings) {
      n++;
      if (c.id === check && text.test(f.text ?? '') && (f.steps?.length ?? 0) > 1) return n;
    }
  }
  throw new Error(`no ${check} finding matching ${String(text)}`);
}

describe('govapp-audit replay', () => {
  let out: string;
  let verdict: Verdict;
  let ranking: number;

  before(async () => {
    // The audit of audit-samples.test.ts (same app, same options), run by whichever file comes first.
    const { out: copy, result: run } = await sharedAudit('default-demo', DEFAULT_DEMO_ARGS);
    out = copy;
    assert.equal(run.code, 1, run.stderr);
    verdict = JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict;
    ranking = findingNumber(verdict, 'points-ranking', /排名/);
  });

  it('reproduces the points-ranking finding four taps deep, writes a new screenshot, and exits 0', async () => {
    const result = await runCli(['replay', out, '--finding', String(ranking)]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^finding \d+ \(points-ranking\)/m);
    assert.match(result.stdout, /点击「我的」 → 点击「我的积分/);
    assert.match(result.stdout, /^reproduced: /m);
    const shot = /^screenshot: (.+)$/m.exec(result.stdout)?.[1];
    assert.ok(shot && existsSync(shot), 'the new screenshot exists');
    assert.ok(readFileSync(shot).subarray(1, 4).toString() === 'PNG');
    const saved = JSON.parse(readFileSync(join(out, 'replay', `finding-${ranking}`, 'replay.json'), 'utf8')) as { exitCode: number };
    assert.equal(saved.exitCode, 0);
  });

  it('exits 1 when the replayed screen no longer shows the finding', async () => {
    const changed = mkdtempSync(join(tmpdir(), 'e2e-replay-changed-'));
    cpSync(out, changed, { recursive: true });
    const edited = JSON.parse(readFileSync(join(changed, 'verdict.json'), 'utf8')) as Verdict;
    const finding = edited.checks.flatMap((c) => c.findings)[ranking - 1]!;
    finding.text = '本页面从未出现的文字';
    writeFileSync(join(changed, 'verdict.json'), JSON.stringify(edited));
    const result = await runCli(['replay', changed, '--finding', String(ranking)]);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /^not reproduced: /m);
  });

  it('exits 2 with one sentence, without starting a device, when the app folder the run audited is gone', async () => {
    const moved = mkdtempSync(join(tmpdir(), 'e2e-replay-moved-'));
    cpSync(out, moved, { recursive: true });
    const configFile = join(moved, 'run-config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as { app: { target: string } };
    const gone = join(moved, 'removed-checkout', 'zhangshang-zhengwu');
    config.app.target = gone;
    writeFileSync(configFile, JSON.stringify(config));
    const started = Date.now();
    const result = await runCli(['replay', moved, '--finding', String(ranking)]);
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.equal(result.stderr.trim().split('\n').filter((l) => !/^dbug /.test(l)).join('\n'), `govapp-audit: The app this run audited is no longer at ${gone}; put it back there (replay installs or serves it from that path) or audit it again.`);
    assert.ok(Date.now() - started < 10_000);
  });

  it('exits 2 with one sentence for a finding number the run does not have, without starting a device', async () => {
    const total = verdict.checks.reduce((n, c) => n + c.findings.length, 0);
    const started = Date.now();
    const result = await runCli(['replay', out, '--finding', String(total + 1)]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, new RegExp(`--finding must be between 1 and ${total}`));
    assert.ok(Date.now() - started < 10_000);
  });
});
