import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { etaMs, progressLine } from '../../src/farm/progress.js';

describe('batch progress', () => {
  it('says done/running/queued and devices busy; no ETA before the first audit finished', () => {
    const line = progressLine({ total: 8, done: 3, running: 2, devicesBusy: 2, devices: 2, durationsMs: [] }, 65_000);
    assert.equal(line, '[01:05] 完成 3/8  运行中 2  排队 3  设备忙 2/2');
  });

  it('ETA = audits left × mean duration ÷ devices, counting down since the last finished audit', () => {
    const c = { total: 6, done: 2, running: 2, devicesBusy: 2, devices: 2, durationsMs: [60_000, 80_000], lastDoneAt: 1_000_000 };
    assert.equal(etaMs(c, 1_000_000), 140_000);
    assert.equal(etaMs(c, 1_030_000), 110_000);
    assert.equal(etaMs(c, 2_000_000), 0);
  });
});
