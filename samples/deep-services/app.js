/*
 * deep-services - sample H5 app for govapp-audit exploration benchmarks.
 * Key screens sit four taps deep behind list cells and segment (tab) switches:
 * Mine > Study center > Exam segment > Points ranking (a violation), and
 * Services > Corporate segment > Annual reports > Report detail.
 * Hash routing, state in memory, no external resources.
 */
'use strict';

(() => {
  const START = '/home';
  const view = document.getElementById('view');
  const titlebar = document.getElementById('titlebar');
  const tabbar = document.getElementById('tabbar');

  /** Tiny element builder; on* props become listeners. */
  function h(tag, props, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const kid of kids.flat()) if (kid !== null && kid !== undefined && kid !== false) el.append(kid instanceof Node ? kid : String(kid));
    return el;
  }
  function go(route) { location.hash = route; }
  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(() => undefined);
  }
  /** A list cell: a div with role=button and a click listener (not an <a>). */
  function cell(label, route, sub) {
    return h('div', { class: 'cell', role: 'button', tabindex: '0', onclick: () => go(route) },
      h('span', null, label), sub ? h('span', { class: 'sub' }, sub) : null);
  }
  function card(title, ...kids) { return h('section', { class: 'card' }, title ? h('h2', null, title) : null, ...kids); }
  /** Segmented control: switching a segment changes the route. */
  function segments(items, active) {
    return h('div', { class: 'segments', role: 'tablist' }, items.map(([label, route]) =>
      h('button', { type: 'button', role: 'tab', 'aria-selected': String(label === active), onclick: () => go(route) }, label)));
  }
  function field(label, input) {
    const id = input.id;
    return [h('label', { for: id }, label), input];
  }

  function render() {
    // The start URL has no route: name it, so the first screen and a later visit are one URL.
    if (!location.hash) history.replaceState(null, '', '#' + START);
    const path = (location.hash || '#' + START).slice(1).split('?')[0];
    let route = null, match = null;
    for (const r of ROUTES) { match = path.match(r.re); if (match) { route = r; break; } }
    if (!route) { go(START); return; }
    if (typeof guard === 'function' && !guard(route)) return;
    titlebar.replaceChildren(
      route.back ? h('button', { type: 'button', class: 'back', onclick: () => history.back() }, '‹ 返回') : null,
      h('h1', null, route.title));
    tabbar.hidden = !route.tab;
    view.classList.toggle('no-tabs', !route.tab);
    for (const b of tabbar.querySelectorAll('button')) b.classList.toggle('active', b.dataset.tab === route.tab);
    document.title = route.title;
    view.replaceChildren();
    window.scrollTo(0, 0);
    route.render(view, match);
  }
  for (const b of tabbar.querySelectorAll('button')) b.addEventListener('click', () => go(b.dataset.route));
  window.addEventListener('hashchange', render);

  const NEWS = [
    ['101', '市政务服务中心延长周末服务时间'],
    ['102', '企业开办全程网办再提速'],
    ['103', '城乡居民医保缴费期开始'],
  ];

  const ROUTES = [
    { re: /^\/home$/, title: '首页', tab: 'home', render: (v) => v.append(
      card('政务资讯', cell('政务要闻', '#/news', '每日更新')),
      card('服务指引', h('p', null, '个人和法人事项请在“服务”中办理。'))) },
    { re: /^\/news$/, title: '政务要闻', tab: 'home', back: true, render: (v) => v.append(
      card(null, NEWS.map(([id, t]) => cell(t, `#/news/${id}`)))) },
    { re: /^\/news\/(\d+)$/, title: '要闻详情', tab: 'home', back: true, render: (v, m) => {
      const item = NEWS.find(([id]) => id === m[1]) || NEWS[0];
      v.append(card(item[1], h('p', { class: 'meta' }, '来源：市政府办公室'), h('p', null, '详细内容请关注后续发布。')));
    } },
    { re: /^\/services$/, title: '服务', tab: 'services', render: (v) => v.append(
      segments([['个人服务', '#/services'], ['法人服务', '#/services/corp']], '个人服务'),
      card('个人事项', cell('社保查询', '#/services/shebao', '城乡居民'))) },
    { re: /^\/services\/corp$/, title: '法人服务', tab: 'services', render: (v) => v.append(
      segments([['个人服务', '#/services'], ['法人服务', '#/services/corp']], '法人服务'),
      card('法人事项', cell('企业年报', '#/services/corp/reports', '年度报告'))) },
    { re: /^\/services\/shebao$/, title: '社保查询', tab: 'services', back: true, render: (v) => v.append(
      card('参保信息', h('p', null, '参保状态：正常参保'), h('p', null, '缴费档次：第二档'))) },
    { re: /^\/services\/corp\/reports$/, title: '企业年报', tab: 'services', back: true, render: (v) => v.append(
      card('历年年报', cell('2025年度报告', '#/services/corp/reports/2025', '已公示'), cell('2024年度报告', '#/services/corp/reports/2024', '已公示'))) },
    { re: /^\/services\/corp\/reports\/(\d+)$/, title: '年报详情', tab: 'services', back: true, render: (v, m) => v.append(
      card(`${m[1]}年度报告`, h('table', null,
        h('tr', null, h('th', null, '项目'), h('th', null, '内容')),
        h('tr', null, h('td', null, '企业名称'), h('td', null, '示例科技有限公司')),
        h('tr', null, h('td', null, '从业人数'), h('td', null, '36'))))) },
    { re: /^\/mine$/, title: '我的', tab: 'mine', render: (v) => v.append(
      card(null, cell('学习中心', '#/mine/study'), cell('关于我们', '#/mine/about'))) },
    { re: /^\/mine\/study$/, title: '学习中心', tab: 'mine', back: true, render: (v) => v.append(
      segments([['课程', '#/mine/study'], ['考核', '#/mine/study/exam']], '课程'),
      card('推荐课程', h('p', null, '《政务服务规范》'), h('p', null, '《数据安全基础》'))) },
    { re: /^\/mine\/study\/exam$/, title: '学习考核', tab: 'mine', back: true, render: (v) => v.append(
      segments([['课程', '#/mine/study'], ['考核', '#/mine/study/exam']], '考核'),
      card('考核结果', cell('积分排行', '#/mine/study/exam/ranking', '本月'))) },
    { re: /^\/mine\/study\/exam\/ranking$/, title: '积分排行', tab: 'mine', back: true, render: (v) => v.append(
      card('本月学习积分排行榜', h('table', null,
        h('tr', null, h('th', null, '排名'), h('th', null, '姓名'), h('th', null, '积分')),
        h('tr', null, h('td', null, '1'), h('td', null, '王丽'), h('td', null, '1820')),
        h('tr', null, h('td', null, '2'), h('td', null, '李强'), h('td', null, '1765')),
        h('tr', null, h('td', null, '3'), h('td', null, '赵敏'), h('td', null, '1690'))),
      h('p', null, '排名后十位的单位将在月度考核中通报。'))) },
    { re: /^\/mine\/about$/, title: '关于我们', tab: 'mine', back: true, render: (v) => v.append(
      card(null, h('p', null, '主办单位：示例市数据局'), h('p', null, '备案编号：ZW-330000-2026-00031'))) },
  ];

  render();
})();
