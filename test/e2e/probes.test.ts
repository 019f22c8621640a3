/**
 * End to end, through the real Appium 3 server and Chromium: the probe fixture apps
 * (test/fixtures/probe-apps) are audited with a small budget and each probe's result is asserted
 * on the violating apps and on the clean twin.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Finding } from '../../src/checks/result.js';
import { readEvidenceBundle } from '../../src/evidence/store.js';
import type { EvidenceBundle } from '../../src/evidence/types.js';
import type { Verdict } from '../../src/verdict/verdict.js';
import { fixtureRunArguments } from './farm-helpers.js';
import { sharedAudit } from './shared-audit.js';

interface Audit { verdict: Verdict; bundle: EvidenceBundle; out: string }

/**
 * The fixture audited as the farm's single runs audit it (fixtureRunArguments), so heartbeat-trajectory
 * and clean-twin are audited once for this file and both farm files (test/e2e/shared-audit.ts).
 */
async function audit(app: string, extra: string[] = []): Promise<Audit> {
  const { out, result } = await sharedAudit(`probe-${app}`, [...fixtureRunArguments(app), ...extra]);
  assert.ok(result.code === 1 || result.code === 2, `${app}: exit ${String(result.code)}\n${result.stderr}`);
  return { verdict: JSON.parse(readFileSync(join(out, 'verdict.json'), 'utf8')) as Verdict, bundle: readEvidenceBundle(out), out };
}

function check(a: Audit, id: string): { outcome: string; findings: Finding[]; reason?: string; details?: Record<string, unknown> } {
  const found = a.verdict.checks.find((c) => c.id === id);
  assert.ok(found, id);
  return found;
}

function summaries(a: Audit, id: string): string {
  return check(a, id).findings.map((f) => f.summary).join('\n');
}

describe('probes on heartbeat-trajectory (heartbeat, coordinates, IPv4 literal, phone in URL, white screen)', () => {
  let a: Audit;
  before(async () => { a = await audit('heartbeat-trajectory'); });

  it('finds the idle heartbeat with its period and study-time fields', () => {
    assert.equal(check(a, 'online-duration-tracking').outcome, 'fail');
    assert.match(summaries(a, 'online-duration-tracking'), /用户未操作时，应用每约 (1\.[6-9]|2\.[0-4]) 秒向 POST \S+\/api\/study\/heartbeat 发送一次周期性上报在线\/学习时长的请求（字段 studyTime、online）/);
  });

  it('finds coordinates posted periodically as a trajectory', () => {
    assert.equal(check(a, 'forced-media-upload').outcome, 'fail');
    assert.match(summaries(a, 'forced-media-upload'), /每约 (1\.[6-9]|2\.[0-4]) 秒向 POST \S+\/api\/location\/track 发送一次周期性上报定位坐标（轨迹）/);
  });

  it('records the idle window as HAR-style lines whose file name is their sha256', () => {
    const window = a.bundle.probes?.idle[0];
    assert.ok(window && window.requests >= 5, JSON.stringify(window));
    const har = readFileSync(join(a.out, window.har.path));
    assert.equal(createHash('sha256').update(har).digest('hex'), window.har.sha256);
    assert.match(har.toString(), /"url":"http:\/\/127\.0\.0\.1:\d+\/api\/study\/heartbeat"/);
  });

  it('fails IPv6 readiness on the IPv4 literal, although the app itself loads over [::1]', () => {
    const ipv6 = check(a, 'ipv6-readiness');
    assert.equal(ipv6.outcome, 'fail');
    assert.match(summaries(a, 'ipv6-readiness'), /IPv4 字面地址 203\.0\.113\.7/);
    assert.equal(a.bundle.probes?.ipv6?.loaded, true, JSON.stringify(a.bundle.probes?.ipv6));
  });

  it('finds the phone number in a URL, masked', () => {
    assert.equal(check(a, 'data-security').outcome, 'fail');
    assert.match(summaries(a, 'data-security'), /网址（URL）中传输了手机号（138\*\*\*\*5678）/);
  });

  it('finds the white screen after the tap; the launch itself is within budget', () => {
    assert.match(summaries(a, 'stability'), /点击「办事指南」后出现白屏/);
    assert.equal(check(a, 'performance').outcome, 'pass');
  });
});

describe('probes on gate-freeze (5.5 s freeze at launch, camera + location gate, an 800 ms tap)', () => {
  let a: Audit;
  before(async () => { a = await audit('gate-freeze'); });

  it('fails performance with the measured freeze and the budget it broke', () => {
    assert.equal(check(a, 'performance').outcome, 'fail');
    const worst = /最长一次主线程阻塞 (\d+) ms，超过预算 5000 ms（依据：/.exec(summaries(a, 'performance'));
    assert.ok(worst && Number(worst[1]) >= 5400, summaries(a, 'performance'));
    assert.match(summaries(a, 'stability'), /启动时主线程连续阻塞 5\.\d 秒/);
  });

  it('times the slow tap (重新授权 blocks ~800 ms) with trusted input and fails performance with its path and the budget', () => {
    const taps = a.bundle.probes?.performance.at(-1)?.taps;
    const slow = taps?.taps.find((t) => t.label === '点击「重新授权」');
    assert.ok(slow?.ms !== undefined && slow.ms >= 790 && slow.ms < 1500 && slow.method === 'event-timing', JSON.stringify(taps));
    const finding = check(a, 'performance').findings.find((f) => f.text?.startsWith('tapResponseMs='));
    // The handler blocks for 800 ms of wall time; a renderer descheduled on a busy machine only adds (925 ms was
    // seen with four audits on two cores), as the tap's own bound above allows.
    const processing = /^点击「重新授权」：点击响应 \d+ ms（Event Timing 交互时长，其中事件处理 (\d+) ms），超过预算 500 ms（依据：web\.dev INP/.exec(finding?.summary ?? '');
    assert.ok(processing && Number(processing[1]) >= 780 && Number(processing[1]) < 1500, summaries(a, 'performance'));
    assert.deepEqual(finding?.steps?.map((s) => s.action), ['launch', 'tap']);
  });

  it('measures frame pacing during the scroll gesture although the gate itself does not scroll', () => {
    const frames = a.bundle.probes?.performance.at(-1)?.frames;
    assert.ok(frames?.measurable && !frames.scrolled && frames.frames >= 30, JSON.stringify(frames));
    assert.ok(frames.expectedIntervalMs > 15 && frames.expectedIntervalMs < 18, JSON.stringify(frames));
  });

  it('reports the permission gate as forced: asked at launch, unusable when denied', () => {
    const forced = check(a, 'forced-media-upload').findings.find((f) => f.severity === 'forced' && f.source === 'probe');
    assert.ok(forced, summaries(a, 'forced-media-upload'));
    assert.match(forced.summary, /启动即申请(摄像头、定位|定位、摄像头)权限；拒绝后可操作控件由 3 个降为 1 个/);
    assert.equal(check(a, 'data-security').outcome, 'fail');
  });
});

describe('probes on the clean twin', () => {
  let a: Audit;
  before(async () => { a = await audit('clean-twin'); });

  it('passes performance, stability, online-duration and media upload', () => {
    for (const id of ['performance', 'stability', 'online-duration-tracking', 'forced-media-upload']) {
      assert.equal(check(a, id).outcome, 'pass', `${id}: ${summaries(a, id)} ${check(a, id).reason ?? ''}`);
    }
  });

  it('times every explored tap far within budget and measures the frames of a real scroll', () => {
    const measured = a.bundle.probes?.performance.at(-1);
    const labels = measured?.taps?.taps.map((t) => t.label).sort();
    assert.deepEqual(labels, ['点击「办事指南」', '点击「扫码办事」', '点击「查询进度」'], JSON.stringify(measured?.taps));
    assert.ok(measured?.taps?.taps.every((t) => t.ms !== undefined && t.ms < 200), JSON.stringify(measured?.taps));
    const frames = measured?.frames;
    assert.ok(frames?.measurable && frames.scrolled && frames.frames >= 30 && frames.worstMs < 700, JSON.stringify(frames));
  });

  it('sees the camera asked for only after tapping 扫码办事', () => {
    const launch = a.bundle.probes?.permissions.find((p) => p.mode === 'granted' && p.stepLabels.length === 0);
    assert.deepEqual(launch?.requests, []);
    const scan = a.bundle.probes?.permissions.find((p) => p.stepLabels.includes('点击「扫码办事」'));
    assert.ok(scan?.requests.some((r) => r.capability === 'camera' && r.afterUserAction), JSON.stringify(a.bundle.probes?.permissions));
  });

  it('stays inconclusive on IPv6 (loopback only) and data security, saying why', () => {
    assert.equal(check(a, 'ipv6-readiness').outcome, 'inconclusive');
    assert.match(check(a, 'ipv6-readiness').reason ?? '', /\[::1\].*加载成功.*完整的 IPv6 测试/);
    assert.equal(check(a, 'data-security').outcome, 'inconclusive');
  });
});

/** The lab's test account for the login fixtures (they accept any). */
function credentials(): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'e2e-cred-')), 'account.json');
  writeFileSync(file, JSON.stringify({ username: 'lab-tester', password: 'Lab-Pass-2026' }));
  return ['--credentials', file];
}

describe('login cadence: a 24 h session and its 30-day twin', () => {
  let daily: Audit;
  let monthly: Audit;
  before(async () => {
    daily = await audit('login-daily', credentials());
    monthly = await audit('login-monthly', credentials());
  });

  it('measures the daily re-login by moving the page clock 25 h ahead, with the token lifetime', () => {
    assert.equal(daily.bundle.probes?.login?.loginAgainAfterHours, 25, JSON.stringify(daily.bundle.probes?.login));
    assert.equal(check(daily, 'mandatory-login').outcome, 'fail');
    assert.match(summaries(daily, 'mandatory-login'), /时钟拨快 25 小时后重新启动，应用要求重新登录.*令牌 localStorage:session 有效期约 2[34](\.\d)? 小时/);
  });

  it('keeps the 30-day session signed in at +25 h and +73 h and passes', () => {
    const login = monthly.bundle.probes?.login;
    assert.deepEqual([login?.signedIn, login?.checkedHours, login?.loginAgainAfterHours], [true, [25, 73], undefined], JSON.stringify(login));
    assert.ok(login?.session?.cookies.some((c) => c.name === 'sid' && (c.expiresInHours ?? 0) > 700), JSON.stringify(login?.session));
    assert.equal(check(monthly, 'mandatory-login').outcome, 'pass', check(monthly, 'mandatory-login').reason);
  });
});
