/*
 * infinite-feed - sample H5 app for govapp-audit exploration.
 * The news feed appends ten items whenever it is scrolled near its end, for
 * ever; each item opens a detail screen of the same kind, whose related items
 * open more details. Beside it a few real screens: a query form with a select
 * and a feedback form with a textarea. State in memory, no external resources.
 */
'use strict';

(() => {
  const START = '/feed';
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

  const HEADLINES = ['市民服务中心新增夜间窗口', '公积金贷款额度调整说明', '秋冬季供暖保障工作部署', '老旧小区改造项目公示',
    '医保异地就医备案简化', '中小学学位申请时间安排', '城市公交线路优化调整', '不动产登记一窗受理', '防汛抗旱工作总结', '营商环境评价结果发布',
    '残疾人补贴申领指南', '养老服务补贴发放通知', '农村道路建设进展', '政务热线服务质量报告'];
  const headline = (n) => HEADLINES[n % HEADLINES.length];
  function feedItem(n) {
    return h('div', { class: 'feed-item', role: 'button', tabindex: '0', onclick: () => go(`/feed/${10000 + n}`) },
      h('strong', null, headline(n)), h('span', { class: 'meta' }, `政务资讯 · ${(n % 23) + 1}小时前`));
  }

  /** Appends ten items each time the end of the list comes near the bottom of the screen. */
  function renderFeed(v) {
    const list = h('div', { class: 'feed' });
    let next = 0;
    const more = () => { for (let i = 0; i < 10; i++) list.append(feedItem(next++)); };
    more();
    v.append(list, h('div', { class: 'loading' }, '上拉加载更多'));
    const onScroll = () => {
      if (!list.isConnected) { window.removeEventListener('scroll', onScroll); return; }
      if (list.getBoundingClientRect().bottom < window.innerHeight + 200) more();
    };
    window.addEventListener('scroll', onScroll);
  }

  function renderDetail(v, m) {
    const n = Number(m[1]) - 10000;
    v.append(card(headline(n), h('p', { class: 'meta' }, '来源：市政府新闻办'), h('p', null, `${headline(n)}，详情请见正文。`)),
      card('相关推荐', [n + 1, n + 2, n + 3].map(feedItem)));
  }

  function renderGjj(v) {
    const year = h('select', { id: 'gjj-year' }, h('option', { value: '' }, '请选择年份'), ['2026', '2025', '2024'].map((y) => h('option', { value: y }, `${y}年`)));
    const status = h('span', { class: 'status', role: 'status' });
    v.append(card('公积金缴存查询', h('div', { class: 'form' }, ...field('查询年份', year))),
      h('button', { type: 'button', class: 'btn', onclick: () => { if (year.value) go('/services/gjj/result'); else status.textContent = '请选择年份'; } }, '查询'), status);
  }

  function renderFeedback(v) {
    const text = h('textarea', { id: 'fb-text', rows: '4', placeholder: '请输入您的意见或建议' });
    const name = h('input', { id: 'fb-name', type: 'text', placeholder: '联系人姓名（选填）' });
    const status = h('span', { class: 'status', role: 'status' });
    v.append(card('意见反馈', h('div', { class: 'form' }, ...field('反馈内容', text), ...field('联系人', name))),
      h('button', { type: 'button', class: 'btn', onclick: () => {
        if (!text.value.trim()) { status.textContent = '请填写反馈内容'; return; }
        post('/api/feedback', { length: text.value.length });
        go('/mine/feedback/done');
      } }, '提交'), status);
  }

  const ROUTES = [
    { re: /^\/feed$/, title: '资讯', tab: 'feed', render: renderFeed },
    { re: /^\/feed\/(\d+)$/, title: '资讯详情', tab: 'feed', back: true, render: renderDetail },
    { re: /^\/services$/, title: '服务', tab: 'services', render: (v) => v.append(card(null, cell('公积金查询', '#/services/gjj'))) },
    { re: /^\/services\/gjj$/, title: '公积金查询', tab: 'services', back: true, render: renderGjj },
    { re: /^\/services\/gjj\/result$/, title: '查询结果', tab: 'services', back: true, render: (v) => v.append(
      card('缴存明细', h('table', null, h('tr', null, h('th', null, '月份'), h('th', null, '金额')), h('tr', null, h('td', null, '1月'), h('td', null, '1200'))))) },
    { re: /^\/mine$/, title: '我的', tab: 'mine', render: (v) => v.append(card(null, cell('意见反馈', '#/mine/feedback'), cell('关于我们', '#/mine/about'))) },
    { re: /^\/mine\/feedback$/, title: '意见反馈', tab: 'mine', back: true, render: renderFeedback },
    { re: /^\/mine\/feedback\/done$/, title: '提交成功', tab: 'mine', back: true, render: (v) => v.append(card(null, h('p', null, '感谢您的反馈，我们将在5个工作日内回复。'))) },
    { re: /^\/mine\/about$/, title: '关于我们', tab: 'mine', back: true, render: (v) => v.append(
      card(null, h('p', null, '主办单位：示例市融媒体中心'), h('p', null, '备案编号：ZW-440000-2026-00077'))) },
  ];

  render();
})();
