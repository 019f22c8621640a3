/**
 * The simulated phone's traffic through a lab proxy (mockttp) as a real phone's would go: device proxy setting +
 * adb reverse; the sample test build trusts user CAs, so the proxy reads its HTTPS; without that trust the TLS
 * handshake fails and the proxy learns nothing but the host.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as mockttp from 'mockttp';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { runAdb } from '../../src/sim/android/adb-commands.js';
import { SimAndroid } from '../../src/sim/android/sim-android.js';

const PKG = 'cn.gov.example.dangjian';

async function until(test: () => boolean, ms = 5000): Promise<void> {
  for (let t = 0; t < ms && !test(); t += 50) await new Promise((r) => setTimeout(r, 50));
}

describe('app traffic through a lab proxy', () => {
  let proxy: mockttp.Mockttp;
  let endpoint: mockttp.MockedEndpoint;
  const sims: SimAndroid[] = [];

  before(async () => {
    proxy = mockttp.getLocal({ https: await mockttp.generateCACertificate() });
    await proxy.start();
    endpoint = await proxy.forAnyRequest().thenReply(200, '{"ok":true}');
  });
  after(async () => {
    for (const s of sims) await s.close();
    await proxy.stop();
  });

  async function launchBehindProxy(trustsUserCa: boolean): Promise<SimAndroid> {
    const sim = new SimAndroid('sim-proxy');
    sims.push(sim);
    await runAdb(sim, ['install', join(PROJECT_ROOT, 'samples', 'android-violating.apk')]);
    const model = sim.device.packages.get(PKG)!.model!;
    model.coldStartMs = 0;
    model.trustsUserCa = trustsUserCa;
    await runAdb(sim, ['shell', 'settings', 'put', 'global', 'http_proxy', '127.0.0.1:8888']);
    await runAdb(sim, ['reverse', 'tcp:8888', `tcp:${proxy.port}`]);
    await runAdb(sim, ['shell', 'am', 'start', '-W', '-n', `${PKG}/.ui.MainActivity`]);
    return sim;
  }

  it('the proxy sees the decrypted launch requests of an app that trusts user CAs', async () => {
    const sim = await launchBehindProxy(true);
    await until(() => sim.sent.length >= 2);
    const seen = await endpoint.getSeenRequests();
    const register = seen.find((r) => r.url === 'https://api.dangjian-yun.example/v1/device/register');
    assert.ok(register, JSON.stringify(seen.map((r) => r.url)) + JSON.stringify(sim.sent));
    assert.equal(register.method, 'POST');
    assert.deepEqual(await register.body.getJson(), { imei: '864512043218890', androidId: 'a1b2c3d4e5f60718', model: 'sim_android_13' });
    assert.ok(sim.sent.every((s) => s.via === '127.0.0.1:8888' && s.status === 200), JSON.stringify(sim.sent));
  });

  it('an app that does not trust the lab CA fails its TLS handshake and nothing is decrypted', async () => {
    const before = (await endpoint.getSeenRequests()).length;
    const sim = await launchBehindProxy(false);
    await until(() => sim.sent.length >= 2);
    assert.ok(sim.sent.length >= 2);
    assert.ok(sim.sent.every((s) => s.error && s.status === undefined), JSON.stringify(sim.sent));
    assert.equal((await endpoint.getSeenRequests()).length, before);
  });
});
