/**
 * End to end, through the real Appium 3 server and Chromium: the clipboard-notify fixture reads
 * the clipboard and asks for notifications at launch, and leaks memory while idle.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { heapFigures } from '../../src/checks/detectors/performance-memory.js';
import { readEvidenceBundle } from '../../src/evidence/store.js';
import type { EvidenceBundle } from '../../src/evidence/types.js';
import type { Verdict } from '../../src/verdict/verdict.js';
import { runCli } from './run-cli.js';

describe('probes on clipboard-notify (clipboard and notifications at launch, memory growing while idle)', () => {
  let verdict: Verdict;
  let bundle: EvidenceBundle;
  let out: string;
  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'e2e-probe-clipboard-'));
    const result = await runCli(['run', '--app', 'test/fixtures/probe-apps/clipboard-notify', '--out', out, '--budget', '30', '--no-report']);
    assert.equal(result.code, 1, result.stderr);
    verdict = JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict;
    bundle = readEvidenceBundle(out);
  });

  const check = (id: string) => {
    const found = verdict.checks.find((c) => c.id === id);
    assert.ok(found, id);
    return found;
  };

  it('fails data security on the clipboard read at launch, citing the permission-probe record', () => {
    const security = check('data-security');
    assert.equal(security.outcome, 'fail');
    const finding = security.findings.find((f) => /读取剪贴板/.test(f.summary));
    assert.ok(finding, JSON.stringify(security.findings));
    assert.match(finding.summary, /clipboard\.readText，导航后 \d+ ms，afterUserAction=false/);
    const record = JSON.parse(finding.text ?? '{}') as { capability: string; api: string; afterUserAction: boolean; atMs: number };
    assert.deepEqual([record.capability, record.api, record.afterUserAction], ['clipboard', 'clipboard.readText', false]);
    const launch = bundle.probes?.permissions.find((p) => p.mode === 'granted' && p.stepLabels.length === 0);
    assert.ok(launch?.requests.some((r) => r.api === 'clipboard.readText' && r.atMs === record.atMs), JSON.stringify(launch));
  });

  it('records the notification request at launch as an observation, not a finding', () => {
    const launch = bundle.probes?.permissions.find((p) => p.mode === 'granted' && p.stepLabels.length === 0);
    assert.ok(launch?.requests.some((r) => r.capability === 'notifications' && !r.afterUserAction), JSON.stringify(launch));
    const security = check('data-security');
    assert.ok(security.observations?.some((o) => /启动即申请通知权限（Notification\.requestPermission/.test(o.summary)), JSON.stringify(security.observations));
    assert.ok(!security.findings.some((f) => /通知/.test(f.summary)));
  });

  it('samples the JS heap about once a second while idle, sees it grow, and stores the chart', () => {
    const heap = bundle.probes?.heap?.[0];
    assert.ok(heap && heap.samples.length >= 5, JSON.stringify(bundle.probes?.heap));
    const figures = heapFigures(heap.samples)!;
    assert.ok(figures.growthPerMinuteBytes > 0 && figures.endBytes > figures.startBytes, JSON.stringify(figures));
    assert.ok(figures.durationMs / (figures.samples - 1) < 1600, JSON.stringify(figures));
    assert.ok(heap.chart, 'chart blob');
    const png = readFileSync(join(out, heap.chart.path));
    assert.equal(createHash('sha256').update(png).digest('hex'), heap.chart.sha256);
  });

  it('reports the growth on the performance check without failing it (within the heap budget)', () => {
    const performance = check('performance');
    assert.ok(!performance.findings.some((f) => /JS 堆峰值/.test(f.summary)), JSON.stringify(performance.findings));
    assert.ok(performance.observations?.some((o) => /JS 堆由 .*(增长约 \+|下降约 |基本不变|起止相比)/.test(o.summary)), JSON.stringify(performance.observations));
  });
});
