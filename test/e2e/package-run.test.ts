/**
 * `govapp-audit run --app <package>` while the platform's device side is not built: the static facts
 * are written, clues appear as package findings, no check passes, the run exits 2, and a hostile
 * package gets one sentence and no verdict.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Verdict } from '../../src/verdict/verdict.js';
import { verdictSchemaErrors } from '../../src/verdict/write-verdict.js';
import { buildHap } from '../package/helpers/harmony-fixtures.js';
import { buildZip } from '../package/helpers/zip-writer.js';
import { runCli } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'e2e-package-'));

function studyAppHap(): Buffer {
  return buildHap({
    bundleName: 'cn.example.gov.study',
    moduleName: 'entry',
    moduleType: 'entry',
    abilities: [{ name: 'EntryAbility', exported: true }, { name: 'RankListAbility' }],
    permissions: [{ name: 'ohos.permission.LOCATION_IN_BACKGROUND', when: 'always' }, { name: 'ohos.permission.CAMERA' }],
    strings: [
      { items: [{ id: 0x01000000, name: 'app_name', value: 'Study' }] },
      { language: 'zh', region: 'CN', items: [{ id: 0x01000000, name: 'app_name', value: '学习平台' }, { id: 0x01000001, name: 'rank', value: '积分排行' }, { id: 0x01000002, name: 'checkin', value: '每日签到' }] },
    ],
    literals: ['巡查轨迹上报', 'http://10.1.2.3/api/track'],
  });
}

describe('a package run without a device side', () => {
  it('writes the static facts and package clues, passes nothing, exits 2', async () => {
    const file = join(scratch, 'study.hap');
    writeFileSync(file, studyAppHap());
    const out = join(scratch, 'out');
    const result = await runCli(['run', '--app', file, '--out', out]);
    assert.equal(result.code, 2, result.stderr);
    const verdict = JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict;
    assert.deepEqual(verdictSchemaErrors(verdict), []);
    assert.equal(verdict.app.platform, 'harmonyos');
    assert.equal(verdict.app.sha256, createHash('sha256').update(readFileSync(file)).digest('hex'));
    assert.ok(verdict.checks.every((c) => c.outcome === 'inconclusive'), 'nothing passes or fails without a device run');
    const byId = Object.fromEntries(verdict.checks.map((c) => [c.id, c]));
    assert.ok(byId['points-ranking']!.findings.some((f) => f.source === 'package' && /积分排行/.test(f.text ?? '')));
    assert.ok(byId['points-ranking']!.findings.some((f) => /RankListAbility/.test(f.text ?? '')));
    assert.ok(byId['forced-check-in']!.findings.some((f) => /每日签到/.test(f.text ?? '')));
    assert.ok(byId['forced-media-upload']!.findings.some((f) => /LOCATION_IN_BACKGROUND/.test(f.text ?? '')));
    assert.ok(byId['ipv6-readiness']!.findings.some((f) => f.text === '10.1.2.3'));
    assert.ok(verdict.checks.flatMap((c) => c.findings).every((f) => f.confidence < 0.7), 'package clues are weak evidence');
    assert.ok(verdict.package?.permissions.includes('ohos.permission.CAMERA'));
    const factsFile = join(out, verdict.package!.facts.path);
    assert.equal(createHash('sha256').update(readFileSync(factsFile)).digest('hex'), verdict.package!.facts.sha256);
    const html = readFileSync(join(out, 'report', 'index.html'), 'utf8');
    assert.ok(html.length > 100_000, 'single-file report written');
  });

  it("reads the lab's --lexicon: a string only the lab's pattern knows becomes a clue", async () => {
    const file = join(scratch, 'study-lexicon.hap');
    writeFileSync(file, studyAppHap());
    const lexicon = join(scratch, 'lab-lexicon.json');
    writeFileSync(lexicon, JSON.stringify({ version: 1, checks: { 'commercial-activity': { package: { strings: '学习平台' } } } }));
    const withLab = join(scratch, 'out-lexicon');
    const result = await runCli(['run', '--app', file, '--out', withLab, '--no-report', '--lexicon', lexicon]);
    assert.equal(result.code, 2, result.stderr);
    assert.ok(existsSync(join(withLab, 'verdict.json')), result.stderr);
    const clues = (out: string): string[] => (JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict).checks.find((c) => c.id === 'commercial-activity')!.findings.map((f) => f.text ?? '');
    assert.ok(clues(withLab).some((t) => t.includes('学习平台')), clues(withLab).join(' | '));
    assert.ok(!clues(join(scratch, 'out')).some((t) => t.includes('学习平台')), 'the default lexicon alone does not know it');
  });

  it('a zip bomb: one sentence, exit 2, no verdict', async () => {
    const file = join(scratch, 'bomb.apk');
    writeFileSync(file, buildZip([{ name: 'AndroidManifest.xml', data: Buffer.alloc(200 * 1024 * 1024) }]));
    const out = join(scratch, 'bomb-out');
    const result = await runCli(['run', '--app', file, '--out', out]);
    assert.equal(result.code, 2);
    assert.equal(result.stderr.split('\n').filter((l) => l.startsWith('govapp-audit:')).length, 1, result.stderr);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.equal(existsSync(join(out, 'verdict.json')), false);
  });
});
