// 示例市政务服务: a scripted government-service app that follows the rules: the host unit and the filing number
// (备案号) on the first screen, a complaint channel (投诉建议) with online submission, progress tracking and an
// evaluation, location asked only when the user opens the hall map and the service still usable when denied, no
// check-in, no ranking, no online-time counter, a quick cold start.
import { bottomNav, button, field, list, node, screen, text, toolbar, H, NAV, STATUS, TOOLBAR, W } from '../android-kit/ui-kit.mjs';

const pkg = 'cn.gov.example.zhengwu';
const api = 'https://api.zhengwu-fuwu.example/v1';
const top = STATUS + TOOLBAR;
const blue = '#1565c0';
const nav = (selected) => bottomNav(pkg, [{ label: '首页', onTap: { goto: 'home' } }, { label: '办事', onTap: { goto: 'guide' } }, { label: '我的', onTap: { goto: 'mine' } }], selected);

const home = screen(pkg, [
  toolbar(pkg, '示例市政务服务', { color: blue }),
  list(pkg, 'rv_home', [
    { title: '办事指南', subtitle: '户籍、社保、公积金等 126 项服务', name: 'entry_guide', onTap: { goto: 'guide' } },
    { title: '投诉建议', subtitle: '在线提交，进度可查，办结可评价', name: 'entry_complaint', onTap: { goto: 'complaint' } },
    { title: '我的办件', subtitle: '查看申请的办理进度', name: 'entry_cases', onTap: { goto: 'progress' } },
    { title: '附近办事大厅', subtitle: '地图或按区县列表查看', name: 'entry_halls', onTap: { askPermission: { permission: 'android.permission.ACCESS_FINE_LOCATION', onAllow: { goto: 'hall_map' }, onDeny: { goto: 'hall_list' } } } },
  ], top, top + 760),
  node('android.widget.LinearLayout', [0, H - NAV - 300, W, H - NAV - 20], { id: `${pkg}:id/footer`, background: '#eeeeee' }, [
    text(pkg, 'tv_host', '主办单位：示例市人民政府办公室', H - NAV - 280, 80, { textSize: 38, color: '#424242' }),
    text(pkg, 'tv_operator', '承办单位：示例市政务服务和数据管理局', H - NAV - 200, 80, { textSize: 38, color: '#424242' }),
    text(pkg, 'tv_icp', '备案号：京ICP备20260001号-3A', H - NAV - 120, 80, { textSize: 38, color: '#424242' }),
  ]),
  nav(0),
]);

const guide = screen(pkg, [
  toolbar(pkg, '办事指南', { back: true, color: blue }),
  list(pkg, 'rv_guide', [
    { title: '户口迁移登记', subtitle: '办理时限 3 个工作日' },
    { title: '社会保障卡申领', subtitle: '可全程网办' },
    { title: '住房公积金提取', subtitle: '可全程网办' },
    { title: '不动产登记查询', subtitle: '即时办结' },
  ], top, H - NAV - 20),
  nav(1),
]);

const complaint = screen(pkg, [
  toolbar(pkg, '投诉建议', { back: true, color: blue }),
  text(pkg, 'tv_complaint_tip', '请填写您的投诉或建议，我们将在 5 个工作日内答复', top + 30, 110, { color: '#616161', textSize: 40 }),
  field(pkg, 'et_title', '标题', top + 160),
  field(pkg, 'et_content', '请输入投诉或建议内容', top + 330, { height: 400 }),
  field(pkg, 'et_phone', '联系电话（选填）', top + 760),
  button(pkg, 'btn_submit', '提交', top + 960, { requests: [{ method: 'POST', url: `${api}/complaints`, body: { title: '办事大厅排队时间过长', content: '希望增加周末窗口', channel: 'app' } }], goto: 'complaint_done' }, { background: blue }),
  text(pkg, 'tv_hotline', '也可拨打 12345 政务服务便民热线', top + 1140, 100, { color: '#616161', textSize: 40 }),
]);

const complaintDone = screen(pkg, [
  toolbar(pkg, '提交成功', { back: true, color: blue }),
  text(pkg, 'tv_done', '提交成功，受理编号 TS20261206001', top + 60, 120, { textSize: 52, color: '#2e7d32' }),
  button(pkg, 'btn_track', '查询办理进度', top + 240, { goto: 'progress' }, { background: blue }),
]);

const progress = screen(pkg, [
  toolbar(pkg, '办理进度', { back: true, color: blue }),
  list(pkg, 'rv_progress', [
    { title: '已受理', subtitle: '2026-12-06 09:12 示例市12345热线' },
    { title: '办理中', subtitle: '已转交示例市政务服务中心' },
    { title: '已办结', subtitle: '答复：周末增设 2 个综合窗口' },
  ], top, top + 560),
  text(pkg, 'tv_rate_title', '请对本次办理进行评价', top + 600, 100),
  node('android.widget.LinearLayout', [0, top + 720, W, top + 880], { id: `${pkg}:id/rate_group` }, [
    node('android.widget.RadioButton', [48, top + 730, 360, top + 870], { id: `${pkg}:id/rb_satisfied`, text: '满意', clickable: true, checkable: true, onTap: { requests: [{ method: 'POST', url: `${api}/complaints/TS20261206001/evaluation`, body: { score: 5 } }], toast: '感谢您的评价' } }),
    node('android.widget.RadioButton', [380, top + 730, 700, top + 870], { id: `${pkg}:id/rb_basic`, text: '基本满意', clickable: true, checkable: true, onTap: { requests: [{ method: 'POST', url: `${api}/complaints/TS20261206001/evaluation`, body: { score: 3 } }], toast: '感谢您的评价' } }),
    node('android.widget.RadioButton', [720, top + 730, 1032, top + 870], { id: `${pkg}:id/rb_unsatisfied`, text: '不满意', clickable: true, checkable: true, onTap: { requests: [{ method: 'POST', url: `${api}/complaints/TS20261206001/evaluation`, body: { score: 1 } }], toast: '感谢您的评价' } }),
  ]),
]);

const hallMap = screen(pkg, [
  toolbar(pkg, '附近办事大厅', { back: true, color: blue }),
  node('android.view.View', [0, top, W, top + 900], { id: `${pkg}:id/map_view`, desc: '地图', background: '#e3f2fd' }),
  text(pkg, 'tv_nearest', '最近：示例市政务服务中心（1.2 公里）', top + 920, 100),
]);

const hallList = screen(pkg, [
  toolbar(pkg, '办事大厅（按区县）', { back: true, color: blue }),
  list(pkg, 'rv_halls', [
    { title: '示例市政务服务中心', subtitle: '中心区人民路 1 号 · 周一至周六 9:00-17:00' },
    { title: '东城区政务服务中心', subtitle: '东城区建设路 88 号' },
    { title: '西城区政务服务中心', subtitle: '西城区文化街 12 号' },
  ], top, H - 20),
]);

const mine = screen(pkg, [
  toolbar(pkg, '我的', { color: blue }),
  list(pkg, 'rv_mine', [
    { title: '我的办件', onTap: { goto: 'progress' } },
    { title: '我的投诉建议', onTap: { goto: 'progress' } },
    { title: '隐私政策', subtitle: '个人信息收集与使用说明' },
  ], top, H - NAV - 20),
  nav(2),
]);

export const manifest = {
  package: pkg, versionCode: 12, versionName: '2.4.0', minSdk: 23, targetSdk: 33,
  permissions: ['android.permission.INTERNET', 'android.permission.ACCESS_NETWORK_STATE', 'android.permission.ACCESS_FINE_LOCATION', 'android.permission.ACCESS_COARSE_LOCATION'],
  activities: ['.MainActivity', '.GuideActivity', '.ComplaintActivity', '.ComplaintDoneActivity', '.ProgressActivity', '.HallMapActivity', '.HallListActivity', '.MineActivity'],
  trustsUserCa: true,
  launcher: '.MainActivity',
  icon: { color: blue, glyph: '政' },
};

export const model = {
  schemaVersion: 1,
  package: pkg,
  label: '示例市政务服务',
  startScreen: 'home',
  trustsUserCa: true,
  coldStartMs: 650,
  performance: { jankyShare: 0.03, frozenFramesPerScreen: 0, pssMb: 95, pssGrowthMbPerMinute: 0, backgroundCpuPercent: 0 },
  onLaunch: [{ method: 'GET', url: `${api}/config` }],
  screens: {
    home: { activity: '.MainActivity', root: home, onEnter: [{ method: 'GET', url: `${api}/home` }] },
    guide: { activity: '.GuideActivity', root: guide },
    complaint: { activity: '.ComplaintActivity', root: complaint },
    complaint_done: { activity: '.ComplaintDoneActivity', root: complaintDone },
    progress: { activity: '.ProgressActivity', root: progress, onEnter: [{ method: 'GET', url: `${api}/complaints/TS20261206001` }] },
    hall_map: { activity: '.HallMapActivity', root: hallMap },
    hall_list: { activity: '.HallListActivity', root: hallList },
    mine: { activity: '.MineActivity', root: mine },
  },
};
