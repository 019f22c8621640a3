/** Screen identity: volatile numbers do not make new screens; modals and routes do. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UiSnapshot } from '../../src/device/device-session.js';
import { screenSignature } from '../../src/explore/screen-signature.js';
import { h5ScreenKey as routeKey } from '../../src/platforms/h5/screen-key.js';
import { button, el, link, screen, span, type NodeSpec } from '../helpers/evidence-builder.js';

function snapshot(url: string, title: string, body: NodeSpec[]): UiSnapshot {
  const s = screen({ title, url, body });
  return { screenKey: routeKey(s.url), url: s.url, title: s.title, visibleText: s.visibleText, viewport: s.viewport, nodes: s.nodes };
}

const tabBar = (obscured = false) => [link('首页', { obscured }), link('办事', { obscured }), link('我的', { obscured })];
const home = (unread: number, clock: string, points: number) => snapshot(`https://app.example.gov.cn/?t=${clock}#/home`, `首页`, [
  span(`${clock} 晴 23℃`),
  link(`消息 (${unread})`),
  button(`我的积分 ${points}`),
  link('办事指南'),
  ...tabBar(),
]);

void describe('screenSignature', () => {
  void it('gives the same screen with other counters, times and numbers one signature', () => {
    assert.equal(screenSignature(home(3, '08:15', 120)), screenSignature(home(12, '17:42', 1_250)));
  });

  void it('gives the same route with a modal on top (everything else obscured) another signature', () => {
    const plain = snapshot('https://app.example.gov.cn/#/home', '首页', [link('办事指南'), ...tabBar()]);
    const withModal = snapshot('https://app.example.gov.cn/#/home', '首页', [link('办事指南', { obscured: true }), ...tabBar(true), button('立即签到')]);
    assert.notEqual(screenSignature(plain), screenSignature(withModal));
  });

  void it('identifies a modal by itself, whatever the covered page shows behind it', () => {
    const modalOver = (stories: string[]) => snapshot('https://app.example.gov.cn/#/home', '每日签到', [
      ...stories.map((t) => link(t, { obscured: true })), ...tabBar(true), button('立即签到'),
    ]);
    assert.equal(screenSignature(modalOver(['防汛演练通知', '医保政策解读'])), screenSignature(modalOver(['公积金新规', '社保卡申领指南', '天气预警'])));
  });

  void it('gives a different route another signature, even with the same controls', () => {
    const a = snapshot('https://app.example.gov.cn/#/services', '服务', tabBar());
    const b = snapshot('https://app.example.gov.cn/#/mine', '服务', tabBar());
    assert.notEqual(screenSignature(a), screenSignature(b));
  });

  void it('gives two records of one detail route one signature', () => {
    const detail = (id: string, headline: string) => snapshot(`https://app.example.gov.cn/#/news/${id}`, '新闻详情', [span(headline), button('分享'), link('返回')]);
    assert.equal(screenSignature(detail('1', '市政务服务中心延长服务时间')), screenSignature(detail('2', '公积金提取流程优化')));
  });
});

void describe('screenSignature of views swapped in place (one URL, one title)', () => {
  const view = (body: NodeSpec[], listenersObserved?: boolean) => ({ ...snapshot('https://plain.gov.cn/#/', '掌上办事', body), ...(listenersObserved === undefined ? {} : { listenersObserved }) });
  /** Sets flags on the nodes with `text` (the builder knows no delegated/transient). */
  const flag = (snap: UiSnapshot, text: string, flags: object) => {
    for (const n of snap.nodes.filter((x) => x.text === text)) Object.assign(n, flags);
    return snap;
  };

  void it('tells views apart by their guessed controls when nothing else is a control', () => {
    assert.notEqual(screenSignature(view([span('办事大厅'), span('投诉建议')])), screenSignature(view([span('社保查询')])));
  });

  void it('tells views apart by their headings', () => {
    assert.notEqual(screenSignature(view([el('h2', '办事大厅'), ...tabBar()])), screenSignature(view([el('h2', '投诉建议'), ...tabBar()])));
  });

  void it('does not split a screen whose guessed text changes beside real controls (未签到 → 已签到)', () => {
    assert.equal(screenSignature(view([span('未签到'), ...tabBar()])), screenSignature(view([span('已签到'), ...tabBar()])));
  });

  void it('counts delegated nodes only when they look like controls, and ignores transient overlays', () => {
    const plain = flag(view([span('办事大厅'), span('欢迎您，请选择要办理的事项。')], true), '办事大厅', { delegated: true });
    const withToast = flag(flag(view([span('办事大厅'), span('欢迎您，请选择要办理的事项。'), span('登录成功')], true), '办事大厅', { delegated: true }), '登录成功', { delegated: true, transient: true });
    assert.equal(screenSignature(plain), screenSignature(withToast));
    const other = flag(view([span('投诉建议'), span('欢迎您，请选择要办理的事项。')], true), '投诉建议', { delegated: true });
    assert.notEqual(screenSignature(plain), screenSignature(other));
  });
});

void describe('routeKey', () => {
  void it('treats numeric and alphanumeric record ids in routes as one route', () => {
    assert.equal(routeKey('https://a.gov.cn/#/news/1'), routeKey('https://a.gov.cn/#/news/2'));
    assert.equal(routeKey('https://a.gov.cn/#/x/TS2026100087'), routeKey('https://a.gov.cn/#/x/TS2026100099'));
    assert.equal(routeKey('https://a.gov.cn/app/items/8812/detail'), routeKey('https://a.gov.cn/app/items/9034/detail'));
  });

  void it('ignores query strings in the path and in the hash route', () => {
    assert.equal(routeKey('https://a.gov.cn/list?page=1#/news?tab=2'), routeKey('https://a.gov.cn/list?page=7#/news?tab=5'));
  });

  void it('keeps different named routes apart', () => {
    assert.notEqual(routeKey('https://a.gov.cn/#/news'), routeKey('https://a.gov.cn/#/notices'));
    assert.notEqual(routeKey('https://a.gov.cn/#/news/1'), routeKey('https://a.gov.cn/#/news'));
    assert.notEqual(routeKey('https://a.gov.cn/#/services/shebao'), routeKey('https://a.gov.cn/#/services/gjj'));
  });
});
