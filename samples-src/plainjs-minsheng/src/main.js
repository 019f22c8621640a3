// 民生服务: plain JavaScript. Every control is a <div> with its own addEventListener('click'); no
// cursor: pointer, no role, no <a>/<button>. Views are swapped in place (the URL never changes).
import './style.css';

const main = document.querySelector('.main');
const back = document.querySelector('.top-back');
const bottom = document.querySelector('.bottom');
const history = [];

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}
function link(cls, text, view, arg) {
  const e = el('div', cls, text);
  e.addEventListener('click', () => open(view, arg));
  return e;
}
function box(...lines) {
  const b = el('div', 'box');
  for (const line of lines) b.append(el('div', null, line));
  return b;
}
function tip(text) {
  const t = el('div', 'tip', text);
  document.body.append(t);
  setTimeout(() => t.remove(), 1200);
}
function post(url, body) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(() => undefined);
}

const GUIDES = [['居民身份证换领', '携带原证件到户籍窗口办理，现场拍照。'], ['新生儿落户', '出生医学证明、父母户口簿。'], ['居住证申领', '租房合同或房产证明。']];

const VIEWS = {
  home: { title: '首页', tab: true, render: () => {
    const tiles = el('div', 'tiles');
    tiles.append(link('tile', '办事指南', 'guide'), link('tile', '投诉建议', 'complaint'), link('tile', '学习园地', 'study'), link('tile', '关于我们', 'about'));
    return [box('示例市民生服务平台，为您提供便捷的政务服务。'), tiles];
  } },
  services: { title: '服务', tab: true, render: () => [link('row', '办事指南', 'guide'), link('row', '投诉建议', 'complaint')] },
  guide: { title: '办事指南', render: () => GUIDES.map(([name], i) => link('row', name, 'guideDetail', i)) },
  guideDetail: { title: '指南详情', render: (i) => [box(GUIDES[i ?? 0][0], GUIDES[i ?? 0][1])] },
  complaint: { title: '投诉建议', render: () => {
    const form = el('div', 'box');
    const content = Object.assign(el('textarea', 'field-input'), { id: 'content', rows: 3, placeholder: '请描述您的投诉或建议' });
    const phone = Object.assign(el('input', 'field-input'), { id: 'phone', type: 'tel', placeholder: '请输入联系电话' });
    const submit = el('div', 'btn', '提交');
    submit.addEventListener('click', async () => {
      await post('api/complaint', { content: content.value, phone: phone.value });
      tip('提交成功');
      open('complaintDone');
    });
    form.append(Object.assign(el('label', 'field', '投诉内容'), { htmlFor: 'content' }), content, Object.assign(el('label', 'field', '联系电话'), { htmlFor: 'phone' }), phone, submit);
    return [form];
  } },
  complaintDone: { title: '提交成功', render: () => [box('您的投诉已受理', '受理编号：TS2026110315', '我们将在 5 个工作日内答复。'), link('row', '查看我的投诉', 'myComplaints')] },
  study: { title: '学习园地', render: () => [link('row', '专题学习', 'topic'), box('每周更新政策解读。')] },
  topic: { title: '专题学习', render: () => [box('优化营商环境专题'), link('row', '考核细则', 'rules')] },
  rules: { title: '考核细则', render: () => [box('学习文章的点赞、转发数量纳入年度考核，每月通报。', '请各单位督促落实。')] },
  mine: { title: '我的', tab: true, render: () => [link('row', '我的投诉', 'myComplaints'), link('row', '关于我们', 'about')] },
  myComplaints: { title: '我的投诉', render: () => [link('row', '占道停车投诉 TS2026100501 处理中', 'complaintDetail')] },
  complaintDetail: { title: '投诉详情', render: () => {
    const rate = el('div', 'btns');
    for (const level of ['非常满意', '满意', '不满意']) {
      const b = el('div', 'btn', level);
      b.addEventListener('click', () => { post('api/evaluation', { level }); tip('感谢您的评价'); });
      rate.append(b);
    }
    return [box('2026-10-05 已受理', '2026-10-06 处理中：已转交区交警大队', '2026-10-09 已回复：已加强巡逻劝离'), box('满意度评价：请对办理结果进行评价'), rate];
  } },
  about: { title: '关于我们', render: () => [box('民生服务 2.0.3'), box('主办单位：示例市人民政府办公厅', '备案编号：ZW-330100-2026-00058')] },
};

function show(name, arg) {
  const view = VIEWS[name];
  main.replaceChildren(...view.render(arg));
  document.querySelector('.top-title').textContent = view.title;
  document.title = view.title;
  back.style.visibility = view.tab ? 'hidden' : 'visible';
  bottom.style.display = view.tab ? 'flex' : 'none';
  for (const item of bottom.children) item.classList.toggle('on', item.dataset.view === name);
  window.scrollTo(0, 0);
}
function open(name, arg) {
  if (VIEWS[name].tab) history.length = 0;
  history.push([name, arg]);
  show(name, arg);
}

back.addEventListener('click', () => {
  if (history.length > 1) history.pop();
  const [name, arg] = history[history.length - 1];
  show(name, arg);
});
for (const item of bottom.children) item.addEventListener('click', () => open(item.dataset.view));
open('home');
