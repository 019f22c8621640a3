/** Detectors over hand-built evidence: each rule's positives and the hard negatives it claims to handle. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckId } from '../../src/checks/catalog.js';
import { DETECTORS } from '../../src/checks/detectors/index.js';
import { DEFAULT_DETECTOR_SETTINGS, type DetectorSettings } from '../../src/checks/detectors/types.js';
import type { Detection, Finding } from '../../src/checks/result.js';
import type { EvidenceBundle } from '../../src/evidence/types.js';
import {
  bundle, button, consoleEntry, div, el, fileInput, link, nodeByText, oneScreen, p, radio, request, runIssue, screen, span, stepsTo,
  textarea, th,
} from '../helpers/evidence-builder.js';

function detect(id: CheckId, evidence: EvidenceBundle, settings: DetectorSettings = DEFAULT_DETECTOR_SETTINGS): Detection {
  const detector = DETECTORS[id];
  if (!detector) throw new Error(`no detector registered for ${id}`);
  return detector(evidence, settings);
}

const texts = (findings: Finding[]): string[] => findings.map((f) => f.text ?? '');

const NEGATION_NOTICE = '本平台不设打卡签到、积分排名功能，不统计在线时长，不要求定期登录。';

void describe('forced-check-in', () => {
  void it('flags a 签到 button and cites the screen, its screenshot, UI tree, path and node', () => {
    const s = screen({
      title: '个人中心', depth: 2, steps: stepsTo(2, ['我的', '个人中心']),
      body: [div({}, span('张三'), span('积分 120')), button('每日签到'), link('设置')],
    });
    const { findings } = detect('forced-check-in', bundle({ screens: [s] }));
    assert.equal(findings.length, 1);
    const [f] = findings as [Finding];
    const node = nodeByText(s, '每日签到');
    assert.equal(f.text, '每日签到');
    assert.equal(f.screen, s.id);
    assert.deepEqual(f.evidence, [s.screenshot, s.uiTree]);
    assert.deepEqual(f.steps, s.steps);
    assert.equal(f.nodeId, node.id);
    assert.deepEqual(f.bounds, node.bounds);
    assert.equal(f.severity, 'present');
    assert.equal(f.source, 'ui-tree');
  });

  void it('flags a check-in streak label that is not itself tappable', () => {
    const { findings } = detect('forced-check-in', oneScreen([div({}, span('已连续签到 5 天')), link('返回')]));
    assert.deepEqual(texts(findings), ['已连续签到 5 天']);
  });

  void it('ignores a tappable headline about check-in (本周考勤打卡说明, seen on a real app with a news feed), not the 签到 button beside it', () => {
    const { findings } = detect('forced-check-in', oneScreen([link('本周考勤打卡说明'), link('关于会议签到的通知'), button('立即签到')]));
    assert.deepEqual(texts(findings), ['立即签到']);
  });

  void it('ignores 签到 inside a long news paragraph (会议签到处设在一楼大厅)', () => {
    const article = p('为做好本次会议服务保障工作，会议签到处设在一楼大厅，请参会人员于上午8:30前到达并出示参会证件，有序入场。');
    const evidence = bundle({
      screens: [
        screen({ title: '关于召开全市政务服务工作会议的通知', body: [el('h1', '关于召开全市政务服务工作会议的通知'), el('article', {}, article), button('分享'), link('返回')] }),
        // The same paragraph as the teaser of a tappable news card: the card's text is long prose, not a control.
        screen({ title: '新闻', body: [el('a', { clickable: true }, el('h3', '全市政务服务工作会议召开'), article)] }),
      ],
    });
    assert.deepEqual(detect('forced-check-in', evidence).findings, []);
  });

  void it('does not flag a button that says check-in is not needed (无需签到)', () => {
    assert.deepEqual(detect('forced-check-in', oneScreen([button('无需签到，直接进入')])).findings, []);
  });

  void it('raises severity to forced when 立即签到 is the only control a user can tap (modal gate)', () => {
    const gate = screen({
      title: '每日签到',
      body: [
        div({}, link('首页', { obscured: true }), link('办事', { obscured: true }), link('我的', { obscured: true })),
        div({}, el('h2', '每日签到'), span('今日尚未签到'), button('立即签到')),
      ],
    });
    const { findings } = detect('forced-check-in', bundle({ screens: [gate] }));
    const gateFinding = findings.find((f) => f.nodeId === nodeByText(gate, '立即签到').id);
    assert.ok(gateFinding, 'the 立即签到 button is a finding');
    assert.equal(gateFinding.severity, 'forced');
    assert.ok(gateFinding.confidence > 0.9);
    assert.match(gateFinding.summary, /唯一可点击/);
  });

  void it('keeps severity present when the modal can be dismissed or the page behind it is usable', () => {
    const dismissable = screen({
      title: '每日签到',
      body: [
        div({}, link('首页', { obscured: true }), link('我的', { obscured: true })),
        div({}, el('h2', '每日签到'), button('立即签到'), button('关闭')),
      ],
    });
    const notModal = screen({ title: '首页', body: [div({}, link('首页'), link('我的')), button('立即签到')] });
    for (const s of [dismissable, notModal]) {
      const f = detect('forced-check-in', bundle({ screens: [s] })).findings.find((x) => x.nodeId === nodeByText(s, '立即签到').id);
      assert.equal(f?.severity, 'present', s.title);
    }
  });

  void it('reports a text once, at the shallowest screen it appears on', () => {
    const deep = screen({ title: '活动', depth: 3, body: [button('签到')] });
    const shallow = screen({ title: '首页', depth: 0, body: [button('签到')] });
    const { findings } = detect('forced-check-in', bundle({ screens: [deep, shallow] }));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.screen, shallow.id);
  });

  void it('cites only the UI tree for a screen recorded without a screenshot', () => {
    const s = screen({ title: '首页', screenshot: false, body: [button('签到')] });
    assert.deepEqual(detect('forced-check-in', bundle({ screens: [s] })).findings[0]?.evidence, [s.uiTree]);
  });
});

void describe('points-ranking', () => {
  void it('flags a table with rank and points headers', () => {
    const table = el('table', {},
      el('tr', {}, th('排名'), th('姓名'), th('积分')),
      el('tr', {}, el('td', '1'), el('td', '张三'), el('td', '980')),
      el('tr', {}, el('td', '2'), el('td', '李四'), el('td', '955')));
    const { findings } = detect('points-ranking', oneScreen([el('h1', '学习排行'), table]));
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.text ?? '', /排名.*积分/);
  });

  void it('flags a 积分排行榜 entry and a "you beat N% of users" label', () => {
    const { findings } = detect('points-ranking', oneScreen([link('积分排行榜'), span('本周学习积分超过了 85% 的学员')]));
    assert.deepEqual(texts(findings).sort(), ['本周学习积分超过了 85% 的学员', '积分排行榜'].sort());
  });

  void it('ignores a points-based school admission explainer written as prose', () => {
    const evidence = oneScreen([
      el('h1', '积分入学政策解读'),
      p('根据《积分入学管理办法》，申请人按照积分高低进行排名，学位不足时按排名顺序依次录取；积分相同的，按在本市连续居住年限排名。'),
      p('积分排名结果将于每年7月在区教育局网站公示，公示期为5个工作日。'),
      link('返回'),
    ], { title: '积分入学政策解读' });
    assert.deepEqual(detect('points-ranking', evidence).findings, []);
  });

  void it('ignores "以下事项排名不分先后"', () => {
    const evidence = oneScreen([el('h1', '2025年度先进集体名单'), div('以下事项排名不分先后'), link('先进支部名单（支部排名不分先后）'), link('市民中心')]);
    assert.deepEqual(detect('points-ranking', evidence).findings, []);
  });
});

void describe('online-duration-tracking', () => {
  void it('flags a study-time counter', () => {
    assert.deepEqual(texts(detect('online-duration-tracking', oneScreen([span('今日已学习 35 分钟'), link('继续学习')])).findings), ['今日已学习 35 分钟']);
  });

  void it('flags a counter that a UI kit sets in a short <p> (antd-mobile list), but not the same words in a sentence of prose', () => {
    assert.deepEqual(texts(detect('online-duration-tracking', oneScreen([p('今日已学习 35 分钟'), p('累计学习时长 126 小时')])).findings), ['今日已学习 35 分钟', '累计学习时长 126 小时']);
    assert.deepEqual(detect('online-duration-tracking', oneScreen([p('本平台不统计学习时长，学员可自由安排学习进度。')])).findings, []);
  });

  void it("does not flag a video player's own duration label", () => {
    assert.deepEqual(detect('online-duration-tracking', oneScreen([span('视频时长 03:25'), button('播放')])).findings, []);
  });

  void it('flags studyTime in a JSON request body, citing the request and the screen it was sent from', () => {
    const s = screen({ title: '课程学习', depth: 2, body: [button('播放')] });
    const report = request({ url: 'https://app.example.gov.cn/api/study/report', postData: JSON.stringify({ courseId: 'c1', studyTime: 1800 }), screenId: s.id });
    const { findings } = detect('online-duration-tracking', bundle({ screens: [s], network: [report] }));
    assert.equal(findings.length, 1);
    const [f] = findings as [Finding];
    assert.equal(f.source, 'network');
    assert.deepEqual(f.request, { method: 'POST', url: report.url });
    assert.match(f.summary, /studyTime/);
    assert.equal(f.screen, s.id);
    assert.deepEqual(f.steps, s.steps);
    assert.deepEqual(f.evidence, [s.screenshot]);
  });

  void it('counts repeated reports to one endpoint as one finding and reads form bodies', () => {
    const url = 'https://app.example.gov.cn/api/heartbeat';
    const evidence = bundle({ network: [request({ url: `${url}?t=1`, postData: 'online_time=60' }), request({ url: `${url}?t=2`, postData: 'online_time=120' })] });
    const { findings } = detect('online-duration-tracking', evidence);
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.summary ?? '', /共观察到 2 次/);
  });

  void it('ignores a duration parameter on media and image loads', () => {
    const evidence = bundle({ network: [
      request({ method: 'GET', url: 'https://cdn.example.com/v/lesson.mp4?duration=300', resourceType: 'Media' }),
      request({ method: 'GET', url: 'https://cdn.example.com/thumb.jpg?duration=300', resourceType: 'Image' }),
    ] });
    assert.deepEqual(detect('online-duration-tracking', evidence).findings, []);
  });
});

void describe('mandatory-login', () => {
  void it('flags a demand to log in daily backed by a threat, as forced', () => {
    const { findings } = detect('mandatory-login', oneScreen([p('请各单位督促干部职工每日登录平台，连续3天未登录的将予以通报。')]));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity, 'forced');
  });

  void it('flags a daily-login reward label', () => {
    assert.equal(detect('mandatory-login', oneScreen([span('每日登录 +5 积分')])).findings.length, 1);
  });

  void it('does not flag a mention of daily login without a demand or threat', () => {
    assert.deepEqual(detect('mandatory-login', oneScreen([p('每天登录即可查看最新的办事进度和政策解读。')])).findings, []);
  });

  void it('does not flag a session-timeout message', () => {
    assert.deepEqual(detect('mandatory-login', oneScreen([div('登录超时，请重新登录'), button('重新登录')])).findings, []);
  });
});

void describe('forced-promotion', () => {
  void it('flags an install-rate assessment in a notice, as forced', () => {
    const { findings } = detect('forced-promotion', oneScreen([p('各单位须于6月30日前组织全体干部职工完成下载注册，下载安装率将纳入年度考核。')]));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity, 'forced');
  });

  void it('flags an invite-to-download button', () => {
    assert.deepEqual(texts(detect('forced-promotion', oneScreen([button('邀请好友下载')])).findings), ['邀请好友下载']);
  });

  void it('does not flag a restatement of the ban on install-rate assessment', () => {
    const evidence = oneScreen([p('严禁将下载量、安装使用率作为考核指标，不得强制推广下载。'), link('扫码下载')]);
    assert.deepEqual(detect('forced-promotion', evidence).findings, []);
  });
});

void describe('engagement-metrics-assessment', () => {
  void it('does not flag share, like and comment buttons on their own', () => {
    const evidence = oneScreen([p('市政务服务中心延长周末服务时间，方便群众办事。'), button('点赞 128'), button('分享'), button('评论 12')]);
    assert.deepEqual(detect('engagement-metrics-assessment', evidence).findings, []);
  });

  void it('flags 转发量计入考核, as forced', () => {
    const { findings } = detect('engagement-metrics-assessment', oneScreen([p('本月各支部文章转发量计入考核。'), button('分享')]));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity, 'forced');
    assert.match(findings[0]?.text ?? '', /转发量计入考核/);
  });

  void it('does not join an appraisal and a share request from different sentences', () => {
    assert.deepEqual(detect('engagement-metrics-assessment', oneScreen([p('本次文明单位评比结果已公布。欢迎点赞转发。')])).findings, []);
  });

  void it('flags points awarded for sharing', () => {
    assert.equal(detect('engagement-metrics-assessment', oneScreen([span('转发文章 +2分')])).findings.length, 1);
  });
});

void describe('forced-media-upload', () => {
  void it('does not flag a citizen uploading an ID photo for a residence permit, optional or required', () => {
    const evidence = oneScreen([
      el('h1', '居住证办理'),
      div({}, span('身份证照片'), fileInput()),
      div({}, span('上传照片（身份证正反面）'), span('*'), fileInput({ required: true })),
      button('提交申请'),
    ], { title: '居住证办理' });
    assert.deepEqual(detect('forced-media-upload', evidence).findings, []);
  });

  void it('flags a required 现场照片 upload as forced, citing the file input', () => {
    const s = screen({ title: '巡查上报', body: [el('h1', '巡查上报'), div({}, span('现场照片'), span('*'), fileInput({ required: true })), button('提交')] });
    const { findings } = detect('forced-media-upload', bundle({ screens: [s] }));
    assert.equal(findings.length, 1);
    const input = s.nodes.find((n) => n.inputType === 'file');
    assert.equal(findings[0]?.nodeId, input?.id);
    assert.equal(findings[0]?.severity, 'forced');
  });

  void it('reports an optional work photo upload as present, not forced', () => {
    const { findings } = detect('forced-media-upload', oneScreen([div({}, span('工作照片（选填）'), fileInput())]));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity, 'present');
    assert.ok((findings[0]?.confidence ?? 1) < 0.9);
  });

  void it('flags coordinates (lat/lng) in a JSON request body', () => {
    const s = screen({ title: '巡查', body: [button('开始巡查')] });
    const track = request({ url: 'https://app.example.gov.cn/api/patrol/track', postData: JSON.stringify({ taskId: 'T1', lat: 39.91, lng: 116.4 }), screenId: s.id });
    const { findings } = detect('forced-media-upload', bundle({ screens: [s], network: [track] }));
    const network = findings.filter((f) => f.source === 'network');
    assert.equal(network.length, 1);
    assert.match(network[0]?.summary ?? '', /lat、lng/);
    assert.equal(network[0]?.screen, s.id);
  });

  void it('does not flag a request body without coordinate fields', () => {
    const evidence = bundle({ network: [request({ url: 'https://app.example.gov.cn/api/form', postData: JSON.stringify({ name: '张三', address: '人民路1号' }) })] });
    assert.deepEqual(detect('forced-media-upload', evidence).findings, []);
  });

  void it('flags a trajectory-reporting label', () => {
    assert.deepEqual(texts(detect('forced-media-upload', oneScreen([span('巡查轨迹记录中')])).findings), ['巡查轨迹记录中']);
  });
});

void describe('commercial-activity', () => {
  void it('does not flag paying social insurance (立即缴费 and the amount due)', () => {
    const evidence = oneScreen([el('h1', '社保缴费'), div('缴费年度 2026'), div('缴费金额 ￥4,560.00'), div('应缴金额 ￥356.00'), button('立即缴费')], { title: '社保缴费' });
    assert.deepEqual(detect('commercial-activity', evidence).findings, []);
  });

  void it('flags a points mall with purchase buttons and prices', () => {
    const evidence = oneScreen([el('h1', '积分商城'), link('积分商城'), span('保温杯 ￥29.90'), span('500积分兑换'), button('立即购买')], { title: '积分商城' });
    const found = texts(detect('commercial-activity', evidence).findings);
    for (const t of ['积分商城', '立即购买', '保温杯 ￥29.90', '500积分兑换']) assert.ok(found.includes(t), `${t} in ${found.join(',')}`);
  });
});

void describe('filing-disclosure', () => {
  const footer = () => [el('footer', {}, span('主办单位：某某市人民政府办公厅'), span('备案编号：京ICP备12345678号-1A'))];

  void it('observes host unit and filing number on the launch screen, nothing missing', () => {
    const s = screen({ title: '首页', depth: 0, body: footer() });
    const d = detect('filing-disclosure', bundle({ screens: [s] }));
    assert.deepEqual(d.findings, []);
    assert.deepEqual(d.missing, []);
    assert.equal(d.observations?.length, 2);
    assert.ok(d.observations?.every((o) => o.screen === s.id));
    assert.equal(d.requiredDepth, 2);
  });

  void it('reports both as missing when they are only 3 taps deep (default limit 2)', () => {
    const d = detect('filing-disclosure', bundle({ screens: [screen({ title: '首页', body: [link('我的')] }), screen({ title: '关于我们', depth: 3, body: footer() })] }));
    assert.deepEqual(d.observations, []);
    assert.equal(d.missing?.length, 2);
    assert.ok(d.missing?.every((m) => m.includes('3 次点击之后') && m.includes('不超过 2 次')), d.missing?.join('|'));
  });

  void it('accepts depth 3 when the lab raises filingMaxTaps to 4', () => {
    const d = detect('filing-disclosure', bundle({ screens: [screen({ title: '关于我们', depth: 3, body: footer() })] }), { ...DEFAULT_DETECTOR_SETTINGS, filingMaxTaps: 4 });
    assert.deepEqual(d.missing, []);
    assert.equal(d.requiredDepth, 4);
  });

  void it('uses the shallowest screen that shows it', () => {
    const deep = screen({ title: '关于我们', depth: 3, body: footer() });
    const shallow = screen({ title: '我的', depth: 1, body: footer() });
    const d = detect('filing-disclosure', bundle({ screens: [deep, shallow] }));
    assert.deepEqual(d.missing, []);
    assert.ok(d.observations?.every((o) => o.screen === shallow.id));
  });

  void it('reports both as not found when absent, and a label without a value does not count', () => {
    const d = detect('filing-disclosure', oneScreen([el('footer', {}, span('主办单位：'), span('备案编号：'))]));
    assert.deepEqual(d.missing, ['未找到主办单位标示', '未找到备案编号标示']);
    const nested = detect('filing-disclosure', oneScreen([el('footer', '主办单位：', span('备案编号：'), span('联系我们'))]));
    assert.deepEqual(nested.missing, ['未找到主办单位标示', '未找到备案编号标示']);
    // A template whose value came out empty: <span>主办单位：</span><span>{{unit}}</span>.
    const emptyValues = detect('filing-disclosure', oneScreen([el('footer', {}, span('主办单位：'), span(''), span('备案编号：'), span(''))]));
    assert.deepEqual(emptyValues.missing, ['未找到主办单位标示', '未找到备案编号标示']);
  });

  void it('reads a label whose value sits in a child or the next element (<p>主办单位：<span>…</span></p>)', () => {
    const s = screen({
      title: '首页',
      body: [el('footer', {}, el('p', '主办单位：', span('某某市人民政府办公厅')), div({}, span('备案编号：'), span('京ICP备12345678号-1A')))],
    });
    const d = detect('filing-disclosure', bundle({ screens: [s] }));
    assert.deepEqual(d.missing, []);
    assert.ok(d.observations?.some((o) => o.text?.includes('某某市人民政府办公厅')));
    assert.ok(d.observations?.some((o) => o.text?.includes('京ICP备12345678号-1A')));
  });

  void it('does not take a status in place of the number (备案编号：正在办理中) as a filing number', () => {
    const d = detect('filing-disclosure', oneScreen([el('footer', {}, span('主办单位：某某市人民政府办公厅'), span('备案编号：正在办理中'))]));
    assert.deepEqual(d.missing, ['未找到备案编号标示']);
    const split = detect('filing-disclosure', oneScreen([el('footer', {}, span('主办单位：某某市人民政府办公厅'), div({}, span('备案编号：'), span('正在办理中')))]));
    assert.deepEqual(split.missing, ['未找到备案编号标示']);
  });
});

void describe('complaint-channel', () => {
  const submitScreen = () => screen({ title: '我要投诉', depth: 1, body: [el('h1', '投诉建议'), textarea({ label: '请描述您的诉求' }), button('提交')] });
  const trackingScreen = () => screen({ title: '我的投诉', depth: 1, body: [el('h1', '我的投诉'), link('投诉编号 TS2026100087 办理中')] });
  const evaluationScreen = () => screen({
    title: '满意度评价', depth: 2,
    body: [el('h1', '满意度评价'), radio('非常满意'), radio('满意'), radio('不满意'), button('提交评价')],
  });

  void it('observes all three parts: online submission, tracking with a status, evaluation', () => {
    const d = detect('complaint-channel', bundle({ screens: [submitScreen(), trackingScreen(), evaluationScreen()] }));
    assert.deepEqual(d.findings, []);
    assert.deepEqual(d.missing, []);
    assert.equal(d.observations?.length, 3);
    assert.deepEqual(d.details?.partsMissing, []);
  });

  void it('names the missing part when only two of three are present', () => {
    const d = detect('complaint-channel', bundle({ screens: [submitScreen(), trackingScreen()] }));
    assert.deepEqual(d.missing, ['缺少回访/满意度评价']);
    assert.deepEqual(d.details?.partsMissing, ['evaluation']);
    assert.equal(d.observations?.length, 2);
  });

  void it('needs an input to count as online submission, and a complaint context for a status', () => {
    const noForm = screen({ title: '意见反馈', body: [el('h1', '意见反馈'), p('您可拨打12345热线反映诉求。'), button('提交')] });
    const otherStatus = screen({ title: '社保业务', body: [el('h1', '社保业务'), span('养老保险转移 办理中')] });
    const d = detect('complaint-channel', bundle({ screens: [noForm, otherStatus, evaluationScreen()] }));
    assert.deepEqual(d.details?.partsMissing, ['submit', 'tracking']);
  });
});

void describe('stability', () => {
  const appOrigin = 'https://app.example.gov.cn';

  void it('flags a failed request to the app’s own origin but not a third-party 404', () => {
    const own = request({ method: 'GET', url: `${appOrigin}/api/news/list`, status: 404 });
    const thirdParty = request({ method: 'GET', url: 'https://stats.thirdparty.example.com/collect.js', status: 404, resourceType: 'Script' });
    const { findings } = detect('stability', bundle({ appOrigin, network: [own, thirdParty] }));
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]?.request, { method: 'GET', url: own.url });
    assert.match(findings[0]?.summary ?? '', /HTTP 404/);
  });

  void it('flags an own request that failed at the network level with its error text', () => {
    const failed = request({ method: 'GET', url: `${appOrigin}/api/user`, status: undefined, failed: true, errorText: 'net::ERR_CONNECTION_REFUSED' });
    const { findings } = detect('stability', bundle({ appOrigin, network: [failed] }));
    assert.match(findings[0]?.summary ?? '', /ERR_CONNECTION_REFUSED/);
  });

  void it('does not flag successful own requests', () => {
    assert.deepEqual(detect('stability', bundle({ appOrigin, network: [request({ url: `${appOrigin}/api/ok`, status: 200 }), request({ url: `${appOrigin}/r`, status: 302 })] })).findings, []);
  });

  void it('flags uncaught script errors once, with the screen they happened on, and not resource-load noise, warnings or Chromium’s own messages', () => {
    const s = screen({ title: '办事指南', depth: 1, body: [link('返回')] });
    const error = 'Uncaught TypeError: Cannot read properties of undefined (reading "items")';
    const { findings } = detect('stability', bundle({
      screens: [s],
      console: [
        consoleEntry(error, { screenId: s.id }),
        consoleEntry(error, { screenId: s.id }),
        consoleEntry('Failed to load resource: the server responded with a status of 404 ()'),
        consoleEntry('deprecated API', { level: 'WARNING' }),
        consoleEntry("Network location provider at 'https://www.googleapis.com/' : ERR_NAME_NOT_RESOLVED."),
      ],
    }));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.screen, s.id);
    assert.deepEqual(findings[0]?.steps, s.steps);
    assert.deepEqual(findings[0]?.evidence, [s.screenshot]);
  });

  void it('flags a renderer crash recorded as a run issue', () => {
    assert.equal(detect('stability', bundle({ issues: [runIssue('session closed: renderer crashed')] })).findings.length, 1);
  });
});

void describe('a notice promising none of the banned features', () => {
  for (const id of ['forced-check-in', 'points-ranking', 'online-duration-tracking', 'mandatory-login'] as const) {
    void it(`is not a ${id} finding, as prose or as a short label`, () => {
      assert.deepEqual(detect(id, oneScreen([p(NEGATION_NOTICE)])).findings, [], 'paragraph');
      assert.deepEqual(detect(id, oneScreen([div(NEGATION_NOTICE)])).findings, [], 'div');
    });
  }

  void it('still lets the same words count without the negation', () => {
    assert.ok(detect('points-ranking', oneScreen([div('本周积分排名')])).findings.length > 0);
    assert.ok(detect('online-duration-tracking', oneScreen([div('本月在线时长统计')])).findings.length > 0);
  });
});
