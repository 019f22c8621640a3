// 智慧党建云: a scripted party-building app that violates the rules the audit checks: check-in (马上签到) with
// points ranking (积分排名, 支部内排名), an online-time counter (学习时长) with a heartbeat, a daily work-photo
// upload demand (工作留痕), camera and location asked at launch, the camera feature unusable when denied, a crash
// on 三会一课, a slow cold start (5.6 s) and a clipboard read at launch.
import { bottomNav, button, field, list, node, screen, tabs, text, toolbar, H, NAV, STATUS, TOOLBAR, W } from '../android-kit/ui-kit.mjs';

const pkg = 'cn.gov.example.dangjian';
const api = 'https://api.dangjian-yun.example/v1';
const top = STATUS + TOOLBAR;
const nav = (selected) => bottomNav(pkg, [{ label: '首页', onTap: { goto: 'home' } }, { label: '学习', onTap: { goto: 'study' } }, { label: '我的', onTap: { goto: 'mine' } }], selected);
const heartbeat = { method: 'POST', url: `${api}/online/heartbeat`, body: { userId: 'u10086', page: 'study', seconds: 30 } };

const home = screen(pkg, [
  toolbar(pkg, '智慧党建云'),
  node('android.widget.LinearLayout', [0, top, W, top + 300], { id: `${pkg}:id/banner`, background: '#ffebee' }, [
    text(pkg, 'tv_welcome', '欢迎您，张建国同志', top + 40, 90, { textSize: 52, color: '#b71c1c' }),
    text(pkg, 'tv_study_today', '今日已学习 35 分钟　本周积分 1260', top + 150, 90, { color: '#424242' }),
  ]),
  list(pkg, 'rv_functions', [
    { title: '马上签到', subtitle: '每日签到 +5 积分，连续签到奖励翻倍', name: 'btn_sign_in', onTap: { goto: 'signin' } },
    { title: '积分排名', subtitle: '总排名 · 支部内排名', name: 'btn_rank', onTap: { goto: 'ranking' } },
    { title: '学习时长', subtitle: '在线学习自动计时', name: 'btn_study', onTap: { goto: 'study' } },
    { title: '工作留痕', subtitle: '每日上传工作照片', name: 'btn_worklog', onTap: { goto: 'worklog' } },
    { title: '三会一课', subtitle: '会议记录与学习资料', name: 'btn_meeting', onTap: { crash: "java.lang.NullPointerException: Attempt to invoke virtual method 'java.lang.String cn.gov.example.dangjian.model.Meeting.getTitle()' on a null object reference", log: ['MeetingActivity: loading meeting list'] } },
  ], top + 320, H - NAV - 20),
  nav(0),
]);

const signin = screen(pkg, [
  toolbar(pkg, '每日签到', { back: true }),
  text(pkg, 'tv_sign_state', '今日未签到', top + 80, 120, { textSize: 64, color: '#b71c1c' }),
  text(pkg, 'tv_sign_streak', '已连续签到 3 天，未按时签到将在支部内通报', top + 220, 130, { color: '#616161' }),
  button(pkg, 'btn_sign_now', '马上签到', top + 420, { requests: [{ method: 'POST', url: `${api}/checkin`, body: { userId: 'u10086', type: 'daily', location: '39.9042,116.4074' } }], toast: '签到成功，积分 +5' }),
  text(pkg, 'tv_sign_rule', '签到规则：每日 9:00 前签到，缺签扣 2 分', top + 620, 100, { color: '#9e9e9e', textSize: 38 }),
]);

const ranks = Array.from({ length: 14 }, (_, i) => ({ title: `${i + 1}　${['王红梅', '李卫东', '赵建华', '陈晓燕', '刘志强', '杨秀英', '黄国庆', '周文斌', '吴丽华', '徐海涛', '孙永刚', '马春燕', '朱建军', '胡晓明'][i]}`, subtitle: `${1980 - i * 37} 分 · 第${(i % 3) + 1}党支部` }));
const ranking = screen(pkg, [
  toolbar(pkg, '积分排名', { back: true }),
  tabs(pkg, ['总排名', '支部内排名'], top, 0),
  list(pkg, 'rv_rank', ranks, top + 140, H - 220, 170),
  node('android.widget.TextView', [0, H - 200, W, H - 60], { id: `${pkg}:id/tv_my_rank`, text: '我的排名：第 87 名（1260 分）', textSize: 46, background: '#fff8e1', color: '#e65100' }),
]);

const study = screen(pkg, [
  toolbar(pkg, '学习时长', { back: true }),
  text(pkg, 'tv_study_minutes', '今日学习时长 35 分钟', top + 60, 120, { textSize: 60, color: '#b71c1c' }),
  text(pkg, 'tv_study_goal', '本周需完成学习时长 300 分钟，未达标将扣除积分', top + 200, 130, { color: '#424242' }),
  text(pkg, 'tv_study_tip', '保持本页面打开即可累计在线时长', top + 340, 100, { color: '#9e9e9e', textSize: 38 }),
  list(pkg, 'rv_courses', [
    { title: '学习贯彻党的二十大精神专题课', subtitle: '已学 12/40 分钟', onTap: { requests: [{ method: 'POST', url: `${api}/study/start`, body: { courseId: 'c201', userId: 'u10086' } }], toast: '开始计时' } },
    { title: '基层党组织工作条例解读', subtitle: '已学 0/30 分钟' },
  ], top + 470, H - NAV - 20),
  nav(1),
]);

const worklog = screen(pkg, [
  toolbar(pkg, '工作留痕', { back: true }),
  text(pkg, 'tv_worklog_rule', '请上传今日工作照片（每日不少于 3 张），未上传将计入考核', top + 60, 200, { textSize: 48, color: '#b71c1c' }),
  text(pkg, 'tv_worklog_count', '今日已上传 0 张', top + 280, 100),
  button(pkg, 'btn_take_photo', '拍照上传', top + 420, {
    askPermission: {
      permission: 'android.permission.CAMERA',
      onAllow: { requests: [{ method: 'POST', url: `${api}/worklog/photo`, body: { userId: 'u10086', photo: 'IMG_20261206_0901.jpg', gps: '39.9042,116.4074' } }], toast: '照片已上传' },
      onDeny: { toast: '未授予相机权限，无法使用本功能', back: true },
    },
  }),
]);

const mine = screen(pkg, [
  toolbar(pkg, '我的'),
  text(pkg, 'tv_name', '张建国　第二党支部', top + 60, 110, { textSize: 52 }),
  text(pkg, 'tv_points', '党员积分 1260　排名 87', top + 180, 100, { color: '#e65100' }),
  field(pkg, 'et_feedback', '意见反馈（选填）', top + 320),
  list(pkg, 'rv_mine', [
    { title: '我的签到记录', onTap: { goto: 'signin' } },
    { title: '我的积分明细', onTap: { goto: 'ranking' } },
    { title: '退出登录', onTap: { toast: '请先完成今日学习任务' } },
  ], top + 500, H - NAV - 20),
  nav(2),
]);

export const manifest = {
  package: pkg, versionCode: 30, versionName: '3.0.1', minSdk: 21, targetSdk: 33,
  permissions: ['android.permission.INTERNET', 'android.permission.CAMERA', 'android.permission.ACCESS_FINE_LOCATION', 'android.permission.ACCESS_COARSE_LOCATION', 'android.permission.READ_PHONE_STATE', 'android.permission.READ_CONTACTS', 'android.permission.WRITE_EXTERNAL_STORAGE', 'android.permission.RECORD_AUDIO'],
  activities: ['.ui.MainActivity', '.ui.SignInActivity', '.ui.RankActivity', '.ui.StudyActivity', '.ui.WorkLogActivity', '.ui.MineActivity'],
  trustsUserCa: true,
  launcher: '.ui.MainActivity',
  icon: { color: '#c62828', glyph: '党' },
};

export const model = {
  schemaVersion: 1,
  package: pkg,
  label: '智慧党建云',
  startScreen: 'home',
  trustsUserCa: true,
  coldStartMs: 5600,
  readsClipboardAtLaunch: true,
  performance: { jankyShare: 0.22, frozenFramesPerScreen: 1, pssMb: 210, pssGrowthMbPerMinute: 12, backgroundCpuPercent: 9.5 },
  onLaunch: [{ method: 'POST', url: `${api}/device/register`, body: { imei: '864512043218890', androidId: 'a1b2c3d4e5f60718', model: 'sim_android_13' } }],
  backgroundRequests: [{ everyMs: 5000, request: heartbeat }],
  screens: {
    home: {
      activity: '.ui.MainActivity', root: home, onEnter: [{ method: 'GET', url: `${api}/home/summary?userId=u10086` }],
      askPermission: { permission: 'android.permission.CAMERA', onAllow: { askPermission: { permission: 'android.permission.ACCESS_FINE_LOCATION' } }, onDeny: { askPermission: { permission: 'android.permission.ACCESS_FINE_LOCATION' } } },
    },
    signin: { activity: '.ui.SignInActivity', root: signin },
    ranking: { activity: '.ui.RankActivity', root: ranking, onEnter: [{ method: 'GET', url: `${api}/rank?scope=all&userId=u10086` }] },
    study: { activity: '.ui.StudyActivity', root: study, onEnter: [{ method: 'GET', url: `${api}/study/progress?userId=u10086` }] },
    worklog: { activity: '.ui.WorkLogActivity', root: worklog },
    mine: { activity: '.ui.MineActivity', root: mine },
  },
};
