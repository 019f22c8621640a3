/**
 * End to end on HarmonyOS NEXT: `govapp-audit run` on the simulated device through real Appium 3 and
 * appium-harmonyos-driver. The violating sample fails the same checks as on the other platforms, its
 * findings citing HarmonyOS nodes (ArkUI types and ids) with screenshots and tap paths, and its requests
 * (seen through the lab proxy over `hdc rport`). The compliant sample: harmonyos-compliant.test.ts.
 * Run under `flock /tmp/govapp-audit-e2e.lock`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { audit } from './harmonyos-sample-audit.js';

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
