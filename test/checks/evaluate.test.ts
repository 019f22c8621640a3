/** Outcome decisions: nothing passes on missing evidence; requirements fail only where exploration looked. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECK_IDS } from '../../src/checks/catalog.js';
import { evaluateAll, evaluateCheck, exploredTo, NOT_IMPLEMENTED_REASON } from '../../src/checks/evaluate.js';
import type { CoverageEvent } from '../../src/evidence/types.js';
import { bundle, button, coverage, el, link, packageEvent, screen, span } from '../helpers/evidence-builder.js';

const home = () => screen({ title: '首页', depth: 0, body: [link('办事'), link('我的')] });
const mine = () => screen({ title: '我的', depth: 1, body: [link('设置')] });
const incomplete = (fields: Partial<CoverageEvent> = {}) =>
  coverage({ complete: false, stoppedBy: 'time-budget', frontier: 2, unexploredDepths: [1, 2], ...fields });

void describe('a prohibition with no findings', () => {
  void it('is inconclusive when exploration did not finish, and says so', () => {
    const r = evaluateCheck('forced-check-in', bundle({ screens: [home(), mine()], coverage: incomplete() }));
    assert.equal(r.outcome, 'inconclusive');
    assert.match(r.reason ?? '', /探索未完成/);
    assert.match(r.reason ?? '', /时间预算用尽/);
  });

  void it('passes when every action of every reachable screen was tried', () => {
    const r = evaluateCheck('forced-check-in', bundle({ screens: [home(), mine()], coverage: coverage() }));
    assert.equal(r.outcome, 'pass');
    assert.deepEqual(r.findings, []);
  });

  void it('is inconclusive without coverage, or with coverage but zero screens', () => {
    for (const evidence of [bundle({ screens: [home()] }), bundle({ screens: [], coverage: coverage({ screens: 0 }) })]) {
      const r = evaluateCheck('forced-check-in', evidence);
      assert.equal(r.outcome, 'inconclusive');
      assert.ok(r.reason);
    }
  });
});

void describe('a prohibition with findings', () => {
  void it('fails even when exploration did not finish, citing the finding', () => {
    const s = screen({ title: '首页', body: [button('每日签到')] });
    const r = evaluateCheck('forced-check-in', bundle({ screens: [s], coverage: incomplete() }));
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings[0]?.screen, s.id);
    assert.deepEqual(r.articles, ['第十四条第（二）项', '第十条']);
  });
});

void describe('a requirement', () => {
  void it('passes when found, even if exploration did not finish', () => {
    const s = screen({ title: '首页', body: [el('footer', {}, span('主办单位：某某市人民政府办公厅'), span('备案编号：京ICP备12345678号-1A'))] });
    const r = evaluateCheck('filing-disclosure', bundle({ screens: [s], coverage: incomplete() }));
    assert.equal(r.outcome, 'pass');
    assert.equal(r.observations?.length, 2);
  });

  void it('fails when missing after complete exploration, with absence findings that cite screenshots', () => {
    const screens = [home(), mine()];
    const r = evaluateCheck('filing-disclosure', bundle({ screens, coverage: coverage() }));
    assert.equal(r.outcome, 'fail');
    assert.equal(r.findings.length, 2);
    for (const f of r.findings) {
      assert.ok(f.evidence.length > 0);
      assert.ok(f.evidence.every((e) => e.kind === 'screenshot'));
      assert.deepEqual(f.evidence, screens.map((s) => s.screenshot));
      assert.equal(f.screen, screens[0]?.id);
    }
  });

  void it('is inconclusive when missing but screens closer than the required depth are unexplored', () => {
    const r = evaluateCheck('filing-disclosure', bundle({ screens: [home(), mine()], coverage: incomplete({ unexploredDepths: [1, 3] }) }));
    assert.equal(r.outcome, 'inconclusive');
    assert.match(r.reason ?? '', /2 次点击以内/);
    assert.deepEqual(r.findings, []);
  });

  void it('fails when missing and only screens at or beyond the required depth are unexplored', () => {
    // Screens at depth 2 and deeper lead only to screens deeper than 2 taps, which cannot make the filing prominent.
    const r = evaluateCheck('filing-disclosure', bundle({ screens: [home(), mine()], coverage: incomplete({ unexploredDepths: [2, 4] }) }));
    assert.equal(r.outcome, 'fail');
    assert.ok(r.findings.length > 0);
  });

  void it('without a required depth (complaint channel) needs complete exploration to fail', () => {
    const evidence = (cov: CoverageEvent) => bundle({ screens: [home(), mine()], coverage: cov });
    assert.equal(evaluateCheck('complaint-channel', evidence(incomplete({ unexploredDepths: [5] }))).outcome, 'inconclusive');
    const failed = evaluateCheck('complaint-channel', evidence(coverage()));
    assert.equal(failed.outcome, 'fail');
    assert.equal(failed.findings.length, 3);
  });
});

void describe('package clues (strings the submitted package ships)', () => {
  void it('never fail alone, and never let a check pass: inconclusive even after complete exploration', () => {
    const r = evaluateCheck('forced-check-in', bundle({ package: packageEvent(['每日签到领积分']), screens: [home(), mine()], coverage: coverage() }));
    assert.equal(r.outcome, 'inconclusive');
    assert.ok(r.reason);
    assert.ok(r.findings.length > 0 && r.findings.every((f) => f.source === 'package'));
  });

  void it('are kept next to a finding seen on screen, which makes the check fail', () => {
    const s = screen({ title: '首页', body: [button('每日签到')] });
    const r = evaluateCheck('forced-check-in', bundle({ package: packageEvent(['每日签到领积分']), screens: [s], coverage: coverage() }));
    assert.equal(r.outcome, 'fail');
    assert.deepEqual(r.findings.map((f) => f.source).sort(), ['package', 'ui-tree']);
  });

  void it('without any device run leave every check inconclusive', () => {
    const results = evaluateAll(bundle({ package: packageEvent(['每日签到', '积分商城', '主办单位：某某市人民政府']) }));
    assert.ok(results.every((r) => r.outcome === 'inconclusive'), results.map((r) => `${r.id}:${r.outcome}`).join(' '));
  });
});

void describe('exemptions', () => {
  void it('make a check not-applicable with the reason, keeping what was seen as observations', () => {
    const s = screen({ title: '值班', body: [button('签到')] });
    const r = evaluateCheck('forced-check-in', bundle({ screens: [s], coverage: coverage() }), { exemptions: { 'forced-check-in': '安保值班' } });
    assert.equal(r.outcome, 'not-applicable');
    assert.match(r.reason ?? '', /安保值班/);
    assert.deepEqual(r.findings, []);
    assert.equal(r.observations?.length, 1);
  });
});

void describe('probe-based checks without probe evidence', () => {
  // Their detectors read what the dynamic probes recorded (test/probes covers them with it).
  for (const id of ['ipv6-readiness', 'performance', 'data-security'] as const) {
    void it(`${id} is inconclusive without probe evidence, even on complete coverage`, () => {
      const r = evaluateCheck(id, bundle({ screens: [home(), mine()], coverage: coverage() }));
      assert.equal(r.outcome, 'inconclusive');
      assert.notEqual(r.reason, NOT_IMPLEMENTED_REASON);
    });
  }
});

void describe('evaluateAll', () => {
  void it('returns one result per catalog check (15), in catalog order', () => {
    const results = evaluateAll(bundle({ screens: [home()], coverage: coverage() }));
    assert.equal(results.length, 15);
    assert.deepEqual(results.map((r) => r.id), [...CHECK_IDS]);
  });

  void it('never passes anything on an empty run', () => {
    const results = evaluateAll(bundle());
    assert.ok(results.every((r) => r.outcome === 'inconclusive'), results.map((r) => `${r.id}:${r.outcome}`).join(' '));
  });
});

void describe('exploredTo', () => {
  void it('is true on complete coverage, false on incomplete coverage without a depth', () => {
    assert.equal(exploredTo(coverage(), undefined), true);
    assert.equal(exploredTo(incomplete({ unexploredDepths: [9] }), undefined), false);
  });
});

void describe('a run that met a screen it could not understand (content, no candidate)', () => {
  const blind = (fields: Partial<CoverageEvent> = {}) => coverage({ complete: false, stoppedBy: 'exhausted', frontier: 0, unexploredDepths: [], ...fields });

  void it('leaves a prohibition with no findings inconclusive, naming the screen', () => {
    const screens = [home(), mine()];
    const r = evaluateCheck('forced-check-in', bundle({ screens, coverage: blind({ notUnderstood: [screens[1]!.id] }) }));
    assert.equal(r.outcome, 'inconclusive');
    assert.match(r.reason ?? '', new RegExp(`${screens[1]!.id}「我的」`));
    assert.match(r.reason ?? '', /未能理解/);
  });

  void it('leaves a missing requirement inconclusive even where the explored depth would let it fail', () => {
    const screens = [home(), mine()];
    const cov = blind({ unexploredDepths: [], notUnderstood: [screens[0]!.id] });
    assert.equal(exploredTo(cov, 2), true);
    const r = evaluateCheck('filing-disclosure', bundle({ screens, coverage: cov }));
    assert.equal(r.outcome, 'inconclusive');
    assert.match(r.reason ?? '', /未能理解/);
    assert.deepEqual(r.findings, []);
  });

  void it('still fails a prohibition on what was seen, and still passes a requirement that was found', () => {
    const modal = screen({ title: '打卡', depth: 0, body: [link('办事', { obscured: true }), button('立即打卡')] });
    const seen = evaluateCheck('forced-check-in', bundle({ screens: [modal], coverage: blind({ notUnderstood: ['sX'] }) }));
    assert.equal(seen.outcome, 'fail');
    const s = screen({ title: '首页', body: [el('footer', {}, span('主办单位：某某市人民政府办公厅'), span('备案编号：京ICP备12345678号-1A'))] });
    assert.equal(evaluateCheck('filing-disclosure', bundle({ screens: [s], coverage: blind({ notUnderstood: ['sX'] }) })).outcome, 'pass');
  });
});
