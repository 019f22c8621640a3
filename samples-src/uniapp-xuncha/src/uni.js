// The slice of the uni API the pages use: hash routes (#/pages/…), a page head, a tab bar, a toast.
import { onTap } from './tap.js';

const TABS = [['pages/index/index', '首页'], ['pages/task/list', '任务'], ['pages/mine/mine', '我的']];
let pages = {};

export const uni = {
  navigateTo: ({ url }) => { location.hash = url; },
  switchTab: ({ url }) => { location.hash = url; },
  navigateBack: () => history.back(),
  showToast: ({ title }) => {
    const t = h('uni-view', { class: 'uni-toast' }, h('uni-text', null, title));
    document.body.append(t);
    setTimeout(() => t.remove(), 1500);
  },
  request: ({ url, method = 'GET', data }) => fetch(url, { method, headers: { 'content-type': 'application/json' }, body: data ? JSON.stringify(data) : undefined }).catch(() => undefined),
};

/** Element builder; `tap` binds a tap handler, text children go into uni-text's span. */
export function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (k === 'tap') onTap(el, v);
    else el.setAttribute(k, v);
  }
  for (const kid of kids.flat()) {
    if (kid === null || kid === undefined) continue;
    if (kid instanceof Node) el.append(kid);
    else if (tag === 'uni-text') el.append(Object.assign(document.createElement('span'), { textContent: String(kid) }));
    else el.append(String(kid));
  }
  return el;
}

function route() {
  const [path, query = ''] = location.hash.slice(2).split('?');
  return { path, query: Object.fromEntries(new URLSearchParams(query)) };
}

function render() {
  if (!location.hash) history.replaceState(null, '', '#/' + TABS[0][0]);
  const { path, query } = route();
  const page = pages[path] ?? pages[TABS[0][0]];
  const isTab = TABS.some(([p]) => p === path);
  document.querySelector('.uni-page-head__title').textContent = page.title;
  document.querySelector('.uni-page-head-btn').style.visibility = isTab ? 'hidden' : 'visible';
  document.title = page.title;
  const body = document.querySelector('uni-page-body');
  body.replaceChildren(page.render(query));
  document.querySelector('uni-tabbar').style.display = isTab ? '' : 'none';
  for (const item of document.querySelectorAll('.uni-tabbar__item')) item.classList.toggle('active', item.dataset.path === path);
  window.scrollTo(0, 0);
}

/** Starts the app with its page table. */
export function startApp(pageTable) {
  pages = pageTable;
  onTap(document.querySelector('.uni-page-head-btn'), () => uni.navigateBack());
  const bar = document.querySelector('.uni-tabbar');
  for (const [path, label] of TABS) {
    const item = h('div', { class: 'uni-tabbar__item', 'data-path': path, tap: () => uni.switchTab({ url: '/' + path }) },
      h('div', { class: 'uni-tabbar__bd' }, h('div', { class: 'uni-tabbar__label' }, label)));
    bar.append(item);
  }
  window.addEventListener('hashchange', render);
  render();
}
