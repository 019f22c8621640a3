import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InventoryDevice } from '../../src/devices/inventory.js';
import { DevicePool } from '../../src/farm/device-pool.js';

const dev = (id: string): InventoryDevice => ({ id, platform: 'h5', profile: 'pixel-7', udid: id, host: '127.0.0.1', ports: { appium: 5000 } });
const h5 = { name: 'pixel-7', platform: 'h5' as const };

describe('device pool', () => {
  it('leases a device to one audit at a time and waits for its release', async () => {
    const pool = new DevicePool([dev('a')], () => Promise.resolve(undefined), { deviceFailed: () => undefined, deviceSetAside: () => undefined }, 10);
    const first = await pool.acquire(h5);
    const second: { device?: InventoryDevice } = {};
    const waiting = pool.acquire(h5).then((d) => (second.device = d));
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(second.device, undefined, 'the only device is busy');
    pool.release(first!);
    await waiting;
    assert.equal((second.device as InventoryDevice | undefined)?.id, 'a');
  });

  it('a device failing its health check twice is set aside and the audit goes to another', async () => {
    const events: string[] = [];
    const pool = new DevicePool([dev('bad'), dev('good')], (d) => Promise.resolve(d.id === 'bad' ? '端口被占用' : undefined), {
      deviceFailed: (d) => events.push(`failed ${d.id}`),
      deviceSetAside: (d) => events.push(`aside ${d.id}`),
    }, 5);
    const got = await pool.acquire(h5);
    assert.equal(got?.id, 'good');
    pool.release(got);
    const again = await pool.acquire(h5);
    assert.equal(again?.id, 'good');
    assert.deepEqual(events, ['failed bad', 'failed bad', 'aside bad']);
    assert.deepEqual(pool.setAsideIds, ['bad']);
  });

  it('prefers a device the audit has not broken on; none left of the class → undefined', async () => {
    const pool = new DevicePool([dev('a'), dev('b')], () => Promise.resolve(undefined), { deviceFailed: () => undefined, deviceSetAside: () => undefined }, 5);
    assert.equal((await pool.acquire(h5, new Set(['a'])))?.id, 'b');
    pool.release(dev('b'));
    pool.fail(dev('a'), 'x');
    pool.fail(dev('a'), 'y');
    pool.fail(dev('b'), 'x');
    pool.fail(dev('b'), 'y');
    assert.equal(await pool.acquire(h5), undefined);
    assert.equal(await pool.acquire({ name: 'sim-android', platform: 'android' }), undefined);
  });
});

describe('device pool under concurrent leases', () => {
  it('never leases one device twice while another lease waits on a slow health check', async () => {
    const slow = (d: InventoryDevice) => new Promise<string | undefined>((r) => setTimeout(() => r(d.id === 'bad' ? 'x' : undefined), d.id === 'bad' ? 20 : 1));
    const pool = new DevicePool([dev('bad'), dev('a'), dev('b')], slow, { deviceFailed: () => undefined, deviceSetAside: () => undefined }, 5);
    const leased = await Promise.all([pool.acquire(h5), pool.acquire(h5)]);
    assert.deepEqual(leased.map((d) => d?.id).sort(), ['a', 'b']);
  });
});
