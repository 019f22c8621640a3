/** The HarmonyOS registry entry: capabilities from the prepared device, and a session whose `can` matches the tools offered. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadDeviceProfile } from '../../../src/devices/profile.js';
import { EvidenceStore } from '../../../src/evidence/store.js';
import { noSecrets } from '../../../src/evidence/secret-mask.js';
import type { DeviceSlot } from '../../../src/platforms/platform.js';
import { runnablePlatform } from '../../../src/platforms/registry.js';
import { writePreparedHarmonyDevice } from '../../../src/platforms/harmonyos/device-file.js';

const browser = { sessionId: 's-1' } as unknown as WebdriverIO.Browser;

void describe('the harmonyos platform entry', () => {
  const scratchDir = mkdtempSync(join(tmpdir(), 'harmony-platform-'));
  const slot: DeviceSlot = { ports: {}, scratchDir };
  const profile = loadDeviceProfile('sim-harmonyos');
  const app = { target: 'samples/harmony-violating.hap', packageFile: '/abs/harmony-violating.hap' };

  void it('is runnable through the harmonyos driver and refuses capabilities before the device is prepared', () => {
    const platform = runnablePlatform('harmonyos');
    assert.equal(platform.appiumDriver, 'harmonyos');
    assert.equal(typeof platform.prepareRun, 'function');
    assert.throws(() => platform.capabilities(profile, slot, app), /not prepared/);
  });

  void it('builds the driver capabilities from the prepared device, the slot udid winning', () => {
    writePreparedHarmonyDevice(scratchDir, { udid: 'sim-1', hdcPath: '/tmp/x/hdc', hdcServer: '10.0.0.5:8710', simulated: true, bundleName: 'cn.gov.example.zwfw' });
    const caps = runnablePlatform('harmonyos').capabilities(profile, { ...slot, udid: 'FMR0223' }, app) as Record<string, unknown>;
    assert.equal(caps.platformName, 'HarmonyOS');
    assert.equal(caps['appium:automationName'], 'HarmonyOS');
    assert.equal(caps['appium:app'], '/abs/harmony-violating.hap');
    assert.equal(caps['appium:udid'], 'FMR0223');
    assert.equal(caps['appium:hdcPath'], '/tmp/x/hdc');
    assert.equal(caps['appium:hdcServer'], '10.0.0.5:8710');
    assert.equal(caps['appium:autoGrantPermissions'], false);
  });

  void it('offers the probe tools its session says it can use', () => {
    const platform = runnablePlatform('harmonyos');
    const ctx = { app, profile, slot, store: new EvidenceStore(mkdtempSync(join(tmpdir(), 'harmony-store-')), noSecrets) };
    const session = platform.openSession(browser, ctx);
    const tools = platform.probeTools(browser, ctx);
    assert.equal(session.platform, 'harmonyos');
    assert.equal(session.can.networkObserved, tools.networkTap !== undefined);
    assert.equal(session.can.clockControl, tools.clockControl !== undefined);
    assert.equal(session.can.permissionControl, tools.permissionControl !== undefined);
    assert.ok(tools.performanceMeter);
  });
});
