/** The platform registry: one entry per PlatformId; what a platform offers is said by its entry, its session's `can` and its tools alike. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuditError } from '../../src/core/errors.js';
import { CapabilityMissingError } from '../../src/device/device-session.js';
import { loadDeviceProfile } from '../../src/devices/profile.js';
import { PLATFORM_IDS } from '../../src/platforms/platform-id.js';
import type { DeviceSlot } from '../../src/platforms/platform.js';
import { platformOf, PLATFORMS, runnablePlatform, URL_APP_PLATFORM } from '../../src/platforms/registry.js';

/** Enough of a WebdriverIO browser for building a session and tools (nothing is sent). */
const browser = { options: { hostname: '127.0.0.1', port: 4723, path: '/' }, sessionId: 's-1' } as unknown as WebdriverIO.Browser;
const slot: DeviceSlot = { ports: { appium: 4723, chromedriverPort: 9515 }, scratchDir: '/tmp/govapp-audit-run-x' };

void describe('platform registry', () => {
  void it('has one entry per platform id, keyed by its own id', () => {
    assert.deepEqual(Object.keys(PLATFORMS).sort(), [...PLATFORM_IDS].sort());
    for (const id of PLATFORM_IDS) assert.equal(platformOf(id).id, id);
  });

  void it('says in one sentence that a platform is not available yet, from every device call', () => {
    for (const platform of Object.values(PLATFORMS).filter((p) => p.unavailable)) {
      assert.match(platform.unavailable ?? '', /^[^\n]+\.$/, platform.id);
      assert.throws(() => runnablePlatform(platform.id), (e: unknown) => e instanceof AuditError && e.code === 'unsupported-platform' && e.message === platform.unavailable);
      assert.throws(() => platform.systemCheck(), AuditError);
      assert.throws(() => platform.openSession(browser, { app: { target: 'x' }, profile: loadDeviceProfile('pixel-7'), slot }), AuditError);
    }
  });

  void it('runs an app given by URL on H5 through the chromium driver, with the profile\'s viewport and the slot\'s chromedriver port', () => {
    const h5 = runnablePlatform(URL_APP_PLATFORM);
    assert.equal(h5.appiumDriver, 'chromium');
    const profile = loadDeviceProfile('pixel-7');
    const caps = h5.capabilities(profile, slot, { target: 'http://127.0.0.1:8080/', url: 'http://127.0.0.1:8080/' }) as Record<string, unknown>;
    assert.equal(caps['appium:chromedriverPort'], 9515);
    const chrome = caps['goog:chromeOptions'] as { args: string[]; mobileEmulation: { deviceMetrics: { width: number } } };
    assert.equal(chrome.mobileEmulation.deviceMetrics.width, profile.viewport?.width);
    assert.ok(chrome.args.includes('--user-data-dir=/tmp/govapp-audit-run-x/chromium-profile'));
  });

  void it('offers on H5 the probe tools its session says it can use, the loopback server only for a served folder', () => {
    const h5 = platformOf(URL_APP_PLATFORM);
    const ctx = { app: { target: 'samples/x', url: 'http://127.0.0.1:8080/' }, profile: loadDeviceProfile('pixel-7'), slot };
    const session = h5.openSession(browser, ctx);
    const tools = h5.probeTools(browser, ctx);
    assert.equal(session.can.networkObserved, tools.networkTap !== undefined);
    assert.equal(session.can.clockControl, tools.clockControl !== undefined);
    assert.equal(session.can.permissionControl, tools.permissionControl !== undefined);
    assert.ok(tools.performanceMeter && tools.inputTimer);
    assert.equal(tools.loopbackServer, undefined);
    const served = h5.probeTools(browser, { ...ctx, serveOverIpv6: () => Promise.reject(new Error('not here')) });
    assert.ok(served.loopbackServer);
  });
});

void describe('CapabilityMissingError', () => {
  void it('names the platform and the capability', () => {
    const error = new CapabilityMissingError('android', 'clockControl');
    assert.equal(error.code, 'capability-missing');
    assert.match(error.message, /android session cannot do "clockControl"/);
  });
});
