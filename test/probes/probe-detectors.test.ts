/** Detectors over probe evidence: performance, IPv6, data security, permission gates, blank screens, freezes, beats. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import { validIdCard, personalData } from '../../src/checks/detectors/data-security.js';
import { ipv4LiteralHost } from '../../src/checks/detectors/ipv6-readiness.js';
import { beats, cameraAtLaunch, evidence, launchScreen, measured, net, permissionLaunch, probes } from './probe-fixtures.js';

void describe('performance', () => {
  void it('passes only when every budgeted figure was measured within budget', () => {
    assert.equal(evaluateCheck('performance', evidence({ probes: probes({ performance: [measured()] }) })).outcome, 'pass');
  });

  void it('fails with the measured figure, the budget it broke and the budget source', () => {
    const result = evaluateCheck('performance', evidence({ probes: probes({ performance: [measured({ longTasks: { count: 1, totalMs: 5503, worstMs: 5503 }, firstContentMs: 5660 })] }) }));
    assert.equal(result.outcome, 'fail');
    assert.ok(result.findings.some((f) => /最长一次主线程阻塞 5503 ms，超过预算 5000 ms（依据：Android ANR 5 s）/.test(f.summary)), JSON.stringify(result.findings));
    assert.ok(result.findings.some((f) => /首次内容绘制 5660 ms/.test(f.summary)));
  });

  void it('is inconclusive without a measurement, without budgets, or with a budgeted figure unmeasured', () => {
    assert.equal(evaluateCheck('performance', evidence()).outcome, 'inconclusive');
    assert.equal(evaluateCheck('performance', evidence({ probes: probes({ performance: [measured({ budgets: undefined })] }) })).outcome, 'inconclusive');
    const noPaint = evaluateCheck('performance', evidence({ probes: probes({ performance: [measured({ firstContentMs: undefined })] }) }));
    assert.equal(noPaint.outcome, 'inconclusive');
    assert.match(noPaint.reason ?? '', /首次内容绘制.*未能测得/);
  });
});

void describe('ipv6-readiness', () => {
  const loopbackOk = { type: 'ipv6-probe' as const, mode: 'loopback' as const, url: 'http://[::1]:9/', loaded: true, visibleTextChars: 30, failedRequests: [] };

  void it('fails on a request to an IPv4 literal host, but not on the lab loopback server', () => {
    assert.equal(ipv4LiteralHost('http://203.0.113.7/api'), '203.0.113.7');
    assert.equal(ipv4LiteralHost('http://127.0.0.1:8080/api'), undefined);
    assert.equal(ipv4LiteralHost('https://app.gov.cn/api'), undefined);
    const result = evaluateCheck('ipv6-readiness', evidence({ network: [net({ url: 'http://203.0.113.7/api/config', method: 'GET' })], probes: probes({ ipv6: loopbackOk }) }));
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]!.summary, /IPv4 字面地址 203\.0\.113\.7/);
  });

  void it('fails when the app does not load over IPv6 loopback', () => {
    const result = evaluateCheck('ipv6-readiness', evidence({ probes: probes({ ipv6: { ...loopbackOk, loaded: false, failedRequests: ['GET http://[::1]:9/app.js'] } }) }));
    assert.equal(result.outcome, 'fail');
  });

  void it('never passes on loopback alone, and says what a full test needs', () => {
    const result = evaluateCheck('ipv6-readiness', evidence({ probes: probes({ ipv6: loopbackOk }), network: [net({ url: 'http://[::1]:9/api', remoteIp: '::1' })] }));
    assert.equal(result.outcome, 'inconclusive');
    assert.match(result.reason ?? '', /回环.*加载成功.*真实网络.*比例/);
  });

  void it('passes when every response on a real network came over IPv6, and not when some came over IPv4', () => {
    const v6 = [net({ url: 'https://app.gov.cn/', remoteIp: '2001:db8::10' }), net({ url: 'https://cdn.gov.cn/a.js', remoteIp: '2001:db8::20' })];
    assert.equal(evaluateCheck('ipv6-readiness', evidence({ network: v6 })).outcome, 'pass');
    const mixed = evaluateCheck('ipv6-readiness', evidence({ network: [...v6, net({ url: 'https://stats.example.com/', remoteIp: '198.51.100.4' })] }));
    assert.equal(mixed.outcome, 'inconclusive');
    assert.match(mixed.reason ?? '', /3 个响应有 2 个经 IPv6/);
  });
});

void describe('data-security', () => {
  void it('finds a phone number in a URL and reports it masked', () => {
    const result = evaluateCheck('data-security', evidence({ network: [net({ url: 'http://203.0.113.7/api/config?mobile=13812345678', method: 'GET' })] }));
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]!.summary, /网址（URL）中传输了手机号（138\*\*\*\*5678）/);
    assert.doesNotMatch(JSON.stringify(result), /13812345678/);
  });

  void it('finds an ID-card number in a clear-HTTP body to a remote host, not in a body to the lab loopback', () => {
    const body = JSON.stringify({ idNo: '11010519491231002X' });
    assert.equal(validIdCard('11010519491231002X'), true);
    assert.equal(evaluateCheck('data-security', evidence({ network: [net({ url: 'http://gov.example.cn/api/apply', postData: body })] })).outcome, 'fail');
    assert.equal(evaluateCheck('data-security', evidence({ network: [net({ url: 'http://127.0.0.1:8080/api/apply', postData: body })] })).outcome, 'inconclusive');
  });

  void it('does not take timestamps or checksum-invalid 18-digit numbers for personal data', () => {
    assert.deepEqual(personalData('ts=1795850228720&order=110105194912310021'), []);
  });

  void it('stays inconclusive when nothing is found: storage and policy are not measured', () => {
    const result = evaluateCheck('data-security', evidence({ network: [net({ url: 'https://app.gov.cn/api/query', postData: '{"type":"社保"}' })] }));
    assert.equal(result.outcome, 'inconclusive');
    assert.match(result.reason ?? '', /不能判定为通过/);
  });
});

void describe('permission gate (forced-media-upload, data-security)', () => {
  const gate = [permissionLaunch('granted', { requests: [cameraAtLaunch] }), permissionLaunch('denied', { requests: [cameraAtLaunch], actionable: 1, visibleText: '请允许使用摄像头和定位权限后再使用本应用。 重新授权' })];

  void it('reports a camera request at launch that blocks the app when denied as forced', () => {
    const result = evaluateCheck('forced-media-upload', evidence({ probes: probes({ permissions: gate }) }));
    assert.equal(result.outcome, 'fail');
    const forced = result.findings.find((f) => f.severity === 'forced');
    assert.match(forced?.summary ?? '', /启动即申请摄像头权限；拒绝后可操作控件由 3 个降为 1 个/);
    assert.equal(evaluateCheck('data-security', evidence({ probes: probes({ permissions: gate }) })).outcome, 'fail');
  });

  void it('does not report a request after a tap, or a launch request the app survives when denied', () => {
    const afterTap = { ...cameraAtLaunch, afterUserAction: true };
    const tapped = [permissionLaunch('granted', { requests: [afterTap] }), permissionLaunch('denied', { requests: [afterTap], actionable: 1 })];
    assert.equal(evaluateCheck('forced-media-upload', evidence({ probes: probes({ permissions: tapped }) })).outcome, 'pass');
    const survives = [permissionLaunch('granted', { requests: [cameraAtLaunch] }), permissionLaunch('denied', { requests: [cameraAtLaunch] })];
    assert.equal(evaluateCheck('forced-media-upload', evidence({ probes: probes({ permissions: survives }) })).outcome, 'pass');
  });
});

void describe('beats on the wire (online-duration-tracking, forced-media-upload)', () => {
  void it('reports an idle heartbeat carrying study time with its period', () => {
    const heartbeat = beats('http://127.0.0.1:8080/api/study/heartbeat', 6, 2000, (i) => ({ studyTime: i * 2, online: true }), { probe: 'network-idle', screenId: 's0' });
    const result = evaluateCheck('online-duration-tracking', evidence({ network: heartbeat }));
    assert.equal(result.outcome, 'fail');
    assert.ok(result.findings.some((f) => /用户未操作时，应用每约 2\.0 秒.*共观察到 6 次/.test(f.summary)), JSON.stringify(result.findings.map((f) => f.summary)));
  });

  void it('reports coordinates posted at a steady period as a trajectory', () => {
    const track = beats('http://127.0.0.1:8080/api/location/track', 4, 5000, (i) => ({ lat: 39.9 + i / 1e4, lng: 116.4 }));
    const result = evaluateCheck('forced-media-upload', evidence({ network: track }));
    assert.ok(result.findings.some((f) => /每约 5\.0 秒.*轨迹/.test(f.summary)), JSON.stringify(result.findings.map((f) => f.summary)));
  });
});

void describe('stability from probes', () => {
  void it('reports a blank screen after a tap, citing the tap', () => {
    const blank = launchScreen('s1', { depth: 1, steps: [{ action: 'launch', label: '打开应用' }, { action: 'tap', label: '点击「办事指南」', locator: '#g' }] });
    const result = evaluateCheck('stability', evidence({ screens: [launchScreen(), blank], probes: probes({ render: { type: 'render-check', screensChecked: 2, blank: [{ screenId: 's1', stdev: 0, textNodes: 0, clickable: 0 }] } }) }));
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]!.summary, /点击「办事指南」后出现白屏/);
  });

  void it('reports a launch freeze at the freeze threshold, and not a 50 ms task', () => {
    const frozen = evaluateCheck('stability', evidence({ probes: probes({ performance: [measured({ longTasks: { count: 1, totalMs: 5503, worstMs: 5503, worstStartMs: 68 } })] }) }));
    assert.match(frozen.findings[0]?.summary ?? '', /主线程连续阻塞 5\.5 秒/);
    assert.equal(evaluateCheck('stability', evidence({ probes: probes({ performance: [measured()] }) })).outcome, 'pass');
  });
});
