/**
 * The HarmonyOS run's route to the capture proxy: on the double, `hdc rport` + the WLAN proxy, undone in
 * reverse at stop; on a real device without a hand-set proxy declared in the inventory, not observed, saying why;
 * the lab CA folder must hold the CA the devices trust.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labCa, LAB_CA_ENV, NO_HAND_SET_PROXY, routeHarmonyThroughProxy } from '../../../src/platforms/harmonyos/network-route.js';
import type { PreparedHarmonyDevice } from '../../../src/platforms/harmonyos/device-file.js';
import { startSimHarmony } from '../../../src/sim/harmonyos/start-sim-harmonyos.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'harmony-route-'));

void describe('HarmonyOS network route', () => {
  void it('routes the double through rport and its WLAN proxy, and undoes both (proxy setting first) at stop', async () => {
    const h = await startSimHarmony();
    const stops: (() => Promise<unknown>)[] = [];
    try {
      const device: PreparedHarmonyDevice = { udid: h.udid, hdcPath: h.hdcPath, simulated: true };
      await routeHarmonyThroughProxy(device, { ports: {}, scratchDir: scratch() }, h.sim, stops);
      const port = device.proxy?.port;
      assert.ok(port, device.networkNotObserved);
      assert.equal(h.sim.device.proxyAddress, `127.0.0.1:${port}`);
      assert.equal(h.sim.ports.resolveProxy(`127.0.0.1:${port}`), `127.0.0.1:${port}`);
      for (const s of stops.splice(0).reverse()) await s();
      assert.equal(h.sim.device.proxyAddress, undefined);
      assert.equal(h.sim.ports.resolveProxy(`127.0.0.1:${port}`), null, 'the rport task is removed');
    } finally {
      for (const s of stops.reverse()) await s();
      await h.stop();
    }
  });

  void it('leaves a real device unobserved, with the reason, when the inventory declares no hand-set proxy port', async () => {
    const device: PreparedHarmonyDevice = { udid: 'FMR0223C13000649', hdcPath: '/nonexistent/hdc', simulated: false };
    const stops: (() => Promise<unknown>)[] = [];
    await routeHarmonyThroughProxy(device, { ports: {}, scratchDir: scratch() }, undefined, stops);
    assert.equal(device.proxy, undefined);
    assert.equal(device.networkNotObserved, NO_HAND_SET_PROXY);
    assert.equal(stops.length, 0, 'no proxy was started');
  });

  void it('takes the lab CA from its folder and names what is missing', () => {
    const dir = scratch();
    assert.equal(labCa({}), undefined);
    assert.throws(() => labCa({ [LAB_CA_ENV]: dir }), /must hold ca\.key and ca\.pem/);
    writeFileSync(join(dir, 'ca.key'), 'k');
    writeFileSync(join(dir, 'ca.pem'), 'c');
    assert.deepEqual(labCa({ [LAB_CA_ENV]: dir }), { keyPath: join(dir, 'ca.key'), certPath: join(dir, 'ca.pem') });
  });
});
