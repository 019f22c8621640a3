// 网格通: jQuery 3 with every handler delegated from `document` ($(document).on('click', selector, …));
// views are swapped in place (the URL never changes). At launch a modal with one button (立即打卡)
// covers the app: the only way forward is to check in.
import $ from 'jquery';
import './style.css';

const EVENTS = [['E1021', '小区门口占道经营'], ['E1022', '楼道堆放杂物'], ['E1023', '路灯损坏']];

const VIEWS = {
  home: { title: '首页', tab: 'home', html: () => `
    <div class="card">今日网格事件 3 件待处理。</div>
    <div class="grid">
      <div class="item" data-view="events">网格事件</div>
      <div class="item" data-view="trace">工作留痕</div>
      <div class="item" data-view="notice">通知公告</div>
      <div class="item" data-view="about">关于我们</div>
    </div>` },
  events: { title: '网格事件', html: () => `<div class="list">${EVENTS.map(([id, t]) => `<div class="item row-link" data-view="event" data-id="${id}">${t}</div>`).join('')}</div>` },
  event: { title: '事件详情', html: (id) => `<div class="card">事件编号 ${id}：${(EVENTS.find((e) => e[0] === id) ?? EVENTS[0])[1]}。请网格员核实后处置。</div>` },
  trace: { title: '工作留痕', html: () => `
    <div class="card">请上传现场工作照片，每日不少于 3 张，未上传的纳入月度考核。</div>
    <div class="card"><label class="upload">现场工作照片（必填）<input type="file" accept="image/*" required></label></div>
    <div class="card"><div class="item submit-trace">提交留痕</div></div>` },
  notice: { title: '通知公告', html: () => `<div class="list"><div class="row">关于开展冬季消防安全检查的通知</div><div class="row">网格员培训安排</div></div>` },
  work: { title: '工作', tab: 'work', html: () => `<div class="list"><div class="item row-link" data-view="events">网格事件</div><div class="item row-link" data-view="trace">工作留痕</div></div>` },
  mine: { title: '我的', tab: 'mine', html: () => `<div class="list"><div class="item row-link" data-view="profile">个人信息</div><div class="item row-link" data-view="about">关于我们</div></div>` },
  profile: { title: '个人信息', html: () => `<div class="card">姓名：王**<br>所属网格：东城社区第三网格</div>` },
  about: { title: '关于我们', html: () => `<div class="card">网格通 2.1.0</div><div class="card">主办单位：示例市东城区人民政府<br>备案编号：ZW-330102-2026-00007</div>` },
};

const stack = [];

function show(name, arg) {
  const view = VIEWS[name];
  $('#view').html(view.html(arg));
  $('.header .title').text(view.title);
  $('.header .back').toggle(!view.tab);
  $('.tabbar').toggle(Boolean(view.tab));
  $('.tab').removeClass('on').filter(`[data-view=${view.tab}]`).addClass('on');
  document.title = view.title;
  window.scrollTo(0, 0);
}

function open(name, arg) {
  const view = VIEWS[name];
  if (view.tab) stack.length = 0;
  stack.push([name, arg]);
  show(name, arg);
}

function toast(text) {
  const $t = $('<div class="toast"></div>').text(text).appendTo('body');
  setTimeout(() => $t.remove(), 1200);
}

function post(url, body) {
  return $.ajax({ url, method: 'POST', contentType: 'application/json', data: JSON.stringify(body) }).catch(() => undefined);
}

$(document).on('click', '.item[data-view], .tab', function () { open($(this).data('view'), $(this).data('id')); });
$(document).on('click', '.back', () => {
  if (stack.length > 1) stack.pop();
  const [name, arg] = stack[stack.length - 1] ?? ['home'];
  show(name, arg);
});
$(document).on('click', '.submit-trace', () => toast('请先上传现场工作照片'));
$(document).on('click', '.modal-btn', async function () {
  await post('api/checkin', { at: Date.now() });
  $(this).closest('.mask').remove();
  toast('打卡成功');
});

open('home');
$('body').append(`
  <div class="mask">
    <div class="modal" role="dialog" aria-modal="true">
      <h3>请先完成今日打卡</h3>
      <p>今日尚未打卡，完成打卡后方可使用其他功能。</p>
      <div class="modal-btn">立即打卡</div>
    </div>
  </div>`);
