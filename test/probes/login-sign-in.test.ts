/**
 * The login-cadence probe on an app whose session lives in memory only (lost at every launch): it
 * signs in again along the explorer's recorded path, relaunches, and measures "login at every
 * launch" (0 h) instead of reporting "never signed in"; without a recorded path it says so.
 */
import { sessionStub } from '../helpers/session-stub.js';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import type { DeviceSession, UiSnapshot } from '../../src/device/device-session.js';
import type { LoginCadenceEvent } from '../../src/evidence/probe-types.js';
import { EvidenceStore, readEvidenceBundle } from '../../src/evidence/store.js';
import { noSecrets } from '../../src/evidence/secret-mask.js';
import type { ScreenEvent, UiNode } from '../../src/evidence/types.js';
import { DEFAULT_TEST_DATA } from '../../src/explore/test-data.js';
import { loginCadenceProbe } from '../../src/probes/login-cadence-probe.js';
import type { ProbeContext } from '../../src/probes/probe.js';
import type { ClockControl } from '../../src/probes/probe-tools.js';
import { signedInScreen } from '../../src/probes/sign-in.js';
import { evidence, launchScreen, probes } from './probe-fixtures.js';

const PASSWORD = 'Lab-Pass-2026';

function node(id: string, fields: Partial<UiNode>): UiNode {
  return { id, platform: 'h5', role: 'button', text: '', clickable: true, bounds: { x: 0, y: 0, width: 10, height: 10 }, locator: `#${id}`, ...fields } as UiNode;
}

/** A login app: `persist` false keeps the session in memory, so every launch shows the login again. */
function loginApp(persist: boolean, toastLooks = 0): DeviceSession & { launches: number } {
  let signedIn = false;
  let typed = '';
  // Looks left during which the login form still shows after a successful tap (a 登录成功 toast, then the home route).
  let toast = 0;
  const app = sessionStub({
    launches: 0,
    launch: () => { app.launches++; if (!persist) signedIn = false; return Promise.resolve(); },
    typeText: (_locator: string, text: string) => { typed = text; return Promise.resolve(); },
    tap: (locator: string) => { if (locator === '#login' && typed === PASSWORD) { signedIn = true; toast = toastLooks; } return Promise.resolve(); },
    back: () => Promise.resolve(),
    settle: () => Promise.resolve(),
    snapshot: (): Promise<UiSnapshot> => {
      const home = signedIn && toast-- <= 0;
      return Promise.resolve({
        screenKey: '/', url: 'http://127.0.0.1:8080/', title: home ? '首页' : '登录', visibleText: '', viewport: { width: 412, height: 915, devicePixelRatio: 1 },
        nodes: home ? [node('home', { text: '办事' })] : [node('pw', { role: 'textbox', inputType: 'password', clickable: false, editable: true }), node('login', { text: '登录' })],
      });
    },
    screenshot: () => Promise.resolve(Buffer.alloc(0)),
    drainNetwork: () => Promise.resolve([]),
    drainLogs: () => Promise.resolve([]),
  });
  return app;
}

/** A clock that moves nothing and a session with no clues: the probe's path through sign-in is what is tested. */
const clockControl: ClockControl = {
  setOffset: () => Promise.resolve(),
  sessionClues: () => Promise.resolve({ cookies: [], tokens: [], timestamps: [] }),
  expireAfter: () => Promise.resolve(),
};

const loginScreen = launchScreen('login', { nodes: [node('pw', { role: 'textbox', inputType: 'password', clickable: false, editable: true })] });
const homeScreen: ScreenEvent = launchScreen('home', {
  depth: 1,
  steps: [
    { action: 'launch', label: '打开应用' },
    { action: 'type', label: '输入测试账号密码', locator: '#pw', input: 'password' },
    { action: 'tap', label: '点击「登录」', locator: '#login' },
  ],
});

function context(device: DeviceSession, screens: ScreenEvent[]): ProbeContext<'clockControl'> {
  return {
    device, store: new EvidenceStore(mkdtempSync(join(tmpdir(), 'login-sign-in-')), noSecrets), explored: evidence({ screens }), appUrl: 'http://127.0.0.1:8080/',
    budgetMs: 5_000, tools: { clockControl }, testData: { ...DEFAULT_TEST_DATA, password: PASSWORD }, now: Date.now, sleep: () => Promise.resolve(),
  };
}

function recorded(ctx: Pick<ProbeContext, 'store'>): LoginCadenceEvent {
  const event = readEvidenceBundle(ctx.store.outDir).probes?.login;
  assert.ok(event);
  return event;
}

void describe('login cadence when the session is not kept across a launch', () => {
  void it('finds the shallowest explored screen behind the login', () => {
    assert.equal(signedInScreen([loginScreen, homeScreen])?.id, 'home');
    assert.equal(signedInScreen([loginScreen]), undefined);
  });

  void it('signs in along the recorded path, relaunches, and measures a login at every launch', async () => {
    const ctx = context(loginApp(false), [loginScreen, homeScreen]);
    await loginCadenceProbe.run(ctx);
    const event = recorded(ctx);
    assert.deepEqual([event.signedIn, event.signedInBy, event.checkedHours, event.loginAgainAfterHours], [true, 'replayed-login', [0], 0]);
    const verdict = evaluateCheck('mandatory-login', evidence({ probes: probes({ login: event }) }));
    assert.equal(verdict.outcome, 'inconclusive');
    assert.match(verdict.reason ?? '', /会话不跨启动保存.*需审核人员判定/);
  });

  void it('goes on to move the clock when the replayed sign-in is kept', async () => {
    const ctx = context(loginApp(true), [loginScreen, homeScreen]);
    await loginCadenceProbe.run(ctx);
    const event = recorded(ctx);
    assert.deepEqual([event.signedIn, event.signedInBy, event.checkedHours], [true, 'replayed-login', [25, 73]]);
  });

  void it('waits out a 登录成功 toast over the login form before judging the replayed sign-in', async () => {
    const ctx = context(loginApp(true, 2), [loginScreen, homeScreen]);
    await loginCadenceProbe.run(ctx);
    const event = recorded(ctx);
    assert.deepEqual([event.signedIn, event.signedInBy], [true, 'replayed-login']);
  });

  void it('says it could not sign in when exploration recorded no path past the login', async () => {
    const ctx = context(loginApp(false), [loginScreen]);
    await loginCadenceProbe.run(ctx);
    assert.deepEqual([recorded(ctx).hasLogin, recorded(ctx).signedIn], [true, false]);
  });
});
