/** The clipboard read at launch (data-security finding citing the record), notifications at launch (observation), and the page instrumentation of clipboard APIs. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createContext, runInContext } from 'node:vm';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import type { PermissionRequestRecord } from '../../src/evidence/probe-types.js';
import { evidence, permissionLaunch, probes } from './probe-fixtures.js';

const URL0 = 'http://127.0.0.1:8080/';
const clipboardAtLaunch: PermissionRequestRecord = { capability: 'clipboard', api: 'clipboard.readText', atMs: 43, afterUserAction: false, url: URL0 };
const notifyAtLaunch: PermissionRequestRecord = { capability: 'notifications', api: 'Notification.requestPermission', atMs: 44, afterUserAction: false, url: URL0 };
const shot = { kind: 'screenshot' as const, path: 'evidence/launch.png', sha256: 'launch' };

void describe('data-security: clipboard and notifications at launch', () => {
  void it('fails on a clipboard read before any user action, citing api, ms since navigation and afterUserAction, once per API', () => {
    const granted = permissionLaunch('granted', { requests: [clipboardAtLaunch, notifyAtLaunch], screenshot: shot });
    const denied = permissionLaunch('denied', { requests: [{ ...clipboardAtLaunch, atMs: 46 }] });
    const result = evaluateCheck('data-security', evidence({ probes: probes({ permissions: [denied, granted] }) }));
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 1);
    const finding = result.findings[0]!;
    assert.match(finding.summary, /启动后在用户未作任何操作时读取剪贴板（clipboard\.readText，导航后 43 ms，afterUserAction=false，页面 http:\/\/127\.0\.0\.1:8080\/）/);
    assert.deepEqual(JSON.parse(finding.text ?? ''), clipboardAtLaunch);
    assert.deepEqual(finding.evidence, [shot]);
  });

  void it('does not count a clipboard read that followed a tap', () => {
    const afterTap = permissionLaunch('granted', { stepLabels: ['点击「粘贴」'], requests: [{ ...clipboardAtLaunch, afterUserAction: true }] });
    const result = evaluateCheck('data-security', evidence({ probes: probes({ permissions: [permissionLaunch('granted'), afterTap] }) }));
    assert.equal(result.outcome, 'inconclusive');
    assert.deepEqual(result.findings, []);
  });

  void it('finds the legacy paste and clipboard.read as separate reads', () => {
    const launch = permissionLaunch('granted', { requests: [{ ...clipboardAtLaunch, api: "execCommand('paste')" }, { ...clipboardAtLaunch, api: 'clipboard.read' }] });
    const result = evaluateCheck('data-security', evidence({ probes: probes({ permissions: [launch] }) }));
    assert.deepEqual(result.findings.map((f) => /（([^，]+)，/.exec(f.summary)?.[1]), ["execCommand('paste')", 'clipboard.read']);
  });

  void it('records a notification request at launch as an observation only: it fails nothing', () => {
    const result = evaluateCheck('data-security', evidence({ probes: probes({ permissions: [permissionLaunch('granted', { requests: [notifyAtLaunch] })] }) }));
    assert.equal(result.outcome, 'inconclusive');
    assert.deepEqual(result.findings, []);
    assert.match(result.observations?.[0]?.summary ?? '', /启动即申请通知权限（Notification\.requestPermission，导航后 44 ms，afterUserAction=false.*仅作记录/);
    const afterTap = permissionLaunch('granted', { stepLabels: ['点击「订阅提醒」'], requests: [{ ...notifyAtLaunch, afterUserAction: true }] });
    assert.equal(evaluateCheck('data-security', evidence({ probes: probes({ permissions: [afterTap] }) })).observations, undefined);
  });
});

/** Values from the page's realm as plain data (arrays there have another prototype). */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Runs the page instrumentation in a bare context with just the APIs it wraps. */
function instrumented(mode: 'granted' | 'denied') {
  const passedThrough: string[] = [];
  const window: Record<string, unknown> = {};
  const sandbox = {
    window,
    navigator: { clipboard: { readText: () => Promise.resolve('secret'), read: () => Promise.resolve(['secret']) } },
    document: { execCommand: (command: string) => { passedThrough.push(command); return true; } },
    location: { href: URL0 },
    performance: { now: () => 12 },
    setTimeout: () => 0,
    DOMException,
    Promise,
  };
  window['addEventListener'] = () => undefined;
  const context = createContext(sandbox);
  runInContext(`${readFileSync('src/platforms/h5/instrument.browser.js', 'utf8')}\ngovappInstrument(${JSON.stringify(mode)});`, context);
  return { sandbox, passedThrough, calls: () => (window['__govappProbe'] as { calls: PermissionRequestRecord[] }).calls };
}

void describe('instrumentation of clipboard reads', () => {
  void it('records clipboard.readText, clipboard.read and execCommand(paste), and never hands out the real clipboard', async () => {
    const page = instrumented('granted');
    assert.equal(await page.sandbox.navigator.clipboard.readText(), '');
    assert.deepEqual(plain(await page.sandbox.navigator.clipboard.read()), []);
    assert.equal(page.sandbox.document.execCommand('Paste'), false);
    assert.deepEqual(plain(page.calls().map((c) => [c.capability, c.api, c.afterUserAction])), [
      ['clipboard', 'clipboard.readText', false], ['clipboard', 'clipboard.read', false], ['clipboard', "execCommand('paste')", false],
    ]);
  });

  void it('rejects reads when denied and passes other editing commands through unrecorded', async () => {
    const page = instrumented('denied');
    await assert.rejects(page.sandbox.navigator.clipboard.read(), { name: 'NotAllowedError' });
    assert.equal(page.sandbox.document.execCommand('copy'), true);
    assert.deepEqual(page.passedThrough, ['copy']);
    assert.deepEqual(plain(page.calls().map((c) => c.api)), ['clipboard.read']);
  });
});
