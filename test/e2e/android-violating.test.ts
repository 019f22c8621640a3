/**
 * End to end on the native path: the violating Android sample (a real APK) installed and explored
 * through real Appium 3 + the unmodified UiAutomator2 driver + the simulated device. It fails with
 * findings that cite UiAutomator2 nodes, screenshots and requests captured by the lab proxy with their
 * tap paths; its crash is recorded, recovered and reported; the run says it was a simulated device;
 * `govapp-audit replay` replays a finding's path on a fresh device.
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

describe('the violating Android sample on the simulated device', () => {
  const out = mkdtempSync(join(tmpdir(), 'e2e-android-violating-'));
  let run: CliResult;
  let verdict: Verdict;
  let bundle: EvidenceBundle;

  before(async () => {
    run = await runCli(['run', '--app', 'samples/android-violating.apk', '--device', 'sim-android', '--out', out, '--budget', '45', '--no-report']);
    verdict = JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict;
    bundle = readEvidenceBundle(out);
  });

  it('fails (exit 1), labelled a simulated Android device in verdict.json and on the console', () => {
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(verdict.outcome, 'fail');
    assert.deepEqual({ platform: verdict.device.platform, simulated: verdict.device.simulated }, { platform: 'android', simulated: true });
    assert.equal(verdict.app.platform, 'android');
    assert.match(run.stdout, /模拟设备/);
    assert.ok(verdict.package?.packageName, 'the package reader fed the run');
  });

  it('explores UiAutomator2 screens: package/activity screens, nodes with class, resource-id and bounds, screenshots', () => {
    assert.ok(bundle.screens.length >= 3, `screens: ${bundle.screens.length}`);
    const pkg = verdict.package!.packageName;
    for (const s of bundle.screens) {
      assert.ok(s.screenshot && existsSync(join(out, s.screenshot.path)), `screenshot of ${s.id}`);
      assert.ok(s.nodes.every((n) => n.platform === 'android'));
    }
    const withIds = bundle.screens.flatMap((s) => s.nodes).filter((n) => n.resourceId?.startsWith(`${pkg}:id/`) && /^android\.widget\./.test(n.role) && n.bounds.width > 0);
    assert.ok(withIds.length > 0, 'nodes carry the app\'s resource ids, widget classes and bounds');
    assert.ok(bundle.transitions.some((t) => t.step.action === 'tap' && t.step.locator?.startsWith('/hierarchy/')), 'taps by UiAutomator2 XPath');
  });

  it('a failing check cites a UiAutomator2 node on a screen reached by taps, with its screenshot', () => {
    const cited = verdict.checks.filter((c) => c.outcome === 'fail').flatMap((c) => c.findings).filter((f) => f.screen && (f.steps?.length ?? 0) > 1 && f.evidence.some((e) => e.kind === 'screenshot' || e.kind === 'annotated-screenshot'));
    assert.ok(cited.length > 0, JSON.stringify(verdict.checks.map((c) => [c.id, c.outcome])));
    const finding = cited[0]!;
    const screen = bundle.screens.find((s) => s.id === finding.screen)!;
    assert.ok(screen.nodes.some((n) => n.role.startsWith('android.')), 'the cited screen is a UiAutomator2 hierarchy');
  });

  it('records the app\'s requests through the lab proxy, on the screen and path that sent them', () => {
    const requests = bundle.network.filter((r) => !r.probe && r.method !== 'CONNECT');
    assert.ok(requests.length > 0, 'requests captured');
    const withBody = requests.find((r) => r.postData);
    assert.ok(withBody, 'a request body was decrypted and recorded');
    const screen = bundle.screens.find((s) => s.id === withBody.screenId);
    assert.ok(screen, 'tied to the screen shown when it was sent');
    const networkFinding = verdict.checks.flatMap((c) => c.findings).find((f) => f.request);
    assert.ok(networkFinding, 'a finding cites a captured request');
  });

  it('records the crash with its path, relaunches and reports it under stability', () => {
    assert.ok((bundle.crashes?.length ?? 0) >= 1, 'a crash was recorded');
    const crash = bundle.crashes![0]!;
    assert.equal(crash.recovered, true);
    assert.match(crash.message, /Exception|no longer running/);
    assert.ok(crash.steps.length >= 2);
    const stability = verdict.checks.find((c) => c.id === 'stability')!;
    assert.equal(stability.outcome, 'fail');
    assert.ok(stability.findings.some((f) => (f.steps?.length ?? 0) >= 2));
  });

  it('answers the permission prompts by policy and records them as dialog events', () => {
    assert.ok(bundle.console.some((c) => c.level === 'DIALOG' && /权限请求/.test(c.message)), 'a permission prompt was seen and answered');
    assert.ok(bundle.probes?.permissions.some((p) => p.requests.length > 0), 'the permission probe saw the prompt');
  });

  it('measures cold start, frames and memory with the commands that measured them', () => {
    const perf = bundle.probes?.performance.at(-1);
    const figures = perf?.figures ?? [];
    assert.ok(figures.some((f) => f.budget === 'firstContentMs' && /am start -W/.test(f.command)), JSON.stringify(perf));
    assert.ok(figures.some((f) => f.budget === 'appMemoryBytes' && /dumpsys meminfo/.test(f.command)));
    assert.ok(perf?.frames?.measurable);
  });

  it('replays the crash finding on a fresh simulated device and reproduces it (exit 0)', async () => {
    let n = 0;
    let pick = 0;
    for (const c of verdict.checks) for (const f of c.findings) { n++; if (!pick && c.id === 'stability' && (f.steps?.length ?? 0) >= 2) pick = n; }
    assert.ok(pick > 0);
    const result = await runCli(['replay', out, '--finding', String(pick)]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /reproduced|已复现/);
  });
});
