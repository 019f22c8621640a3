/**
 * End to end on iOS: the violating sample (a real .ipa) explored through real Appium 3 + the
 * unmodified XCUITest driver + the simulated iPhone's fake WebDriverAgent. It fails with findings that
 * cite XCUIElementType nodes with screenshots and tap paths, requests the lab proxy captured, the crash
 * recovered, the permission prompts answered; the run says it was a simulated device; `govapp-audit
 * replay` reproduces the crash on a fresh simulated iPhone.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { readEvidenceBundle } from '../../src/evidence/store.js';
import type { EvidenceBundle } from '../../src/evidence/types.js';
import type { Verdict } from '../../src/verdict/verdict.js';
import { runCli, type CliResult } from './run-cli.js';

void describe('the violating iOS sample on the simulated iPhone', () => {
  const out = mkdtempSync(join(tmpdir(), 'e2e-ios-violating-'));
  let run: CliResult;
  let verdict: Verdict;
  let bundle: EvidenceBundle;

  before(async () => {
    run = await runCli(['run', '--app', 'samples/ios-violating.ipa', '--device', 'sim-ios', '--out', out, '--budget', '45', '--no-report']);
    verdict = JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict;
    bundle = readEvidenceBundle(out);
  });

  void it('fails (exit 1), labelled a simulated iOS device in verdict.json and on the console', () => {
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(verdict.outcome, 'fail');
    assert.deepEqual({ platform: verdict.device.platform, simulated: verdict.device.simulated }, { platform: 'ios', simulated: true });
    assert.equal(verdict.package?.packageName, 'cn.gov.example.zhangshang');
    assert.match(run.stdout, /模拟设备/);
  });

  void it('explores XCUITest screens: bundle/navigation-bar keys, XCUIElementType nodes with names and frames, screenshots', () => {
    assert.ok(bundle.screens.length >= 6, `screens: ${bundle.screens.length}`);
    for (const s of bundle.screens) {
      assert.ok(s.screenshot && existsSync(join(out, s.screenshot.path)), `screenshot of ${s.id}`);
      assert.ok(s.nodes.every((n) => n.platform === 'ios'));
      assert.equal(s.nodes[0]?.role, 'XCUIElementTypeApplication');
    }
    assert.ok(bundle.screens.some((s) => s.nodes.some((n) => n.role === 'XCUIElementTypeCell' && n.resourceId === 'study.points' && n.bounds.width === 390)));
    assert.ok(bundle.transitions.some((t) => t.step.action === 'tap' && t.step.locator?.startsWith('/XCUIElementTypeApplication[1]/')), 'taps by XPath from the application root');
  });

  void it('a failing check cites an XCUIElementType node on a screen reached by taps, with its screenshot', () => {
    const ranking = verdict.checks.find((c) => c.id === 'points-ranking')!;
    assert.equal(ranking.outcome, 'fail');
    const finding = ranking.findings.find((f) => f.screen && (f.steps?.length ?? 0) >= 2 && f.nodeId !== undefined)!;
    assert.ok(finding, JSON.stringify(ranking.findings));
    assert.ok(finding.evidence.some((e) => e.kind === 'annotated-screenshot'));
    const node = bundle.screens.find((s) => s.id === finding.screen)!.nodes[finding.nodeId!]!;
    assert.match(node.role, /^XCUIElementType(StaticText|Cell|Button)$/);
    for (const id of ['forced-check-in', 'forced-promotion', 'online-duration-tracking', 'commercial-activity', 'filing-disclosure']) {
      assert.equal(verdict.checks.find((c) => c.id === id)?.outcome, 'fail', id);
    }
  });

  void it('records the app\'s HTTPS requests through the lab proxy with their bodies', () => {
    const requests = bundle.network.filter((r) => !r.probe && r.method !== 'CONNECT');
    const register = requests.find((r) => r.url === 'https://zwfw.example.gov.cn/api/device/register');
    assert.ok(register, requests.map((r) => r.url).join(' '));
    assert.match(register.postData ?? '', /contactsCount/);
    assert.ok(requests.some((r) => r.url.endsWith('/api/study/heartbeat')), 'the online-time heartbeat');
  });

  void it('records the crash with its tap path, relaunches and reports it under stability', () => {
    const crash = bundle.crashes?.[0];
    assert.ok(crash, 'a crash was recorded');
    assert.equal(crash.recovered, true);
    assert.match(crash.message, /no longer running \(XCUIApplicationState 1\)/);
    assert.ok(crash.steps.length >= 2);
    const stability = verdict.checks.find((c) => c.id === 'stability')!;
    assert.equal(stability.outcome, 'fail');
  });

  void it('answers the permission prompts by policy and records them as dialog events', () => {
    const prompts = bundle.console.filter((c) => c.level === 'DIALOG' && /系统权限请求/.test(c.message));
    assert.ok(prompts.some((p) => /想访问您的通讯录.*启动时出现，按策略允许/.test(p.message)), prompts.map((p) => p.message).join('\n'));
    assert.ok(prompts.some((p) => /想访问您的相机.*在点击「上传现场照片（必填）」之后出现/.test(p.message)));
  });

  void it('the permissions probe resets the answers through WDA and records the launch prompt granted and denied, with the denied launch\'s controls', () => {
    const launches = (bundle.probes?.permissions ?? []).filter((p) => p.stepLabels.length === 0);
    const granted = launches.find((p) => p.mode === 'granted');
    const denied = launches.find((p) => p.mode === 'denied');
    assert.ok(granted && denied, JSON.stringify(launches.map((p) => p.mode)));
    for (const event of [granted, denied]) assert.deepEqual(event.requests.map((r) => [r.capability, r.afterUserAction]), [['contacts', false]], event.mode);
    assert.ok(denied.actionable > 0, `the denied launch still shows the app's controls: ${denied.actionable}`);
    // Each replay starts with a launch: its contacts prompt is the launch's, not the replayed taps'.
    const replays = (bundle.probes?.permissions ?? []).filter((p) => p.stepLabels.length > 0);
    assert.ok(replays.every((p) => p.requests.every((r) => r.capability !== 'contacts' || !r.afterUserAction)), JSON.stringify(replays.map((p) => p.requests)));
    const run = bundle.probes?.runs.find((r) => r.probe === 'permissions');
    assert.equal(run?.status, 'done', run?.message);
    assert.match(run?.message ?? '', /启动时申请的权限：contacts。全部允许时可操作控件 \d+ 个，全部拒绝时 \d+ 个。.*通知权限无法经 XCUITest 重置/);
    assert.doesNotMatch(run?.message ?? '', /点击后申请权限的：[^。]*contacts/);
  });

  // The fresh iPhone shows the launch screen's contacts alert with the screen: the replay's retry answers it (observe).
  void it('replays the crash finding on a fresh simulated iPhone and reproduces it (exit 0)', async () => {
    let n = 0;
    let pick = 0;
    for (const c of verdict.checks) for (const f of c.findings) { n++; if (!pick && c.id === 'stability' && (f.steps?.length ?? 0) >= 2) pick = n; }
    assert.ok(pick > 0);
    const result = await runCli(['replay', out, '--finding', String(pick)]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /reproduced|已复现/);
  });
});
