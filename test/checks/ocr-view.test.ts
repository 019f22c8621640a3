/** OCR words in the rule engine: lines joined, boxes kept, findings cite source 'ocr'; combos box every label. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import { ocrLines, withOcrText } from '../../src/checks/ocr-view.js';
import { caseBundle } from '../helpers/corpus.js';

const word = (text: string, x: number, y = 80, width = 40, height = 30) => ({ text, confidence: 92, bounds: { x, y, width, height } });

describe('OCR words as UI text', () => {
  it('joins the words of one line left to right (CJK spaces removed) and keeps separate lines apart', () => {
    const lines = ocrLines([word('排行', 75), word('积 分', 30), word('榜', 120), word('本月', 30, 140)]);
    assert.deepEqual(lines.map((l) => l.text), ['积分排行榜', '本月']);
    assert.deepEqual(lines[0]!.bounds, { x: 30, y: 80, width: 130, height: 30 });
  });

  it('adds OCR lines as nodes under the element that holds them, without changing the input bundle', () => {
    const bundle = caseBundle({ id: 'o', source: 'test', labels: [], screen: { title: '首页', nodes: [{ role: 'img', b: [0, 60, 400, 120], click: true }] }, ocr: [{ text: '签到', b: [10, 80, 40, 30] }] });
    const before = bundle.screens[0]!.nodes.length;
    const view = withOcrText(bundle);
    const added = view.screens[0]!.nodes.at(-1)!;
    assert.equal(bundle.screens[0]!.nodes.length, before);
    assert.equal(added.role, 'ocr-text');
    assert.equal(view.screens[0]!.nodes.find((n) => n.id === added.parent)?.role, 'img');
    assert.match(view.screens[0]!.visibleText, /签到/);
  });

  it('a rule hit on OCR text is a finding with source ocr, the words boxed, confidence capped', () => {
    const bundle = caseBundle({ id: 'o', source: 'test', labels: [], screen: { title: '首页', nodes: [{ role: 'img', b: [0, 60, 400, 120] }] }, ocr: [{ text: '积分排行榜', b: [30, 80, 160, 32] }, { text: '第7名', b: [200, 80, 80, 32] }] });
    const result = evaluateCheck('points-ranking', bundle);
    assert.equal(result.outcome, 'fail');
    const f = result.findings[0]!;
    assert.equal(f.source, 'ocr');
    assert.deepEqual(f.bounds, { x: 30, y: 80, width: 250, height: 32 });
    assert.match(f.summary, /^在「首页」界面的图片文字中发现积分排名信息：「积分排行榜第7名」，涉嫌设置积分排名功能。$/);
    assert.ok(f.confidence <= 0.8);
  });

  it('a combo finding (rank and points headers) boxes every matched label, not only the first', () => {
    const bundle = caseBundle({ id: 'c', source: 'test', labels: [], screen: { title: '榜单', nodes: [
      { role: 'th', text: '排名', b: [12, 100, 60, 30] }, { role: 'th', text: '姓名', b: [80, 100, 80, 30] }, { role: 'th', text: '积分', b: [300, 100, 60, 30] }] } });
    const f = evaluateCheck('points-ranking', bundle).findings.find((x) => x.text === '排名 / 积分')!;
    assert.deepEqual(f.bounds, { x: 12, y: 100, width: 348, height: 30 });
  });
});
