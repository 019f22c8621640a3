/**
 * End to end on HarmonyOS NEXT: `govapp-audit run` on the simulated device through real Appium 3 and
 * appium-harmonyos-driver. The violating sample fails the same checks as on the other platforms, its
 * findings citing HarmonyOS nodes (ArkUI types and ids) with screenshots and tap paths, and its requests
 * (seen through the lab proxy over `hdc rport`); the compliant sample explores completely and fails nothing.
 * Run under `flock /tmp/govapp-audit-e2e.lock`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Verdict } from '../../src/verdict/verdict.js';
import { runCli, type CliResult } from './run-cli.js';

function audit(sample: string): { out: string; result: () => { run: CliResult; verdict: Verdict } } {
  const out = mkdtempSync(join(tmpdir(), `e2e-${sample}-`));
  let run: CliResult | undefined;
  let verdict: Verdict | undefined;
  before(async () => {
    run = await runCli(['run', '--app', `samples/${sample}.hap`, '--device', 'sim-harmonyos', '--out', out, '--budget', '90', '--no-report']);
    verdict = JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict;
  });
  return { out, result: () => ({ run: run!, verdict: verdict! }) };
}

describe('the violating HarmonyOS sample on the simulated device', () => {
  const { out, result } = audit('harmony-violating');

  it('fails check-in, points ranking, online duration and media upload, labelled a simulated HarmonyOS device', () => {
    const { run, verdict } = result();
    assert.equal(run.code, 1, run.stdout);
    assert.deepEqual(verdict.device, { profile: 'sim-harmonyos', label: verdict.device.label, platform: 'harmonyos', simulated: true });
    const failed = new Set<string>(verdict.checks.filter((c) => c.outcome === 'fail').map((c) => c.id));
    for (const id of ['forced-check-in', 'points-ranking', 'online-duration-tracking', 'forced-media-upload']) assert.ok(failed.has(id), `${id} should fail: ${[...failed].join(', ')}`);
    assert.match(run.stdout, /模拟设备/);
  });

  it('fails stability with the crash of 清除缓存, the last row of the 我的 menu, and its tap path', () => {
    const { verdict } = result();
    const stability = verdict.checks.find((c) => c.id === 'stability')!;
    assert.equal(stability.outcome, 'fail', stability.reason ?? '');
    const crash = stability.findings.find((f) => (f.steps ?? []).some((s) => s.label.includes('清除缓存')));
    assert.ok(crash, stability.findings.map((f) => f.summary).join('\n'));
  });

  it('cites the online-time heartbeat and the check-in coordinates as the requests the proxy saw', () => {
    const { verdict } = result();
    const online = verdict.checks.find((c) => c.id === 'online-duration-tracking')!;
    const heartbeat = online.findings.find((f) => f.source === 'network' && f.request?.url === 'https://zwfw.example.gov.cn/api/online-time/heartbeat');
    assert.ok(heartbeat, online.findings.map((f) => f.summary).join('\n'));
    assert.equal(heartbeat.request?.method, 'POST');
    const upload = verdict.checks.find((c) => c.id === 'forced-media-upload')!;
    assert.ok(upload.findings.some((f) => f.source === 'network' && f.request?.url === 'https://zwfw.example.gov.cn/api/checkin'), upload.findings.map((f) => f.summary).join('\n'));
  });

  it('cites HarmonyOS nodes (ArkUI types and ids) with screenshots and the tap path', () => {
    const { verdict } = result();
    const checkIn = verdict.checks.find((c) => c.id === 'forced-check-in')!;
    const deep = checkIn.findings.find((f) => f.steps && f.steps.length > 1) ?? checkIn.findings[0]!;
    assert.ok(deep.evidence.some((e) => e.kind === 'screenshot'));
    const tree = deep.evidence.find((e) => e.kind === 'ui-tree')!;
    const nodes = JSON.parse(readFileSync(join(out, tree.path), 'utf8')) as unknown;
    const text = JSON.stringify(nodes);
    assert.match(text, /"platform":"harmonyos"/);
    assert.match(text, /"role":"Button"/);
    assert.match(text, /"resourceId":"btn_(checkin|punch)"/);
    assert.ok(checkIn.findings.some((f) => (f.steps ?? []).some((s) => s.action === 'tap')), 'a finding reached by a tap cites the tap');
  });
});

/**
 * As Android's compliant run (ipv6-readiness and data-security need a real network and more than the wire),
 * plus mandatory-login: its login-cadence probe needs the device clock moved forward, and hdc offers no
 * documented way to set a HarmonyOS NEXT device's time (docs/harmonyos.md).
 */
const MAY_BE_INCONCLUSIVE = new Set(['ipv6-readiness', 'data-security', 'mandatory-login']);

describe('the compliant HarmonyOS sample on the simulated device', () => {
  const { result } = audit('harmony-compliant');

  it('is explored completely, fails nothing, and is inconclusive only where the platform cannot look', () => {
    const { run, verdict } = result();
    assert.notEqual(run.code, 1, run.stdout);
    assert.equal(verdict.complete, true, verdict.incompleteReason);
    assert.deepEqual(verdict.checks.filter((c) => c.outcome === 'fail').map((c) => [c.id, c.findings.map((f) => f.summary)]), []);
    const unexpected = verdict.checks.filter((c) => c.outcome === 'inconclusive' && !MAY_BE_INCONCLUSIVE.has(c.id));
    assert.deepEqual(unexpected.map((c) => [c.id, c.reason]), []);
    for (const id of ['online-duration-tracking', 'forced-media-upload', 'stability', 'complaint-channel']) assert.equal(verdict.checks.find((c) => c.id === id)?.outcome, 'pass', id);
    assert.equal(verdict.device.simulated, true);
  });
});
