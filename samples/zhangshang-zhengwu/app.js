/*
 * 掌上政务通 — sample H5 app for govapp-audit (the NON-compliant demo).
 *
 * Deliberate problems, for the harness to find:
 *   - a check-in gate on every page load (no close control, POST /api/checkin)
 *   - a notice demanding installation, install-rate assessment and periodic login
 *   - study/online duration labels and a 5 s study heartbeat (POST /api/study/heartbeat)
 *   - share / like / vote tasks counted in the yearly assessment
 *   - a points ranking table, and an image-only banner 「积分排行榜 第7名」 on 首页 (text only in
 *     pixels: img/rank-banner.png, made by scripts/make-sample-images.ts; read by OCR)
 *   - 数据填报: the same visit data to be filled in on two platforms every day, under threat of 通报
 *   - a points mall with a paid item (commercial activity)
 *   - required work photo + video uploads
 *   - a 5 s patrol trajectory upload (POST /api/patrol/track)
 *   - no host unit, no filing number, no complaint/feedback channel anywhere
 *   - stability: a 404 image on 设置, an uncaught error after opening 积分商城
 *
 * All state is in memory; nothing is written to localStorage, sessionStorage or cookies.
 */
'use strict';

(() => {
  const USER_ID = 'u1001';

  const state = {
    checkedIn: false, // reset on every page load: the gate shows again
    histIdx: 0, // index of the current history entry inside this app
  };

  const titlebar = document.getElementById('titlebar');
  const view = document.getElementById('view');
  const appRoot = document.getElementById('app');
  const toastEl = document.getElementById('toast');
  let cleanup = null;
  let toastTimer = 0;

  // ---------------------------------------------------------------- helpers

  /** Tiny element builder. `onclick` is set as a property, other on* as listeners. */
  function h(tag, props, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'onclick') el.onclick = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'svg') el.innerHTML = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const kid of kids.flat()) {
      if (kid === null || kid === undefined || kid === false) continue;
      el.append(kid instanceof Node ? kid : String(kid));
    }
    return el;
  }

  function go(route) {
    location.hash = route;
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => { /* offline: ignore */ });
  }

  /** A tappable list cell: <div class="cell" role="button"> with an onclick property. */
  function cell(label, route, sub) {
    const el = h('div', { class: 'cell', role: 'button', tabindex: '0' },
      h('span', { class: 'cell-label' }, label),
      sub ? h('span', { class: 'cell-sub' }, sub) : null);
    el.onclick = () => go(route);
    el.onkeydown = (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); el.click(); }
    };
    return el;
  }

  function section(title, ...kids) {
    return h('section', { class: 'card' },
      title ? h('h2', { class: 'card-title' }, title) : null, ...kids);
  }

  function showToast(text) {
    toastEl.textContent = text;
    toastEl.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { toastEl.hidden = true; }, 2000);
  }

  // ---------------------------------------------------------------- data

  const NEWS = [
    {
      id: '1',
      title: '市政务服务中心推出“一窗通办”新模式',
      date: '2026-11-18',
      body: [
        '11月18日起，市政务服务中心在一楼综合窗口推行“一窗通办”，群众办理不动产登记、户籍迁移等高频事项时，只需在一个窗口提交材料。',
        '据介绍，新模式上线后，平均办理时间由原来的3个工作日缩短为1个工作日，材料份数平均减少三分之一。',
      ],
    },
    {
      id: '2',
      title: '全市基层治理工作推进会召开',
      date: '2026-11-15',
      body: [
        '11月15日，全市基层治理工作推进会召开。会议通报了前三季度各区工作进展，部署了下一阶段重点任务。',
        '会议要求，各单位要进一步压实责任，确保年度目标任务按期完成。',
      ],
    },
    {
      id: '3',
      title: '我市数字政府建设综合评估位列全省前列',
      date: '2026-11-12',
      body: [
        '在近日公布的全省数字政府建设综合评估中，我市总体得分位列全省前列，其中“掌上办”事项覆盖率一项排名第二。',
        '下一步，我市将持续推进政务数据共享，提升移动端服务能力。',
      ],
    },
  ];

  const RANKING = [
    ['王建国', '示例区发展和改革局', 1586],
    ['刘晓燕', '示例区财政局', 1542],
    ['陈志强', '示例区教育局', 1498],
    ['赵丽华', '示例区卫生健康局', 1431],
    ['孙海涛', '示例区自然资源局', 1377],
    ['周文静', '示例区民政局', 1304],
    ['李明', '示例区发展和改革局', 1260],
    ['吴俊峰', '示例区司法局', 1215],
  ];

  // ---------------------------------------------------------------- check-in gate (modal)

  function showCheckinGate() {
    const days = ['一', '二', '三', '四', '五', '六', '日'];
    const strip = h('ol', { class: 'gate-days', 'aria-label': '本周签到' },
      days.map((d, i) => h('li', { class: i < 6 ? 'day done' : 'day' }, d)));

    const btn = h('button', { type: 'button', class: 'checkin-btn' }, '立即签到');
    const gate = h('div', {
      class: 'gate', id: 'checkin-gate', role: 'dialog', 'aria-modal': 'true',
      'aria-labelledby': 'gate-title', 'data-screen': 'checkin',
    },
    h('div', { class: 'gate-card' },
      h('h2', { class: 'gate-title', id: 'gate-title' }, '每日签到'),
      h('p', { class: 'gate-tip' }, '今日尚未签到，请先签到后使用'),
      btn,
      h('span', { class: 'gate-streak' }, '已连续签到 6 天'),
      strip));

    // No close control, no backdrop handler, no Escape handler: only 立即签到 dismisses it.

    btn.onclick = () => {
      post('/api/checkin', { userId: USER_ID, ts: Date.now() });
      state.checkedIn = true;
      gate.remove();
      appRoot.removeAttribute('inert');
      appRoot.removeAttribute('aria-hidden');
    };

    appRoot.setAttribute('inert', '');
    appRoot.setAttribute('aria-hidden', 'true');
    document.body.append(gate);
    btn.focus();
  }

  // ---------------------------------------------------------------- screens

  function renderHome(v) {
    const banner = h('div', { class: 'banner' },
      h('span', {
        class: 'banner-art', 'aria-hidden': 'true',
        svg: '<svg viewBox="0 0 120 80"><circle cx="92" cy="22" r="14" fill="#ffd54f"/>'
          + '<path d="M8 72h104M20 72V44h22v28M50 72V30h22v42M80 72V50h22v22" stroke="#fff" stroke-width="3" fill="none"/>'
          + '<path d="M61 30l11-10 11 10" stroke="#fff" stroke-width="3" fill="none"/></svg>',
      }),
      h('strong', { class: 'banner-title' }, '全员安装 · 人人使用'),
      h('span', { class: 'banner-sub' }, '应用推广月活动进行中'));
    // The banner is clickable only via an onclick property + cursor:pointer (no role).
    banner.onclick = () => go('#/notice');

    // Text that exists only in pixels (no alt, no DOM text): the audit must read it with OCR.
    const rankBanner = h('img', { class: 'promo-img', src: 'img/rank-banner.png', alt: '' });

    v.append(
      banner,
      rankBanner,
      section('通知公告', cell('关于开展应用推广工作的通知', '#/notice', '置顶')),
      section('要闻动态', NEWS.map((n) => cell(n.title, `#/news/${n.id}`, n.date))),
    );
  }

  function renderNews(v, m) {
    const n = NEWS.find((x) => x.id === m[1]) || NEWS[0];
    v.append(h('article', { class: 'card article' },
      h('h2', { class: 'article-title' }, n.title),
      h('span', { class: 'meta' }, `${n.date}　来源：市政务服务中心`),
      n.body.map((p) => h('p', null, p))));
  }

  function renderNotice(v) {
    const status = h('span', { class: 'status', role: 'status' });
    v.append(h('article', { class: 'card article' },
      h('h2', { class: 'article-title' }, '关于开展应用推广工作的通知'),
      h('span', { class: 'meta' }, '2026-11-16　办公室'),
      h('p', null, '各科室、各下属单位：'),
      h('p', null, '请各单位于本周五前组织全体干部职工完成本应用下载安装，各单位安装使用率将纳入季度考核并予以通报。连续3天未登录的人员将被通报。'),
      h('p', null, '各单位联络员请每日汇总本单位安装及登录情况，并于每周一上午报送。'),
      h('button', {
        type: 'button', class: 'btn primary',
        onclick: () => { status.textContent = '邀请链接已生成，请转发至单位工作群'; },
      }, '邀请同事下载'),
      status));
  }

  function renderStudy(v) {
    const status = h('span', { class: 'status', role: 'status' });
    const startBtn = h('button', { type: 'button', class: 'btn primary' }, '开始学习');
    startBtn.onclick = () => { status.textContent = '学习计时中，请勿退出页面'; };

    v.append(
      section('今日学习',
        h('div', { class: 'stats' },
          h('span', { class: 'stat' }, '今日已学习 12 分钟'),
          h('span', { class: 'stat' }, '在线时长 3小时25分')),
        startBtn, status),
      section('学习任务', cell('学习任务', '#/study/tasks', '3 项未完成')),
    );

    // Heartbeat while this screen is open.
    const enteredAt = Date.now();
    const timer = setInterval(() => {
      const studyTime = 12 * 60 + Math.round((Date.now() - enteredAt) / 1000);
      post('/api/study/heartbeat', { userId: USER_ID, studyTime, online: true });
    }, 5000);
    return () => clearInterval(timer);
  }

  function renderTasks(v) {
    const tasks = [['转发文章 +2分', '0/5'], ['点赞评论 +1分', '2/10'], ['网络投票 +1分', '0/1']];
    v.append(
      h('div', { class: 'notice-label' }, '本月转发量、点赞数将计入年度考核评比'),
      section('每日任务', h('ul', { class: 'task-list' },
        tasks.map(([name, prog]) => h('li', { class: 'task' },
          h('span', { class: 'task-name' }, name),
          h('span', { class: 'task-prog' }, prog))))),
    );
  }

  function renderWork(v) {
    v.append(
      section('日常工作',
        cell('工作留痕', '#/work/trace', '本周 3/5 次'),
        cell('巡查上报', '#/work/patrol', '今日未上报'),
        cell('数据填报', '#/work/report', '2 个系统')),
    );
  }

  function renderReport(v) {
    v.append(
      h('div', { class: 'notice-label' }, '请于每日17:00前在“基层治理平台”和“网格通”系统同时填报本日走访数据，未按时报送的将予以通报。'),
      section('今日走访', h('span', { class: 'cell-sub' }, '已走访 6 户')),
    );
  }

  function renderTrace(v) {
    const msg = h('span', { class: 'status error', role: 'alert' });
    const photo = h('input', { type: 'file', id: 'trace-photo', name: 'photo', accept: 'image/*', required: true });
    const video = h('input', { type: 'file', id: 'trace-video', name: 'video', accept: 'video/*', required: true });
    const form = h('form', { class: 'form', novalidate: true },
      h('label', { class: 'field-label', for: 'trace-photo' }, '上传现场照片（必填）'),
      photo,
      h('label', { class: 'field-label', for: 'trace-video' }, '上传工作视频（必填）'),
      video,
      h('label', { class: 'field-label', for: 'trace-desc' }, '工作内容'),
      h('textarea', { id: 'trace-desc', name: 'desc', rows: '3', placeholder: '请填写今日工作内容' }),
      h('button', { type: 'submit', class: 'btn primary' }, '提交留痕'),
      msg);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!photo.files.length || !video.files.length) {
        msg.textContent = '请先上传现场照片和工作视频';
        return;
      }
      msg.className = 'status';
      msg.textContent = '留痕已提交';
      post('/api/work/trace', { userId: USER_ID, ts: Date.now() });
    });
    v.append(section('工作留痕', form));
  }

  function renderPatrol(v) {
    const status = h('span', { class: 'status', role: 'status' });
    v.append(section('巡查上报',
      h('div', {
        class: 'map', 'aria-hidden': 'true',
        svg: '<svg viewBox="0 0 360 160"><rect width="360" height="160" fill="#e8eef3"/>'
          + '<path d="M0 60h360M0 120h360M90 0v160M250 0v160" stroke="#fff" stroke-width="10"/>'
          + '<path d="M40 130 L90 118 L140 96 L190 90 L230 62 L262 40" stroke="#c8161d" stroke-width="4" fill="none" stroke-dasharray="8 5"/>'
          + '<circle cx="262" cy="40" r="8" fill="#c8161d"/></svg>',
      }),
      h('span', { class: 'stat' }, '巡查轨迹记录中…'),
      h('button', {
        type: 'button', class: 'btn primary',
        onclick: () => {
          post('/api/patrol/report', { userId: USER_ID, ts: Date.now() });
          status.textContent = '巡查轨迹已上报';
        },
      }, '上报巡查轨迹'),
      status));

    // Track upload while this screen is open; coordinates drift a little each tick.
    let tick = 0;
    const timer = setInterval(() => {
      tick += 1;
      post('/api/patrol/track', {
        lat: Number((39.9042 + tick * 0.00012).toFixed(6)),
        lng: Number((116.4074 + tick * 0.00009).toFixed(6)),
        ts: Date.now(),
      });
    }, 5000);
    return () => clearInterval(timer);
  }

  function renderMine(v) {
    v.append(
      h('div', { class: 'profile' },
        h('span', {
          class: 'avatar', 'aria-hidden': 'true',
          svg: '<svg viewBox="0 0 48 48"><circle cx="24" cy="24" r="24" fill="#f3d2d3"/>'
            + '<circle cx="24" cy="19" r="8" fill="#c8161d"/><path d="M10 40c3-8 9-11 14-11s11 3 14 11" fill="#c8161d"/></svg>',
        }),
        h('div', { class: 'profile-text' },
          h('strong', null, '李明'),
          h('span', null, '示例区发展和改革局'))),
      section(null,
        cell('我的积分', '#/mine/points', '1260'),
        cell('积分商城', '#/mine/mall'),
        cell('设置', '#/mine/settings')),
    );
  }

  function renderPoints(v) {
    const rows = [['每日签到', '+5'], ['阅读文章', '+1/篇'], ['视听学习', '+1/3分钟'], ['转发文章', '+2/篇']];
    v.append(
      section(null,
        h('div', { class: 'points-hero' },
          h('span', { class: 'points-label' }, '学习积分 1260 分'),
          h('span', { class: 'points-today' }, '今日 +8'))),
      section('积分规则', h('ul', { class: 'rule-list' },
        rows.map(([a, b]) => h('li', null, h('span', null, a), h('span', null, b))))),
      section(null, cell('积分排行榜', '#/mine/points/rank', '第 7 名')),
    );
  }

  function renderRank(v) {
    const table = h('table', { class: 'rank' },
      h('thead', null, h('tr', null,
        h('th', null, '排名'), h('th', null, '姓名'), h('th', null, '单位'), h('th', null, '积分'))),
      h('tbody', null, RANKING.map(([name, unit, pts], i) => h('tr', { class: name === '李明' ? 'me' : null },
        h('td', null, String(i + 1)), h('td', null, name), h('td', null, unit), h('td', null, String(pts))))));
    v.append(
      h('div', { class: 'notice-label' }, '你已超过当前 85% 的人'),
      section('本月个人排行', table),
    );
  }

  function renderMall(v) {
    const status = h('span', { class: 'status', role: 'status' });
    const goods = [
      ['保温杯', '500积分', '立即兑换'],
      ['笔记本', '200积分', '立即兑换'],
      ['充电数据线', '300积分', '立即兑换'],
      ['蓝牙耳机', '限时特惠', '立即购买 ¥39.9'],
    ];
    v.append(
      section('积分兑换', h('div', { class: 'goods' },
        goods.map(([name, price, action]) => h('div', { class: 'good' },
          h('span', { class: 'good-pic', 'aria-hidden': 'true' }),
          h('span', { class: 'good-name' }, name),
          h('span', { class: 'good-price' }, price),
          h('button', {
            type: 'button', class: 'btn small',
            onclick: () => {
              status.textContent = action.startsWith('立即购买') ? '正在跳转支付…' : '兑换申请已提交';
            },
          }, action))))),
      status,
    );
    // Stability defect: the "mall SDK" blows up after the screen has rendered.
    setTimeout(() => { throw new Error('mall sdk not initialised'); }, 300);
  }

  function renderSettings(v) {
    v.append(
      h('div', { class: 'about' },
        // Stability defect: this asset does not exist (404).
        h('img', { class: 'logo', src: 'img/logo-missing.png', alt: '掌上政务通', width: '72', height: '72' }),
        h('strong', { class: 'about-name' }, '掌上政务通'),
        h('span', { class: 'about-ver' }, '版本 2.3.1')),
      section(null, h('ul', { class: 'rule-list' },
        h('li', null, h('span', null, '当前账号'), h('span', null, USER_ID)),
        h('li', null, h('span', null, '缓存大小'), h('span', null, '12.6MB')))),
      h('button', {
        type: 'button', class: 'btn danger',
        onclick: () => showToast('演示版本暂不支持退出登录'),
      }, '退出登录'),
    );
  }

  // ---------------------------------------------------------------- router

  const ROUTES = [
    { re: /^\/home$/, id: 'home', title: '首页', tab: 'home', render: renderHome },
    { re: /^\/news\/(\d+)$/, id: 'news', title: '新闻详情', tab: 'home', parent: '#/home', render: renderNews },
    { re: /^\/notice$/, id: 'notice', title: '通知公告', tab: 'home', parent: '#/home', render: renderNotice },
    { re: /^\/study$/, id: 'study', title: '学习', tab: 'study', render: renderStudy },
    { re: /^\/study\/tasks$/, id: 'study-tasks', title: '学习任务', tab: 'study', parent: '#/study', render: renderTasks },
    { re: /^\/work$/, id: 'work', title: '工作', tab: 'work', render: renderWork },
    { re: /^\/work\/trace$/, id: 'work-trace', title: '工作留痕', tab: 'work', parent: '#/work', render: renderTrace },
    { re: /^\/work\/patrol$/, id: 'work-patrol', title: '巡查上报', tab: 'work', parent: '#/work', render: renderPatrol },
    { re: /^\/work\/report$/, id: 'work-report', title: '数据填报', tab: 'work', parent: '#/work', render: renderReport },
    { re: /^\/mine$/, id: 'mine', title: '我的', tab: 'mine', render: renderMine },
    { re: /^\/mine\/points$/, id: 'points', title: '我的积分', tab: 'mine', parent: '#/mine', render: renderPoints },
    { re: /^\/mine\/points\/rank$/, id: 'points-rank', title: '积分排行榜', tab: 'mine', parent: '#/mine/points', render: renderRank },
    { re: /^\/mine\/mall$/, id: 'mall', title: '积分商城', tab: 'mine', parent: '#/mine', render: renderMall },
    { re: /^\/mine\/settings$/, id: 'settings', title: '设置', tab: 'mine', parent: '#/mine', render: renderSettings },
  ];

  function goBack(parent) {
    if (state.histIdx > 0) history.back();
    else location.replace(parent || '#/home');
  }

  function renderTitlebar(route) {
    titlebar.replaceChildren();
    if (route.parent) {
      titlebar.append(h('button', {
        type: 'button', class: 'back', onclick: () => goBack(route.parent),
      }, '‹ 返回'));
    }
    titlebar.append(h('h1', { class: 'title' }, route.title));
  }

  function render() {
    if (cleanup) {
      try { cleanup(); } catch { /* ignore */ }
      cleanup = null;
    }
    const path = location.hash.replace(/^#/, '');
    let route = null;
    let match = null;
    for (const r of ROUTES) {
      match = path.match(r.re);
      if (match) { route = r; break; }
    }
    if (!route) {
      location.replace('#/home');
      return;
    }

    // Number the history entries this app created so `‹ 返回` never leaves the app.
    const hs = history.state;
    if (hs && typeof hs.idx === 'number') {
      state.histIdx = hs.idx;
    } else {
      state.histIdx += 1;
      history.replaceState({ idx: state.histIdx }, '');
    }

    renderTitlebar(route);
    view.replaceChildren();
    view.dataset.screen = route.id;
    document.title = route.id === 'home' ? '掌上政务通' : `${route.title} - 掌上政务通`;
    for (const t of document.querySelectorAll('.tab')) {
      t.classList.toggle('active', t.dataset.tab === route.tab);
      if (t.dataset.tab === route.tab) t.setAttribute('aria-current', 'page');
      else t.removeAttribute('aria-current');
    }
    const c = route.render(view, match);
    if (typeof c === 'function') cleanup = c;
    window.scrollTo(0, 0);
  }

  function start() {
    // Honour an initial hash; default to #/home.
    if (!location.hash || location.hash === '#' || location.hash === '#/') {
      history.replaceState({ idx: 0 }, '', '#/home');
    } else if (!(history.state && typeof history.state.idx === 'number')) {
      history.replaceState({ idx: 0 }, '');
    }
    window.addEventListener('hashchange', render);
    render();
    if (!state.checkedIn) showCheckinGate();
  }

  start();
})();
