/*
 * bianmin-fuwu - sample H5 app for govapp-audit (the COMPLIANT demo).
 *
 * What it shows:
 *   - host unit and filing number on the home screen and on the about screen
 *   - a complaint channel: online acceptance (receipt), progress tracking
 *     (timeline) and a satisfaction rating
 *   - harmless mentions of points / ranking / check-in words, only in policy
 *     prose, in a negation ("the platform has no ...") and in an "unordered" note
 *   - an optional ID-photo upload for a service, and a social-insurance payment
 * No timers, no periodic requests, no sharing, no storage: state lives in memory.
 * (Header kept ASCII-only so source scans do not pick up feature words here.)
 */
'use strict';

(() => {
  const HOST_UNIT = '示例市人民政府办公室';
  const FILING_NO = 'ZW-110000-2026-00012';
  const VERSION = '1.4.0';

  const state = {
    histIdx: 0, // index of the current history entry inside this app
  };

  const titlebar = document.getElementById('titlebar');
  const view = document.getElementById('view');

  // ---------------------------------------------------------------- helpers

  /** Tiny element builder; on* props become addEventListener calls. */
  function h(tag, props, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
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

  /** Tappable list cell with a click listener. `lead` goes before the label, `tail` after it. */
  function cell(label, route, tail, lead) {
    const el = h('div', { class: 'cell', role: 'button', tabindex: '0' },
      lead || null, h('span', { class: 'cell-label' }, label), tail || null);
    el.addEventListener('click', () => go(route));
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); el.click(); }
    });
    return el;
  }

  function section(title, ...kids) {
    return h('section', { class: 'card' },
      title ? h('h2', { class: 'card-title' }, title) : null, ...kids);
  }

  function hostBlock(extraClass) {
    return h('div', { class: `host ${extraClass || ''}`.trim() },
      h('span', { class: 'host-line' }, `主办单位：${HOST_UNIT}`),
      h('span', { class: 'host-line' }, `备案编号：${FILING_NO}`));
  }

  function icon(path) {
    return h('span', {
      class: 'cell-icon', 'aria-hidden': 'true',
      svg: `<svg viewBox="0 0 24 24"><path d="${path}"/></svg>`,
    });
  }

  // ---------------------------------------------------------------- data

  const COMPLAINTS = [
    { no: 'TS2026110001', title: '小区夜间施工噪音扰民', status: '已受理', done: false },
    { no: 'TS2026100087', title: '人行道井盖破损未修复', status: '已办结', done: true },
  ];

  // ---------------------------------------------------------------- screens

  function renderHome(v) {
    v.append(
      h('div', { class: 'banner' },
        h('span', {
          class: 'banner-art', 'aria-hidden': 'true',
          svg: '<svg viewBox="0 0 120 80"><rect x="14" y="30" width="92" height="44" rx="4" fill="#ffffff33"/>'
            + '<path d="M10 32 60 8l50 24z" fill="#ffffff55"/><path d="M30 40v28M50 40v28M70 40v28M90 40v28" stroke="#fff" stroke-width="4"/></svg>',
        }),
        h('strong', { class: 'banner-title' }, '一网通办 · 便民利民'),
        h('span', { class: 'banner-sub' }, '常用事项掌上办理')),
      section('常用服务',
        cell('投诉建议', '#/complaint', null, icon('M4 5h16v11H9l-5 4z')),
        cell('政策解读', '#/policy', null, icon('M6 3h9l4 4v14H6zM9 11h7M9 15h7')),
        cell('社保缴费', '#/services/social-insurance', null, icon('M12 3 4 6v6c0 4.5 3.4 8 8 9 4.6-1 8-4.5 8-9V6zM9 12l2 2 4-4')),
        cell('通知公告', '#/notices', null, icon('M4 10v4h3l6 4V6L7 10zM17 9a4 4 0 0 1 0 6'))),
      hostBlock('home-host'),
    );
  }

  function renderPolicy(v) {
    v.append(h('article', { class: 'card article' },
      h('h2', { class: 'article-title' }, '我市发布积分入学实施细则'),
      h('span', { class: 'meta' }, '2026-11-10　来源：市教育局'),
      h('p', null, '近日，市教育局印发《随迁子女积分入学实施细则》，自2027年春季学期起施行。细则明确，符合条件的随迁子女家长可在每年4月通过本平台或各区政务服务中心提交积分入学申请，系统依据居住年限、社保缴纳年限、合法稳定就业等指标计算申请积分。'),
      h('p', null, '学位分配时，各区按申请人积分由高到低排序，积分排名靠前的申请人优先录取；积分相同的，按社保连续缴纳时间先后确定排名。积分结果和录取名单将在区教育局网站公示5个工作日，申请人对积分有异议的，可在公示期内申请复核。'),
      h('p', null, '为方便群众咨询，市教育局将于11月20日上午在市民服务中心举办政策宣讲会，会议签到处设在一楼大厅，现场设置咨询席解答积分计算、材料准备等问题。'),
    ));
  }

  function renderNotices(v) {
    const list = [
      ['关于调整市民服务中心窗口办公时间的通知', '2026-11-08'],
      ['2026年度城乡居民医保集中缴费期说明', '2026-10-30'],
      ['关于启用新版居住证办理流程的公告', '2026-10-21'],
    ];
    v.append(
      section('平台说明',
        h('p', { class: 'prose' }, '本平台不设打卡签到、积分排名功能，不统计在线时长，不要求定期登录。')),
      section('通知公告',
        h('span', { class: 'list-note' }, '以下事项排名不分先后'),
        h('ul', { class: 'plain-list' }, list.map(([t, d]) => h('li', null,
          h('span', { class: 'plain-title' }, t),
          h('span', { class: 'plain-date' }, d))))),
    );
  }

  function renderComplaint(v) {
    const form = h('form', { class: 'form', novalidate: true },
      h('label', { class: 'field-label', for: 'c-type' }, '类型'),
      h('select', { id: 'c-type', name: 'type' },
        h('option', { value: '投诉' }, '投诉'),
        h('option', { value: '建议' }, '建议'),
        h('option', { value: '咨询' }, '咨询')),
      h('label', { class: 'field-label', for: 'c-content' }, '问题描述'),
      h('textarea', { id: 'c-content', name: 'content', rows: '5', maxlength: '500', placeholder: '请描述您的问题' }),
      h('label', { class: 'field-label', for: 'c-phone' }, '联系电话'),
      h('input', { id: 'c-phone', name: 'phone', type: 'tel', inputmode: 'tel', placeholder: '选填，便于工作人员回访' }),
      h('button', { type: 'submit', class: 'btn primary' }, '提交'),
      h('span', { class: 'hint' }, '提交后可在“我的 - 我的投诉”查看办理进度'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const fd = new FormData(form);
      post('/api/complaint', {
        type: fd.get('type'),
        content: String(fd.get('content') || ''),
        phone: String(fd.get('phone') || ''),
      });
      // Empty submissions are accepted too; the receipt screen is always reached.
      go('#/complaint/receipt');
    });
    v.append(section('在线投诉建议', form));
  }

  function renderReceipt(v) {
    v.append(section(null,
      h('div', { class: 'receipt' },
        h('span', {
          class: 'receipt-icon', 'aria-hidden': 'true',
          svg: '<svg viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#1677ff"/><path d="M18 33l9 9 19-19" stroke="#fff" stroke-width="5" fill="none"/></svg>',
        }),
        h('strong', { class: 'receipt-title' }, '您的投诉已受理'),
        h('span', { class: 'receipt-line' }, '受理编号：TS2026110001'),
        h('span', { class: 'receipt-line' }, '我们将在 5 个工作日内答复')),
      h('button', {
        type: 'button', class: 'btn primary',
        onclick: () => go('#/mine/complaints'),
      }, '查看办理进度')));
  }

  function renderServices(v) {
    v.append(section('办事服务',
      cell('居住证办理', '#/services/residence', h('span', { class: 'cell-sub' }, '全程网办')),
      cell('社保缴费', '#/services/social-insurance', h('span', { class: 'cell-sub' }, '城乡居民'))));
  }

  function renderResidence(v) {
    const status = h('span', { class: 'status', role: 'status' });
    const form = h('form', { class: 'form', novalidate: true },
      h('label', { class: 'field-label', for: 'r-name' }, '申请人姓名'),
      h('input', { id: 'r-name', name: 'name', type: 'text', placeholder: '请输入姓名' }),
      h('label', { class: 'field-label', for: 'r-addr' }, '居住地址'),
      h('input', { id: 'r-addr', name: 'addr', type: 'text', placeholder: '请输入现居住地址' }),
      h('label', { class: 'field-label', for: 'r-id' }, '上传身份证照片（办理居住证需提供）'),
      h('input', { id: 'r-id', name: 'idPhoto', type: 'file', accept: 'image/*' }),
      h('span', { class: 'hint' }, '也可在领证时到窗口出示身份证原件'),
      h('button', { type: 'submit', class: 'btn primary' }, '提交申请'),
      status);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      post('/api/residence/apply', { ts: Date.now() });
      status.textContent = '申请已提交，办理结果将以短信通知';
    });
    v.append(section('居住证申领', form));
  }

  function renderSocialInsurance(v) {
    const status = h('span', { class: 'status', role: 'status' });
    const sel = h('select', { id: 's-level', name: 'level' },
      ['200', '500', '1000', '2000', '3000'].map((x) => h('option', { value: x }, `${x} 元/年`)));
    v.append(section('城乡居民养老保险',
      h('div', { class: 'form' },
        h('label', { class: 'field-label', for: 's-level' }, '城乡居民养老保险 2026年度 缴费档次'),
        sel,
        h('span', { class: 'hint' }, '缴费资金直接划入社会保险基金财政专户'),
        h('button', {
          type: 'button', class: 'btn primary',
          onclick: () => {
            post('/api/social-insurance/order', { level: Number(sel.value) });
            status.textContent = `已生成 ${sel.value} 元缴费单，请在支付页面完成缴费`;
          },
        }, '立即缴费'),
        status)));
  }

  function renderMine(v) {
    v.append(
      h('div', { class: 'profile' },
        h('span', {
          class: 'avatar', 'aria-hidden': 'true',
          svg: '<svg viewBox="0 0 48 48"><circle cx="24" cy="24" r="24" fill="#dbe9ff"/>'
            + '<circle cx="24" cy="19" r="8" fill="#1677ff"/><path d="M10 40c3-8 9-11 14-11s11 3 14 11" fill="#1677ff"/></svg>',
        }),
        h('strong', { class: 'profile-name' }, '张三')),
      section(null,
        cell('我的投诉', '#/mine/complaints'),
        cell('个人信息', '#/mine/profile'),
        cell('关于我们', '#/mine/about')),
    );
  }

  function renderMyComplaints(v) {
    const rows = COMPLAINTS.map((c) => {
      const kids = [
        h('span', { class: 'complaint-title' }, c.title),
        h('span', { class: 'complaint-no' }, `受理编号：${c.no}`),
        h('span', { class: `badge ${c.done ? 'done' : ''}`.trim() }, c.status),
      ];
      if (!c.done) return h('div', { class: 'cell static complaint' }, ...kids);
      const el = h('div', { class: 'cell complaint', role: 'button', tabindex: '0' }, ...kids);
      el.addEventListener('click', () => go(`#/mine/complaints/${c.no}`));
      el.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); el.click(); }
      });
      return el;
    });
    v.append(section('办理进度', ...rows));
  }

  function renderComplaintDetail(v) {
    const steps = [
      ['已提交', '2026-10-20 09:12', '您通过本平台提交了投诉'],
      ['已受理', '2026-10-20 14:36', '转交示例区城市管理局办理'],
      ['办理中', '2026-10-22 10:05', '工作人员已到现场核实'],
      ['已办结', '2026-10-24 16:20', '已答复'],
    ];
    const thanks = h('span', { class: 'status', role: 'status' });
    const opts = ['非常满意', '满意', '不满意'].map((t, i) => h('label', { class: 'radio' },
      h('input', { type: 'radio', name: 'satisfaction', value: String(3 - i) }),
      h('span', null, t)));
    const rating = h('form', { class: 'form rating', novalidate: true },
      h('fieldset', null, h('legend', null, '满意度评价'), ...opts),
      h('button', { type: 'submit', class: 'btn primary' }, '提交评价'),
      thanks);
    rating.addEventListener('submit', (e) => {
      e.preventDefault();
      const picked = rating.querySelector('input[name=satisfaction]:checked');
      post('/api/complaint/rating', { no: 'TS2026100087', score: picked ? Number(picked.value) : null });
      thanks.textContent = '感谢您的评价';
    });

    v.append(
      section(null,
        h('div', { class: 'detail-head' },
          h('strong', null, '人行道井盖破损未修复'),
          h('span', { class: 'complaint-no' }, '受理编号：TS2026100087'),
          h('span', { class: 'badge done' }, '已办结'))),
      section('办理进度', h('ol', { class: 'timeline' },
        steps.map(([s, t, d]) => h('li', null,
          h('span', { class: 'tl-step' }, s),
          h('span', { class: 'tl-time' }, t),
          h('span', { class: 'tl-desc' }, d))))),
      section('答复内容',
        h('p', { class: 'prose' }, '您好！您反映的幸福路与和平街交叉口东侧人行道井盖破损问题，经示例区城市管理局现场核实，已于10月23日完成井盖更换及周边路面修补。感谢您对城市管理工作的关心和支持。')),
      section(null, rating),
    );
  }

  function renderProfile(v) {
    v.append(section('个人信息', h('dl', { class: 'kv' },
      h('dt', null, '姓名'), h('dd', null, '张三'),
      h('dt', null, '手机号'), h('dd', null, '138****0000'),
      h('dt', null, '证件号码'), h('dd', null, '1101**********0018'))));
  }

  function renderAbout(v) {
    v.append(
      h('div', { class: 'about' },
        h('span', {
          class: 'logo', 'aria-hidden': 'true',
          svg: '<svg viewBox="0 0 72 72"><rect width="72" height="72" rx="16" fill="#1677ff"/>'
            + '<path d="M16 34 36 18l20 16v20H16z" fill="#fff"/><path d="M30 54V42h12v12" fill="#1677ff"/></svg>',
        }),
        h('strong', { class: 'about-name' }, '便民服务'),
        h('span', { class: 'about-ver' }, `版本 ${VERSION}`)),
      hostBlock('about-host'),
      section(null, h('dl', { class: 'kv' },
        h('dt', null, '服务热线'), h('dd', null, '12345'),
        h('dt', null, '服务时间'), h('dd', null, '工作日 9:00-17:00'))),
    );
  }

  // ---------------------------------------------------------------- router

  const ROUTES = [
    { re: /^\/home$/, id: 'home', title: '便民服务', tab: 'home', render: renderHome },
    { re: /^\/policy$/, id: 'policy', title: '政策解读', tab: 'home', parent: '#/home', render: renderPolicy },
    { re: /^\/notices$/, id: 'notices', title: '通知公告', tab: 'home', parent: '#/home', render: renderNotices },
    { re: /^\/complaint$/, id: 'complaint', title: '投诉建议', tab: 'home', parent: '#/home', render: renderComplaint },
    { re: /^\/complaint\/receipt$/, id: 'complaint-receipt', title: '受理回执', tab: 'home', parent: '#/home', render: renderReceipt },
    { re: /^\/services$/, id: 'services', title: '办事', tab: 'services', render: renderServices },
    { re: /^\/services\/residence$/, id: 'residence', title: '居住证办理', tab: 'services', parent: '#/services', render: renderResidence },
    { re: /^\/services\/social-insurance$/, id: 'social-insurance', title: '社保缴费', tab: 'services', parent: '#/services', render: renderSocialInsurance },
    { re: /^\/mine$/, id: 'mine', title: '我的', tab: 'mine', render: renderMine },
    { re: /^\/mine\/complaints$/, id: 'my-complaints', title: '我的投诉', tab: 'mine', parent: '#/mine', render: renderMyComplaints },
    { re: /^\/mine\/complaints\/TS2026100087$/, id: 'complaint-detail', title: '投诉详情', tab: 'mine', parent: '#/mine/complaints', render: renderComplaintDetail },
    { re: /^\/mine\/profile$/, id: 'profile', title: '个人信息', tab: 'mine', parent: '#/mine', render: renderProfile },
    { re: /^\/mine\/about$/, id: 'about', title: '关于我们', tab: 'mine', parent: '#/mine', render: renderAbout },
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
    document.title = route.id === 'home' ? '便民服务' : `${route.title} - 便民服务`;
    for (const t of document.querySelectorAll('.tab')) {
      const on = t.dataset.tab === route.tab;
      t.classList.toggle('active', on);
      if (on) t.setAttribute('aria-current', 'page');
      else t.removeAttribute('aria-current');
    }
    route.render(view, match);
    window.scrollTo(0, 0);
  }

  function start() {
    for (const t of document.querySelectorAll('.tab')) {
      t.addEventListener('click', () => go(t.dataset.route));
    }
    // Honour an initial hash; default to #/home.
    if (!location.hash || location.hash === '#' || location.hash === '#/') {
      history.replaceState({ idx: 0 }, '', '#/home');
    } else if (!(history.state && typeof history.state.idx === 'number')) {
      history.replaceState({ idx: 0 }, '');
    }
    window.addEventListener('hashchange', render);
    render();
  }

  start();
})();
