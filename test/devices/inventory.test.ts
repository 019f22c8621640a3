import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { DEVICES_DIR } from '../../src/core/paths.js';
import { deviceServes, loadInventory, parseInventory } from '../../src/devices/inventory.js';
import { bundledProfileNames } from '../../src/devices/profile.js';

const device = (over: Record<string, unknown> = {}) => ({ id: 'a', platform: 'h5', profile: 'pixel-7', udid: 'slot-a', host: '127.0.0.1', ports: { appium: 4800, chromedriverPort: 9600 }, ...over });

describe('device inventory', () => {
  it('loads the example: two H5 Chromium slots with their own ports', () => {
    const inv = loadInventory(join(DEVICES_DIR, 'inventory.example.json'));
    assert.equal(inv.devices.length, 2);
    assert.ok(inv.devices.every((d) => d.platform === 'h5'));
    assert.notEqual(inv.devices[0]!.ports.appium, inv.devices[1]!.ports.appium);
  });

  it('names the field of a schema mistake in one sentence', () => {
    assert.throws(() => parseInventory({ devices: [device({ ports: { appium: 80 } })] }, 'x.json'), (e: Error) => /\/devices\/0\/ports\/appium must be >= 1024/.test(e.message) && !e.message.includes('\n'));
    assert.throws(() => parseInventory({ devices: [device({ serial: 'x' })] }, 'x.json'), /unknown field "serial"/);
  });

  it('refuses a repeated id, a port used twice on a host, and a profile of another platform', () => {
    assert.throws(() => parseInventory({ devices: [device(), device({ ports: { appium: 4801 } })] }, 'x.json'), /repeats the id "a"/);
    assert.throws(() => parseInventory({ devices: [device(), device({ id: 'b', ports: { appium: 4801, chromedriverPort: 9600 } })] }, 'x.json'), /9600 on 127\.0\.0\.1 is already used by a \(chromedriverPort\)/);
    // The same port on another host is another server.
    assert.doesNotThrow(() => parseInventory({ devices: [device(), device({ id: 'b', host: '10.0.0.2' })] }, 'x.json'));
    assert.throws(() => parseInventory({ devices: [device({ platform: 'android' })] }, 'x.json'), /android device but its profile "pixel-7" is for h5/);
    assert.throws(() => parseInventory({ devices: [device({ profile: 'pixel-8' })] }, 'x.json'), /profile: Unknown device profile "pixel-8"/);
  });

  it('an H5 slot serves every h5 class, a native device only its own', () => {
    const h5 = parseInventory({ devices: [device()] }, 'x').devices[0]!;
    assert.equal(deviceServes(h5, { name: 'small-phone', platform: 'h5' }), true);
    assert.equal(deviceServes(h5, { name: 'pixel-7', platform: 'android' }), false);
    const native = { ...h5, platform: 'android' as const, profile: 'sim-android' };
    assert.equal(deviceServes(native, { name: 'sim-android', platform: 'android' }), true);
    assert.equal(deviceServes(native, { name: 'other-android', platform: 'android' }), false);
  });

  it('is not mistaken for a device profile', () => {
    assert.ok(!bundledProfileNames().some((n) => n.startsWith('inventory')));
  });
});
