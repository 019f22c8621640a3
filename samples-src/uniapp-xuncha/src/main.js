// 巡查通: a uni-app style H5 (custom elements, tap from touch events, hash routes #/pages/…).
// No official uni-app build runs offline, so its DOM and event model are reproduced here.
import './components.js';
import './style.css';
import { h, startApp, uni } from './uni.js';

const TASKS = [['1', '河道巡查（东城段）'], ['2', '消防通道巡查'], ['3', '渣土车夜查']];
const BANNER = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="750" height="240"><rect width="750" height="240" fill="#2b85e4"/></svg>');

const cell = (label, url) => h('uni-view', { class: 'cell', tap: () => uni.navigateTo({ url }) }, h('uni-text', null, label), h('uni-text', { class: 'arrow' }, '›'));
const card = (...lines) => h('uni-view', { class: 'card' }, lines.map((l) => h('uni-view', { class: 'line' }, h('uni-text', null, l))));
const view = (...kids) => h('uni-view', { class: 'page' }, ...kids);

startApp({
  'pages/index/index': { title: '首页', render: () => view(
    h('uni-image', { class: 'banner', src: BANNER, mode: 'aspectFill' }),
    h('uni-view', { class: 'grid' },
      [['巡查任务', '/pages/task/list'], ['通知公告', '/pages/notice/notice'], ['关于我们', '/pages/about/about']].map(([label, url]) =>
        h('uni-view', { class: 'grid-item', tap: () => uni.navigateTo({ url }) }, h('uni-text', null, label))))) },
  'pages/task/list': { title: '巡查任务', render: () => view(TASKS.map(([id, t]) => cell(t, `/pages/task/detail?id=${id}`))) },
  'pages/task/detail': { title: '任务详情', render: (q) => view(
    card(`任务：${(TASKS.find(([id]) => id === q.id) ?? TASKS[0])[1]}`, '要求：按规定路线完成巡查'),
    h('uni-button', { type: 'primary', tap: () => uni.navigateTo({ url: '/pages/task/patrol' }) }, '开始巡查')) },
  'pages/task/patrol': { title: '巡查中', render: () => {
    uni.request({ url: 'api/track', method: 'POST', data: { lat: 30.2741, lng: 120.1551, at: Date.now() } });
    return view(card('巡查轨迹记录中，每 30 秒自动上报一次定位', '巡查结束前请勿关闭本页面'),
      h('uni-button', { tap: () => uni.showToast({ title: '轨迹已上报' }) }, '上报轨迹'));
  } },
  'pages/notice/notice': { title: '通知公告', render: () => view(card('关于开展汛期河道巡查的通知'), card('巡查员培训安排')) },
  'pages/mine/mine': { title: '我的', render: () => view(cell('个人资料', '/pages/mine/profile'), cell('巡查记录', '/pages/mine/history'), cell('关于我们', '/pages/about/about')) },
  'pages/mine/profile': { title: '个人资料', render: () => view(card('姓名：李**', '单位：东城区城管执法队')) },
  'pages/mine/history': { title: '巡查记录', render: () => view(card('2026-11-03 河道巡查 已完成'), card('2026-11-02 消防通道巡查 已完成')) },
  'pages/about/about': { title: '关于我们', render: () => view(card('巡查通 1.4.2'), card('主办单位：示例市东城区城市管理局', '备案编号：ZW-330102-2026-00019')) },
});
