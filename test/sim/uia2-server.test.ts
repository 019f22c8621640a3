/** The simulated UiAutomator2 server over HTTP: sessions, lookup, W3C tap, back, scroll gesture, stale elements. */
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { runAdb } from '../../src/sim/android/adb-commands.js';
import { SimAndroid } from '../../src/sim/android/sim-android.js';

const PKG = 'cn.gov.example.dangjian';
const KEY = 'element-6066-11e4-a52e-4f735466cecf';

describe('simulated UiAutomator2 server', () => {
  const sim = new SimAndroid('sim-uia2');
  let port = 0;
  let sid = '';

  const call = (method: string, path: string, body?: unknown): Promise<{ status: number; value: unknown }> => new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, value: (JSON.parse(text) as { value: unknown }).value }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
  const find = async (strategy: string, selector: string): Promise<string> => {
    const r = await call('POST', `/session/${sid}/element`, { strategy, selector });
    assert.equal(r.status, 200, JSON.stringify(r.value));
    return (r.value as Record<string, string>)[KEY]!;
  };
  const source = async (): Promise<string> => (await call('GET', `/session/${sid}/source`)).value as string;

  before(async () => {
    port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    await runAdb(sim, ['install', join(PROJECT_ROOT, 'samples', 'android-violating.apk')]);
    sim.device.packages.get(PKG)!.model!.coldStartMs = 0;
    sim.device.setPermission(PKG, 'android.permission.CAMERA', true);
    sim.device.setPermission(PKG, 'android.permission.ACCESS_FINE_LOCATION', true);
    await runAdb(sim, ['shell', 'am', 'start', '-W', '-n', `${PKG}/.ui.MainActivity`]);
    await runAdb(sim, ['forward', `tcp:${port}`, 'tcp:6790']);
    sim.instrumentationRunning = true;
    sid = ((await call('POST', '/session', { capabilities: { firstMatch: [{ platformName: 'Android' }] } })).value as { sessionId: string }).sessionId;
  });
  after(() => sim.close());

  it('a W3C pointer tap opens the screen under it; back returns', async () => {
    const rank = await find('xpath', '//*[@text="积分排名"]');
    const rect = (await call('GET', `/session/${sid}/element/${rank}/rect`)).value as { x: number; y: number; width: number; height: number };
    const x = rect.x + 10;
    const y = rect.y + 10;
    await call('POST', `/session/${sid}/actions`, { actions: [{ type: 'pointer', id: 'finger1', parameters: { pointerType: 'touch' }, actions: [{ type: 'pointerMove', duration: 0, x, y }, { type: 'pointerDown', button: 0 }, { type: 'pause', duration: 50 }, { type: 'pointerUp', button: 0 }] }] });
    assert.match(await source(), /支部内排名/);
    await call('POST', `/session/${sid}/back`);
    assert.match(await source(), /马上签到/);
  });

  it('an element of a screen that is gone is stale', async () => {
    const signIn = await find('id', 'btn_sign_in');
    await call('POST', `/session/${sid}/element/${signIn}/click`);
    const r = await call('GET', `/session/${sid}/element/${signIn}/text`);
    assert.equal(r.status, 404);
    assert.equal((r.value as { error: string }).error, 'stale element reference');
    await call('POST', `/session/${sid}/back`);
  });

  it('a scroll gesture on the ranking list brings later rows into the hierarchy', async () => {
    await call('POST', `/session/${sid}/element/${await find('xpath', '//*[@text="积分排名"]')}/click`);
    assert.doesNotMatch(await source(), /胡晓明/);
    const list = await find('id', 'rv_rank');
    const moved = await call('POST', `/session/${sid}/appium/gestures/scroll`, { origin: { [KEY]: list }, direction: 'down', percent: 1 });
    assert.equal(moved.value, true);
    assert.match(await source(), /胡晓明/);
  });

  it('a scroll gesture over an area, as the driver sends it (area nested in the body), scrolls the list under it', async () => {
    await call('POST', `/session/${sid}/element/${await find('xpath', '//*[@text="积分排名"]')}/click`);
    const bounds = /resource-id="[^"]*rv_rank"[^>]*bounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"/.exec(await source()) ?? /bounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"[^>]*resource-id="[^"]*rv_rank"/.exec(await source());
    assert.ok(bounds, 'the ranking list and its bounds are in the source');
    const [l, t, r, b] = bounds.slice(1).map(Number) as [number, number, number, number];
    // The test before scrolled this list to its end: back up, by area this time.
    const moved = await call('POST', `/session/${sid}/appium/gestures/scroll`, { area: { left: l, top: t, width: r - l, height: b - t }, direction: 'up', percent: 1 });
    assert.equal(moved.value, true);
    assert.doesNotMatch(await source(), /胡晓明/);
  });

  it('a missing element is a 404 no such element; an unknown route is 404 unknown command and noted', async () => {
    const r = await call('POST', `/session/${sid}/element`, { strategy: 'id', selector: 'nope' });
    assert.deepEqual([r.status, (r.value as { error: string }).error], [404, 'no such element']);
    const u = await call('GET', `/session/${sid}/appium/nothing`);
    assert.deepEqual([u.status, (u.value as { error: string }).error], [404, 'unknown command']);
    assert.ok(sim.counters.unknown.some((x) => x.includes('/appium/nothing')));
  });
});
