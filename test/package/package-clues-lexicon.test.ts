/** Package string clues come from the lexicon's rules: words the old private list missed. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import { classForms, classWords, packageClues } from '../../src/checks/package-clues.js';
import { loadLexicon } from '../../src/config/lexicon.js';
import { isAuditError } from '../../src/core/errors.js';
import type { ComponentFact, PermissionFact } from '../../src/package/index.js';
import { bundle, coverage, packageEvent } from '../helpers/evidence-builder.js';

void describe('package clues from the lexicon', () => {
  void it('finds 我要签到, 二维码签到 and 会议签到 through the check-in rules', () => {
    const { facts } = packageEvent(['我要签到', '二维码签到', '会议签到', '关于我们']);
    assert.deepEqual(packageClues(facts, 'forced-check-in').map((c) => c.text), ['我要签到', '二维码签到', '会议签到']);
  });

  void it('skips a negated string and one the rule excludes', () => {
    const { facts } = packageEvent(['本平台不设签到', '无需打卡']);
    assert.deepEqual(packageClues(facts, 'forced-check-in'), []);
  });

  void it('keeps package-only words of the lexicon (安装率, 拍照上传) and a combo of separate labels', () => {
    assert.equal(packageClues(packageEvent(['下载安装率']).facts, 'forced-promotion').length, 1);
    assert.equal(packageClues(packageEvent(['拍照上传']).facts, 'forced-media-upload').length, 1);
    const combo = packageClues(packageEvent(['排名', '积分']).facts, 'points-ranking');
    assert.deepEqual(combo.map((c) => c.text), ['排名 + 积分']);
  });

  void it('keeps both the words and the unsplit form of a class name', () => {
    assert.equal(classWords('cn.gov.QianDaoActivity'), 'qian-dao-activity');
    assert.deepEqual(classForms('cn.gov.QianDaoActivity'), ['qian-dao-activity', 'qiandaoactivity']);
    assert.deepEqual(classForms('a.DakaRecord_Activity'), ['daka-record-activity', 'dakarecordactivity']);
    assert.deepEqual(classForms('cn.gov.app.qiandao.RecordActivity', 'cn.gov.app'), ['qiandao-record-activity', 'qiandaorecordactivity']);
    assert.deepEqual(classForms('com.lib.qiandao.RecordActivity', 'cn.gov.app'), ['record-activity', 'recordactivity'], 'a library path is not the app');
  });

  void it('finds a pinyin sub-package of the app itself, not of a library', () => {
    const component = (name: string): ComponentFact => ({ kind: 'activity', name, source: 'AndroidManifest.xml' });
    const { facts } = packageEvent([], { components: [component('cn.gov.example.app.paihang.ListActivity'), component('com.vendor.paihang.ListActivity')] });
    assert.deepEqual(packageClues(facts, 'points-ranking').map((c) => c.text), ['cn.gov.example.app.paihang.ListActivity']);
  });
});

void describe('package clues through the lexicon file and the verdict rule', () => {
  const lab = (content: unknown): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'lexicon-')), 'lab.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  void it('a lab lexicon file adds a package pattern (schema-valid) that package clues use', () => {
    const lexicon = loadLexicon(lab({ version: 1, checks: { 'forced-check-in': { package: { components: 'chendu', strings: '晨读任务' } } } }));
    const { facts } = packageEvent(['今日晨读任务', '晨读'], { components: [{ kind: 'activity', name: 'cn.gov.ChenDuActivity', source: 'AndroidManifest.xml' }] });
    assert.deepEqual(packageClues(facts, 'forced-check-in', undefined, lexicon).map((c) => c.text), ['今日晨读任务', 'cn.gov.ChenDuActivity']);
    assert.deepEqual(packageClues(facts, 'forced-check-in'), [], 'the default lexicon knows neither');
  });

  void it('rejects an unknown field under package, naming it', () => {
    assert.throws(() => loadLexicon(lab({ version: 1, checks: { 'forced-check-in': { package: { classes: 'x' } } } })), (e: unknown) => isAuditError(e) && /package/.test(e.message));
  });

  void it('over-broad permissions alone leave data-security inconclusive, never fail', () => {
    const permission = (name: string): PermissionFact => ({ name: `android.permission.${name}`, risk: 'sms', explanationZh: '发送短信', source: 'AndroidManifest.xml' });
    const r = evaluateCheck('data-security', bundle({ package: packageEvent([], { permissions: [permission('SEND_SMS'), permission('READ_SMS')] }), screens: [], coverage: coverage() }));
    assert.equal(r.outcome, 'inconclusive');
    assert.ok(r.findings.some((f) => f.source === 'package' && f.text === 'SEND_SMS, READ_SMS'));
    assert.ok(r.findings.every((f) => f.source === 'package'));
  });
});
