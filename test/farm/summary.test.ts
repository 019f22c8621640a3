import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CHECK_IDS } from '../../src/checks/catalog.js';
import type { JournalEntry } from '../../src/farm/journal.js';
import type { BatchManifest, PlannedAudit } from '../../src/farm/manifest.js';
import { buildSummary } from '../../src/farm/summary.js';
import { assertValidSummary, writeSummary } from '../../src/farm/write-summary.js';

const at = '2026-01-01T00:00:00.000Z';
const planned = (submission: string, deviceClass: string): PlannedAudit => ({ key: `${submission}@${deviceClass}`, submission, app: '/x', deviceClass, platform: 'h5', budget: 1, exempt: [], report: true });

function verdict(dir: string, overrides: Record<string, string>, outcome: string): void {
  mkdirSync(dir, { recursive: true });
  const checks = CHECK_IDS.map((id) => ({ id, outcome: overrides[id] ?? 'pass', findings: overrides[id] === 'fail' ? [{}, {}] : [] }));
  writeFileSync(join(dir, 'verdict.json'), JSON.stringify({ outcome, complete: true, checks }));
}

function fixture(): { out: string; manifest: BatchManifest; entries: JournalEntry[] } {
  const out = mkdtempSync(join(tmpdir(), 'summary-'));
  const audits = [planned('demo', 'pixel-7'), planned('demo', 'small-phone'), planned('ok', 'pixel-7'), planned('broken', 'pixel-7'), planned('cut', 'pixel-7')];
  verdict(join(out, 'audits', 'demo@pixel-7'), { 'points-ranking': 'fail', 'complaint-channel': 'fail' }, 'fail');
  mkdirSync(join(out, 'audits', 'demo@pixel-7', 'report'));
  writeFileSync(join(out, 'audits', 'demo@pixel-7', 'report', 'index.html'), '<html></html>');
  verdict(join(out, 'audits', 'demo@small-phone'), { 'points-ranking': 'fail', 'complaint-channel': 'inconclusive' }, 'fail');
  verdict(join(out, 'audits', 'ok@pixel-7'), {}, 'pass');
  const done = (audit: string, outcome: 'pass' | 'fail' | 'error', device = 'd1'): JournalEntry => ({ type: 'done', at, audit, device, host: 'h', outcome, exitCode: outcome === 'pass' ? 0 : outcome === 'fail' ? 1 : 2, complete: outcome !== 'error', durationMs: 1000, ...(outcome === 'error' ? { error: '--app 无法访问' } : {}) });
  const entries: JournalEntry[] = [
    { type: 'batch', at, manifest: 'm.json', audits: audits.map((a) => a.key), mode: 'local' },
    done('demo@pixel-7', 'fail'), done('demo@small-phone', 'fail', 'd2'), done('ok@pixel-7', 'pass'), done('broken@pixel-7', 'error'),
    { type: 'start', at, audit: 'cut@pixel-7', device: 'd2', host: 'h', attempt: 1 },
    { type: 'device-set-aside', at, device: 'd2', reason: 'x' },
  ];
  return { out, manifest: { file: 'm.json', name: '测试批次', audits }, entries };
}

describe('batch summary', () => {
  it('totals, links and per-check outcomes come from the journal and each verdict.json', () => {
    const { out, manifest, entries } = fixture();
    const s = buildSummary(manifest, [], out, entries, 'local');
    assertValidSummary(s);
    assert.deepEqual(s.totals, { submissions: 4, audits: 5, pass: 1, fail: 2, inconclusive: 0, error: 1, pending: 1 });
    const demo = s.audits.find((a) => a.key === 'demo@pixel-7')!;
    assert.equal(demo.report, 'audits/demo@pixel-7/report/index.html');
    assert.equal(demo.verdict, 'audits/demo@pixel-7/verdict.json');
    assert.equal(demo.checks['points-ranking'], 'fail');
    assert.equal(demo.findings, 4);
    assert.equal(s.audits.find((a) => a.key === 'demo@small-phone')!.report, undefined);
    assert.equal(s.batch.complete, false);
    assert.deepEqual(s.devices.find((d) => d.id === 'd2'), { id: 'd2', platform: 'h5', profile: '', host: 'h', setAside: true, audits: 1 });
  });

  it('the compatibility matrix calls out the checks that differ between classes', () => {
    const { out, manifest, entries } = fixture();
    const s = buildSummary(manifest, [], out, entries, 'local');
    assert.equal(s.compatibility.length, 1);
    const row = s.compatibility[0]!;
    assert.equal(row.consistent, false);
    assert.deepEqual(row.differences, [{ check: 'complaint-channel', outcomes: { 'pixel-7': 'fail', 'small-phone': 'inconclusive' } }]);
  });

  it('review order: audits that could not be had, then cut ones, then failures by findings', () => {
    const { out, manifest, entries } = fixture();
    const s = buildSummary(manifest, [], out, entries, 'local');
    assert.deepEqual(s.reviewFirst.map((r) => r.audit), ['broken@pixel-7', 'cut@pixel-7', 'demo@pixel-7', 'demo@small-phone']);
    assert.match(s.reviewFirst[0]!.reason, /未能完成审计：--app 无法访问/);
  });

  it('writes a schema-valid summary.json and a Chinese page with relative links', () => {
    const { out, manifest, entries } = fixture();
    const files = writeSummary(out, buildSummary(manifest, [], out, entries, 'local'));
    const html = readFileSync(files.html, 'utf8');
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /href="audits\/demo@pixel-7\/report\/index.html"/);
    assert.match(html, /兼容性矩阵/);
    assert.match(html, /结果不一致：1 项检查/);
    assert.ok(!/<script/i.test(html), 'no script: opens from disk anywhere');
    assert.throws(() => assertValidSummary({ ...JSON.parse(readFileSync(files.json, 'utf8')) as object, totals: {} }), /totals is missing the field/);
  });
});
