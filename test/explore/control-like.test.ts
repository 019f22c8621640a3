/** Which non-clickable nodes look like controls, and the candidates of a screen from every source. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UiNode } from '../../src/evidence/types.js';
import { candidateActions, DEFAULT_ACTION_POLICY } from '../../src/explore/action-policy.js';
import { candidateNodes } from '../../src/explore/candidates.js';
import { controlLikeNodes } from '../../src/explore/control-like.js';
import { div, el, link, p, screen, span, type NodeSpec } from '../helpers/evidence-builder.js';

const nodesOf = (...body: NodeSpec[]): UiNode[] => screen({ title: 't', body }).nodes;
const texts = (nodes: UiNode[]) => controlLikeNodes(nodes).map((n) => n.fullText);
const at = (x: number, y: number, width = 80, height = 60) => ({ x, y, width, height });
const img = (bounds = at(0, 0, 24, 24)) => el('img', { bounds });

void describe('controlLikeNodes', () => {
  void it('takes short text leaves, not headings, paragraphs, sentences or bare numbers', () => {
    const nodes = nodesOf(
      el('h2', '办事服务'),
      p('根据有关规定，本平台将于下月起调整办理流程。'),
      span('社保查询'),
      span('2026-03-01'),
      span('如有疑问，请联系我们'),
      span('这是一个超过十二个字的很长很长的标题文字'),
    );
    assert.deepEqual(texts(nodes), ['社保查询']);
  });

  void it('takes an icon+label cell once, not its image and its text separately', () => {
    const nodes = nodesOf(div({}, img(), span('公积金')), div({}, img(), span('医保')));
    const chosen = controlLikeNodes(nodes);
    assert.deepEqual(chosen.map((n) => n.role), ['div', 'div']);
    assert.deepEqual(chosen.map((n) => n.fullText), ['公积金', '医保']);
  });

  void it('takes the rows of a list, not their leaves', () => {
    const row = (title: string) => div({}, span(title), span('2026-03-01'));
    const nodes = nodesOf(div({}, row('关于开展春季安全生产大检查的通知'), row('医保政策解读'), row('公积金新规发布')));
    const chosen = controlLikeNodes(nodes);
    assert.equal(chosen.length, 3);
    assert.ok(chosen.every((n) => n.role === 'div' && n.fullText.includes('2026')));
  });

  void it('takes the one button of a modal over the page, not the full-screen mask as a row beside the covered sections', () => {
    const covered = (text: string) => el('span', { text, obscured: true });
    const section = (text: string, y: number) => div({ bounds: at(0, y, 412, 120), obscured: true }, covered(text), covered('3 件'));
    const modal = div({ bounds: at(0, 0, 412, 915) }, div({ bounds: at(45, 380, 321, 170) },
      el('h3', '请先完成今日打卡'), p('今日尚未打卡，完成打卡后方可使用其他功能。'), div({ bounds: at(45, 489, 321, 53), text: '立即打卡' })));
    const nodes = nodesOf(section('首页', 0), section('网格事件', 120), section('我的', 795), modal);
    assert.deepEqual(texts(nodes), ['立即打卡']);
  });

  void it('takes the cells of a bottom tab bar side by side, each once', () => {
    const cell = (text: string, x: number) => div({ bounds: at(x, 860) }, img(at(x + 28, 862)), span(text));
    const nodes = nodesOf(el('nav', {}, cell('首页', 0), cell('办事', 103), cell('我的', 206)));
    assert.deepEqual(texts(nodes), ['首页', '办事', '我的']);
  });

  void it('takes a banner image, not a small decoration', () => {
    const nodes = nodesOf(img(at(0, 0, 412, 160)), img(at(0, 200, 16, 16)));
    assert.deepEqual(controlLikeNodes(nodes).map((n) => n.bounds.width), [412]);
  });

  void it('skips what is clickable, inside or around something clickable, covered, or editable (a leaf beside a link stays)', () => {
    const nodes = nodesOf(
      link('办事'),
      el('a', { clickable: true }, span('我的')),
      div({}, span('设置'), link('退出')),
      el('span', { text: '提交', obscured: true }),
      el('input', { inputType: 'text', editable: true, text: '姓名' }),
    );
    assert.deepEqual(texts(nodes), ['设置']);
  });
});

void describe('candidateNodes', () => {
  const app = () => {
    const nodes = nodesOf(link('首页'), span('通知公告'), span('办事指南'));
    nodes.find((n) => n.fullText === '首页')!.tapSource = 'listener';
    nodes.find((n) => n.fullText === '办事指南')!.delegated = true;
    return nodes;
  };

  void it('names each candidate by how it was found: own handler, delegated, probed', () => {
    assert.deepEqual(candidateNodes(app()).map((c) => [c.node.fullText, c.source]), [['首页', 'listener'], ['通知公告', 'probed'], ['办事指南', 'delegated']]);
  });

  void it('probes nothing when the platform saw every listener', () => {
    assert.deepEqual(candidateNodes(app(), true).map((c) => c.source), ['listener', 'delegated']);
  });

  void it('orders actions: own handlers first, delegated next, probes last', () => {
    const nodes = app().map((n) => ({ ...n, locator: `#n${n.id}` }));
    assert.deepEqual(candidateActions(nodes, DEFAULT_ACTION_POLICY).actions.map((a) => a.source), ['listener', 'delegated', 'probed']);
  });

  void it('leaves transient overlays (a toast) out', () => {
    const nodes = app();
    Object.assign(nodes.find((n) => n.fullText === '通知公告')!, { transient: true });
    assert.deepEqual(candidateNodes(nodes).map((c) => c.node.fullText), ['首页', '办事指南']);
  });
});
