/** The Allure description of an exploration: not-understood screens, candidates by source, gates. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidateSourcesText, explorationText, notUnderstoodText } from '../../src/audit/coverage-text.js';
import { coverage, screen } from '../helpers/evidence-builder.js';

void describe('exploration text', () => {
  const home = screen({ id: 's0', title: '首页', body: [] });
  const notice = screen({ id: 's1', title: '通知', body: [] });
  const cov = coverage({
    screens: 2, complete: false, notUnderstood: ['s1'],
    perScreen: [
      { screenId: 's0', found: { listener: 3, probed: 4 }, tried: { listener: 3, probed: 2 }, noEffect: 2, understood: true, gate: '立即打卡' },
      { screenId: 's1', found: {}, tried: {}, understood: false },
    ],
  });

  void it('names the screens not understood with their titles', () => {
    assert.match(notUnderstoodText(cov, { screens: [home, notice] }), /1 个界面.*s1「通知」/);
    assert.equal(notUnderstoodText(coverage(), { screens: [home] }), '');
  });

  void it('sums candidates found/tried per source over the screens', () => {
    assert.equal(candidateSourcesText(cov), '候选操作（找到/尝试）：事件监听 3/3，试探点击 4/2（试探与委托中 2 次点击无任何变化）。');
    assert.equal(candidateSourcesText(coverage()), '');
  });

  void it('mentions gates that were acted on', () => {
    assert.match(explorationText(cov, { screens: [home, notice] }), /唯一出路的遮挡弹窗.*「立即打卡」/);
  });
});
