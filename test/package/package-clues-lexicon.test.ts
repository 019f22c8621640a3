/** Package string clues come from the lexicon's rules: words the old private list missed. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classForms, classWords, packageClues } from '../../src/checks/package-clues.js';
import { packageEvent } from '../helpers/evidence-builder.js';

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
  });
});
