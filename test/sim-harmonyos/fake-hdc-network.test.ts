/**
 * The simulated HarmonyOS device's network through the lab proxy, driven as a run drives it: the WLAN proxy
 * set to 127.0.0.1:P (by hand on a real device), `hdc rport tcp:P tcp:P` to reach the host, the capture
 * proxy on the host. Without the rport the app's requests fail (nothing listens on the device's loopback);
 * with it the proxy sees them, HTTPS decrypted, bodies included.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import type { ObservedRequest } from '../../src/device/device-session.js';
import { CaptureProxy } from '../../src/platforms/shared/network-proxy/capture-proxy.js';
import { startSimHarmony, type SimHarmonyHandle } from '../../src/sim/harmonyos/start-sim-harmonyos.js';

const run = promisify(execFile);
const VIOLATING = join(PROJECT_ROOT, 'samples', 'harmony-violating.hap');
const UPLOAD = 'https://zwfw.example.gov.cn/api/track/upload';

async function until<T>(what: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = what();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

void describe('simulated hdc network through the lab proxy', () => {
  let h: SimHarmonyHandle;
  let proxy: CaptureProxy;
  const seen: ObservedRequest[] = [];
  const hdc = async (...args: string[]): Promise<string> => (await run(h.hdcPath, ['-t', h.udid, ...args])).stdout;
  const launch = async (): Promise<void> => {
    await hdc('shell', 'aa force-stop cn.gov.example.zwfw');
    await hdc('shell', 'aa start -a EntryAbility -b cn.gov.example.zwfw');
  };

  before(async () => {
    h = await startSimHarmony();
    proxy = await CaptureProxy.start({ scratchDir: mkdtempSync(join(tmpdir(), 'fake-hdc-net-')), upstream: 'answer-locally' });
    await hdc('install', '-r', VIOLATING);
    h.sim.setWlanProxy(`127.0.0.1:${proxy.port}`);
  });
  after(async () => {
    await h.stop();
    await proxy.stop();
  });

  void it('fails the app\'s requests while no rport leads the device\'s loopback port to the host', async () => {
    await launch();
    const sent = await until(() => h.sim.sent.find((s) => s.url === UPLOAD));
    assert.match(sent.error ?? '', /no hdc rport/);
    assert.equal(sent.via, `127.0.0.1:${proxy.port}`);
  });

  void it('sends them through the proxy once `hdc rport` routes the port, HTTPS decrypted with the body', async () => {
    assert.match(await hdc('rport', `tcp:${proxy.port}`, `tcp:${proxy.port}`), /Forwardport result:OK/);
    assert.match(await hdc('fport', 'ls'), new RegExp(`tcp:${proxy.port} tcp:${proxy.port}\\s+\\[Reverse\\]`));
    await launch();
    const upload = await until(() => { seen.push(...proxy.drain()); return seen.find((r) => r.url === UPLOAD); });
    assert.equal(upload.method, 'POST');
    assert.match(upload.postData ?? '', /trajectory/);
    assert.equal(upload.status, 200);
  });

  void it('stops routing when the rport task is removed', async () => {
    assert.match(await hdc('fport', 'rm', `tcp:${proxy.port}`, `tcp:${proxy.port}`), /success/);
    h.sim.sent.length = 0;
    await launch();
    const sent = await until(() => h.sim.sent.find((s) => s.url === UPLOAD));
    assert.match(sent.error ?? '', /no hdc rport/);
  });
});
