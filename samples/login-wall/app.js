/*
 * login-wall - sample H5 app for govapp-audit exploration.
 * Every screen except the login and password-recovery screens sits behind a
 * login form; only the lab's test account (test-account.json, checked here
 * by hash only) gets in. Inside: a check-in screen (the violation), a profile
 * form that needs a name, phone, ID number and a select, an alert after the
 * check-in and a confirm before logout. State lives in memory: a reload logs out.
 */
'use strict';

(() => {
  const START = '/login';
  const ACCOUNT_HASH = '673a4294';
  const session = { signedIn: false };
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

  /** FNV-1a of "user\0password": the page never holds the password itself. */
  function accountHash(user, password) {
    let x = 2166136261;
    for (const c of `${user}\u0000${password}`) { x ^= c.codePointAt(0); x = Math.imul(x, 16777619) >>> 0; }
    return x.toString(16);
  }

  /** The wall: every route but login and recovery needs a session; login is skipped once signed in. */
  function guard(route) {
    if (!route.open && !session.signedIn) { go('/login'); return false; }
    if (route.id === 'login' && session.signedIn) { go('/home'); return false; }
    return true;
  }

  function loginForm(v) {
    const user = h('input', { id: 'login-user', type: 'text', placeholder: '请输入账号', autocomplete: 'username' });
    const pass = h('input', { id: 'login-pass', type: 'password', placeholder: '请输入密码', autocomplete: 'current-password' });
    const status = h('span', { class: 'status', role: 'status' });
    const form = h('form', { class: 'form', novalidate: true }, ...field('账号', user), ...field('密码', pass),
      h('button', { type: 'submit', class: 'btn' }, '登录'), status);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      post('/api/login', { username: user.value, password: pass.value });
      if (accountHash(user.value, pass.value) === ACCOUNT_HASH) { session.signedIn = true; go('/home'); }
      else status.textContent = '账号或密码错误';
    });
    v.append(card('统一身份认证', form), card(null, cell('忘记密码', '#/forgot')));
  }

  function forgotForm(v) {
    const phone = h('input', { id: 'forgot-phone', type: 'tel', placeholder: '请输入注册手机号' });
    const status = h('span', { class: 'status', role: 'status' });
    v.append(card('找回密码', h('div', { class: 'form' }, ...field('手机号', phone)),
      h('button', { type: 'button', class: 'btn', onclick: () => {
        if (/^1\d{10}$/.test(phone.value)) go('/forgot/sent'); else status.textContent = '请输入正确的手机号';
      } }, '提交'), status));
  }

  function profileForm(v) {
    const name = h('input', { id: 'p-name', type: 'text', placeholder: '请输入姓名' });
    const phone = h('input', { id: 'p-phone', type: 'tel', placeholder: '请输入手机号码' });
    const idNo = h('input', { id: 'p-id', type: 'text', placeholder: '请输入身份证号' });
    const gender = h('select', { id: 'p-gender' }, h('option', { value: '' }, '请选择'), h('option', { value: 'm' }, '男'), h('option', { value: 'f' }, '女'));
    v.append(card('个人资料', h('div', { class: 'form' }, ...field('姓名', name), ...field('手机号', phone), ...field('身份证号', idNo), ...field('性别', gender)),
      h('button', { type: 'button', class: 'btn', onclick: () => {
        const ok = name.value.trim() && /^1\d{10}$/.test(phone.value) && /^\d{17}[\dX]$/.test(idNo.value) && gender.value;
        if (!ok) { alert('请完整填写个人资料'); return; }
        post('/api/profile', { name: name.value, gender: gender.value });
        go('/mine/profile/saved');
      } }, '保存')));
  }

  const ROUTES = [
    { id: 'login', open: true, re: /^\/login$/, title: '登录', render: loginForm },
    { id: 'forgot', open: true, re: /^\/forgot$/, title: '找回密码', back: true, render: forgotForm },
    { id: 'forgot-sent', open: true, re: /^\/forgot\/sent$/, title: '短信已发送', back: true, render: (v) => v.append(
      card(null, h('p', null, '重置密码短信已发送，请按短信提示操作。'))) },
    { id: 'home', re: /^\/home$/, title: '首页', tab: 'home', render: (v) => v.append(
      card('常用', cell('办事大厅', '#/hall'), cell('通知公告', '#/notice'))) },
    { id: 'hall', re: /^\/hall$/, title: '办事大厅', tab: 'home', back: true, render: (v) => v.append(
      card('工作台', cell('每日打卡', '#/hall/checkin', '必做'))) },
    { id: 'checkin', re: /^\/hall\/checkin$/, title: '打卡签到', tab: 'home', back: true, render: (v) => v.append(
      card('每日打卡', h('p', null, '每日必须完成打卡签到，未签到人员将在全市通报。'), h('p', { class: 'meta' }, '已连续打卡 6 天')),
      h('button', { type: 'button', class: 'btn', onclick: () => { post('/api/checkin', { day: 7 }); alert('签到成功'); } }, '立即签到')) },
    { id: 'notice', re: /^\/notice$/, title: '通知公告', tab: 'home', back: true, render: (v) => v.append(
      card(null, h('p', null, '关于调整办事大厅开放时间的通知'), h('p', null, '2026年度政务服务满意度调查说明'))) },
    { id: 'mine', re: /^\/mine$/, title: '我的', tab: 'mine', render: (v) => v.append(
      card(null, cell('个人资料', '#/mine/profile')),
      h('button', { type: 'button', class: 'btn plain', onclick: () => {
        if (confirm('确定要退出登录吗？')) { session.signedIn = false; go('/login'); }
      } }, '退出登录')) },
    { id: 'profile', re: /^\/mine\/profile$/, title: '个人资料', tab: 'mine', back: true, render: profileForm },
    { id: 'profile-saved', re: /^\/mine\/profile\/saved$/, title: '保存成功', tab: 'mine', back: true, render: (v) => v.append(
      card(null, h('p', null, '个人资料已保存。'))) },
  ];

  render();
})();
