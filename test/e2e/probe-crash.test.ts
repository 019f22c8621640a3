/**
 * End to end, through the real Appium 3 server and Chromium: the renderer-crash fixture's 数据报表
 * runs the page out of memory. The run records the crash with its path, starts a new session,
 * explores the entries after it, fails stability with a replayable finding, and the probes (whose
 * DevTools calls use the session id) still work on the new session.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { readEvidenceBundle } from '../../src/evidence/store.js';
import type { EvidenceBundle, EvidenceEvent } from '../../src/evidence/types.js';
import type { Verdict } from '../../src/verdict/verdict.js';
import { runCli } from './run-cli.js';

describe('a renderer crash during exploration (renderer-crash fixture)', () => {
  const out = mkdtempSync(join(tmpdir(), 'e2e-probe-crash-'));
  let verdict: Verdict;
  let bundle: EvidenceBundle;
  let events: EvidenceEvent[];

  before(async () => {
    const result = await runCli(['run', '--app', 'test/fixtures/probe-apps/renderer-crash', '--out', out, '--budget', '60', '--no-report']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    verdict = JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict;
    bundle = readEvidenceBundle(out);
    events = readFileSync(join(out, 'evidence', 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as EvidenceEvent);
  });

  const stability = () => {
    const check = verdict.checks.find((c) => c.id === 'stability');
    assert.ok(check);
    return check;
  };

  it('records one crash on the home screen after tapping 数据报表, recovered by a new session', () => {
    assert.equal(bundle.crashes?.length, 1, JSON.stringify(bundle.crashes));
    const crash = bundle.crashes[0]!;
    assert.equal(bundle.screens.find((s) => s.id === crash.screenId)?.title, '政务服务');
    assert.deepEqual(crash.steps.slice(1).map((s) => s.label), ['点击「数据报表」']);
    assert.match(crash.message, /tab crashed/);
    assert.equal(crash.recovered, true);
    assert.ok((crash.recoveryMs ?? Infinity) < 20_000, String(crash.recoveryMs));
    assert.equal(bundle.issues.length, 0, 'the crash is not also a run issue');
  });

  it('explores the entries after the crashing one: their screens are recorded after the crash', () => {
    const crashAt = events.findIndex((e) => e.type === 'app-crash');
    const after = events.slice(crashAt).flatMap((e) => (e.type === 'screen' ? [e.title] : []));
    assert.deepEqual(after.sort(), ['我的', '政策公开', '政策解读'].sort());
  });

  it('fails stability with the crash finding: screen, element, screenshot before the tap, replayable path', () => {
    assert.equal(stability().outcome, 'fail');
    const finding = stability().findings.find((f) => /崩溃/.test(f.summary));
    assert.ok(finding, JSON.stringify(stability().findings));
    assert.equal(finding.summary, '在「政务服务」界面点击「数据报表」后应用崩溃（渲染进程终止），已重新启动并继续检测。');
    assert.deepEqual(finding.steps?.map((s) => s.action), ['launch', 'tap']);
    assert.equal(finding.steps?.[1]?.text, '数据报表');
    assert.equal(bundle.screens.find((s) => s.id === finding.screen)?.nodes[finding.nodeId ?? -1]?.text, '数据报表');
    const shot = finding.evidence.find((e) => e.kind === 'screenshot');
    assert.ok(shot);
    assert.equal(createHash('sha256').update(readFileSync(join(out, shot.path))).digest('hex'), shot.sha256);
    assert.equal(stability().findings.filter((f) => /崩溃/.test(f.summary)).length, 1, 'reported once');
  });

  it('does not claim complete exploration and says why', () => {
    assert.equal(verdict.coverage.complete, false);
    assert.equal(verdict.coverage.screens, 5);
    const skip = bundle.coverage?.skippedActions.find((s) => s.label === '点击「数据报表」');
    assert.match(skip?.reason ?? '', /操作后应用崩溃（渲染进程终止：.*tab crashed），已重新启动并继续探索/);
    const prohibition = verdict.checks.find((c) => c.id === 'forced-check-in');
    assert.equal(prohibition?.outcome, 'inconclusive');
    assert.match(prohibition?.reason ?? '', /部分操作失败、导致应用崩溃或无法回到其界面/);
  });

  it('runs the probes on the new session (their DevTools calls use the new session id)', () => {
    const runs = events.flatMap((e) => (e.type === 'probe-run' ? [e] : []));
    for (const id of ['performance', 'network-idle', 'ipv6']) {
      assert.equal(runs.find((r) => r.probe === id)?.status, 'done', JSON.stringify(runs));
    }
  });

  it('reproduces the crash with govapp-audit replay', async () => {
    const n = verdict.checks.flatMap((c) => c.findings.map((f) => ({ id: c.id, f }))).findIndex(({ id, f }) => id === 'stability' && /崩溃/.test(f.summary)) + 1;
    const result = await runCli(['replay', out, '--finding', String(n)]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^reproduced: 已复现：回放第 2 步「点击「数据报表」」后应用再次崩溃（渲染进程终止）。$/m);
  });
});
