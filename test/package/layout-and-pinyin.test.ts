/**
 * A real APK built here with Debian's aapt (test/package/helpers/aapt-build.ts): texts that live
 * only in a compiled layout, pinyin activity names, over-broad and implied permissions, and the
 * clues the checks draw from them, compared with `aapt dump badging` / `xmltree` on the same file.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { packageClues } from '../../src/checks/package-clues.js';
import { compileLexicon, mergeLexicons } from '../../src/checks/lexicon/compile.js';
import { readDefaultLexiconFile } from '../../src/checks/lexicon/default-lexicon.js';
import { inspectPackage, renderInspectText, type PackageFacts } from '../../src/package/index.js';
import { buildLayoutSampleApk, LAYOUT_LITERALS, LAYOUT_REFERENCED } from './helpers/aapt-build.js';
import { aapt, hasAapt } from './helpers/real-packages.js';

const skip = hasAapt() ? false : 'aapt is not installed (Debian package "aapt")';

void describe('an aapt-built APK with a sign-in layout and pinyin activities', { skip, concurrency: 1 }, () => {
  let apk = '';
  let facts: PackageFacts;
  before(async () => {
    if (skip) return;
    apk = await buildLayoutSampleApk();
    facts = await inspectPackage(apk);
  });

  void it('reads the literal texts of res/layout/qiandao.xml, citing the layout, as aapt dump xmltree shows them', async () => {
    const tree = await aapt('dump', 'xmltree', apk, 'res/layout/qiandao.xml');
    const fromAapt = [...tree.matchAll(/android:(?:text|hint|contentDescription)\(0x[0-9a-f]+\)="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(fromAapt, LAYOUT_LITERALS);
    const fromLayout = facts.strings.filter((s) => s.source === 'res/layout/qiandao.xml').map((s) => s.text);
    assert.deepEqual(fromLayout, LAYOUT_LITERALS);
    assert.ok(facts.strings.some((s) => s.text === LAYOUT_REFERENCED), 'the @string reference resolves (kept once, from resources.arsc)');
  });

  void it('raises 马上签到 from the layout and QianDaoActivity by its unsplit pinyin as forced-check-in clues', () => {
    const clues = packageClues(facts, 'forced-check-in');
    assert.ok(clues.some((c) => c.text === '马上签到' && c.summary.includes('res/layout/qiandao.xml')));
    assert.ok(clues.some((c) => c.text === 'cn.gov.example.dangjian.QianDaoActivity'));
    assert.ok(clues.every((c) => c.source === 'package' && c.severity === 'present'));
  });

  void it('matches JiFenPaiHangActivity for points-ranking but not FrankSettingsActivity (rank inside a word)', () => {
    const texts = packageClues(facts, 'points-ranking').map((c) => c.text);
    assert.ok(texts.includes('cn.gov.example.dangjian.JiFenPaiHangActivity'));
    assert.ok(!texts.includes('cn.gov.example.dangjian.FrankSettingsActivity'));
  });

  void it('lists READ_CALL_LOG implied by READ_CONTACTS on targetSdk 10, as aapt dump badging does', async () => {
    const badging = await aapt('dump', 'badging', apk);
    const implied = [...badging.matchAll(/^uses-implied-permission: name='([^']*)' reason='([^']*)'/gm)].map((m) => ({ name: m[1], reason: m[2] }));
    assert.deepEqual(implied, [{ name: 'android.permission.READ_CALL_LOG', reason: 'targetSdkVersion < 16 and requested READ_CONTACTS' }]);
    assert.deepEqual(facts.permissions.filter((p) => p.implied).map((p) => ({ name: p.name, reason: p.implied })), implied);
  });

  void it('prints the implied permission with its reason in the inspect text', () => {
    assert.match(renderInspectText(facts), /android\.permission\.READ_CALL_LOG \[call-log\] 读取通话记录（隐含权限：targetSdkVersion < 16 and requested READ_CONTACTS）/);
    assert.match(renderInspectText(facts), /- 马上签到（res\/layout\/qiandao\.xml）/);
  });

  void it('makes over-broad permissions one weak data-security clue with the catalog explanation', () => {
    const clue = packageClues(facts, 'data-security').find((c) => c.summary.includes('权限'));
    assert.ok(clue);
    assert.equal(clue.source, 'package');
    assert.ok(clue.confidence <= 0.3);
    assert.equal(clue.text, 'READ_CONTACTS, SEND_SMS, READ_LOGS, READ_CALL_LOG');
    assert.match(clue.summary, /发送短信/);
    assert.match(clue.summary, /READ_CALL_LOG（读取通话记录，隐含权限/);
    assert.doesNotMatch(clue.summary, /INTERNET/);
  });

  void it('takes a lab lexicon extension: a new pinyin component pattern and string pattern', () => {
    const lexicon = compileLexicon(mergeLexicons(readDefaultLexiconFile(), {
      version: 1,
      checks: { 'mandatory-login': { package: { components: 'franksettings', strings: '输入工号' } } },
    }));
    const texts = packageClues(facts, 'mandatory-login', undefined, lexicon).map((c) => c.text);
    assert.deepEqual(texts.sort(), ['cn.gov.example.dangjian.FrankSettingsActivity', '输入工号']);
    assert.deepEqual(packageClues(facts, 'mandatory-login'), []);
  });
});
