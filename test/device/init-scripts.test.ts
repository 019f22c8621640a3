/**
 * Init scripts of the H5 session: the tap recorder once per WebDriver session, the dialog hook
 * again when the dismiss pattern changes, nothing when DevTools is missing; and the dialog hook's
 * answers by pattern.
 */
import assert from 'node:assert/strict';
import { createContext, runInContext } from 'node:vm';
import { describe, it } from 'node:test';
import type { Cdp } from '../../src/platforms/h5/cdp.js';
import { serverUrlOf } from '../../src/platforms/h5/cdp.js';
import { installInitScripts } from '../../src/platforms/h5/init-scripts.js';
import { dialogHookScript, TAP_LISTENER_RECORDER } from '../../src/platforms/h5/page-scripts.js';

function fakeCdp(fail = false): Cdp & { sent: { cmd: string; source?: string }[] } {
  let next = 0;
  const sent: { cmd: string; source?: string }[] = [];
  return {
    sent,
    send<T>(cmd: string, params: Record<string, unknown> = {}): Promise<T> {
      if (fail) return Promise.reject(new Error(`CDP ${cmd} failed: HTTP 404`));
      sent.push({ cmd, ...(typeof params.source === 'string' ? { source: params.source } : {}) });
      return Promise.resolve({ identifier: String(++next) } as T);
    },
  };
}

const browser = (sessionId: string) => ({ sessionId }) as unknown as WebdriverIO.Browser;

describe('installInitScripts', () => {
  it('adds the recorder and the dialog hook once per session', async () => {
    const cdp = fakeCdp();
    const b = browser('s1');
    assert.equal(await installInitScripts(b, '退出', cdp), true);
    assert.deepEqual(cdp.sent.map((s) => s.cmd), ['Page.enable', 'Page.addScriptToEvaluateOnNewDocument', 'Page.addScriptToEvaluateOnNewDocument']);
    assert.equal(cdp.sent[1]?.source, TAP_LISTENER_RECORDER);
    assert.equal(cdp.sent[2]?.source, dialogHookScript('退出'));
    await installInitScripts(b, '退出', cdp);
    assert.equal(cdp.sent.length, 3);
  });

  it('replaces only the dialog hook when the pattern changes, and adds both again on a new session', async () => {
    const cdp = fakeCdp();
    const b = browser('s1') as unknown as { sessionId: string };
    await installInitScripts(b as unknown as WebdriverIO.Browser, 'a', cdp);
    await installInitScripts(b as unknown as WebdriverIO.Browser, 'b', cdp);
    assert.deepEqual(cdp.sent.slice(3).map((s) => s.cmd), ['Page.removeScriptToEvaluateOnNewDocument', 'Page.addScriptToEvaluateOnNewDocument']);
    b.sessionId = 's2';
    await installInitScripts(b as unknown as WebdriverIO.Browser, 'b', cdp);
    assert.deepEqual(cdp.sent.slice(5).map((s) => s.source === TAP_LISTENER_RECORDER ? 'recorder' : s.cmd), ['Page.enable', 'recorder', 'Page.addScriptToEvaluateOnNewDocument']);
  });

  it('says false and leaves the page alone without DevTools', async () => {
    assert.equal(await installInitScripts(browser('s1'), 'a', fakeCdp(true)), false);
  });
});

describe('dialog hook', () => {
  it('accepts confirms unless they match the latest pattern, cancels prompts, and logs each', () => {
    const window: Record<string, unknown> = {};
    const context = createContext({ window, RegExp, String });
    runInContext(dialogHookScript('退出登录'), context);
    const confirm = window.confirm as (m: string) => boolean;
    assert.equal(confirm('确认提交？'), true);
    assert.equal(confirm('确定退出登录？'), false);
    runInContext(dialogHookScript('提交'), context);
    assert.equal((window.confirm as (m: string) => boolean)('确认提交？'), false);
    assert.equal((window.prompt as (m: string) => unknown)('姓名'), null);
    assert.deepEqual(Array.from(window.__govappDialogs as { accepted: boolean }[], (d) => d.accepted), [true, false, false, false]);
  });
});

describe('serverUrlOf', () => {
  it('builds the Appium URL from WebdriverIO options without a trailing slash', () => {
    assert.equal(serverUrlOf({ hostname: '127.0.0.1', port: 4800, path: '/' }), 'http://127.0.0.1:4800');
    assert.equal(serverUrlOf({ protocol: 'https', hostname: 'grid', port: 443, path: '/wd/hub/' }), 'https://grid:443/wd/hub');
  });
});
