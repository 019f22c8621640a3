import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRunArgs } from '../../src/cli/args.js';
import type { InventoryDevice } from '../../src/devices/inventory.js';
import { readAttempt, runArguments } from '../../src/farm/audit-child.js';
import type { PlannedAudit } from '../../src/farm/manifest.js';

const device: InventoryDevice = { id: 's1', platform: 'h5', profile: 'pixel-7', udid: 's1', host: '127.0.0.1', ports: { appium: 4901, chromedriverPort: 9701 } };
const audit: PlannedAudit = { key: 'a@small-phone', submission: 'a', app: '/apps/a', deviceClass: 'small-phone', platform: 'h5', budget: 30, maxActions: 50, credentials: '/lab/acct.json', testData: '/lab/data.json', exempt: ['forced-check-in:安保'], report: false };

describe('an audit of a batch as a run', () => {
  it('passes the device ports, the class and the lab files to `run`, which accepts them', () => {
    const args = runArguments(audit, device, '/out/audits/a@small-phone');
    assert.equal(args[0], 'run');
    const parsed = parseRunArgs(args.slice(1));
    assert.deepEqual(parsed, {
      app: '/apps/a', device: 'small-phone', out: '/out/audits/a@small-phone', budget: 30, appiumPort: 4901, chromedriverPort: 9701,
      maxActions: 50, credentials: '/lab/acct.json', testData: '/lab/data.json', exempt: ['forced-check-in:安保'], noReport: true,
    });
  });

  it('a complete verdict is done; an incomplete one blames the device; none at all blames the submission', () => {
    assert.deepEqual(readAttempt({ exitCode: 2, verdict: { outcome: 'inconclusive', complete: true }, durationMs: 1 }), { kind: 'done', outcome: 'inconclusive', complete: true });
    assert.deepEqual(readAttempt({ exitCode: 2, verdict: { outcome: 'inconclusive', complete: false, incompleteReason: '会话启动失败' }, durationMs: 1 }), { kind: 'device-problem', reason: '会话启动失败' });
    assert.equal(readAttempt({ exitCode: null, durationMs: 1 }).kind, 'device-problem');
    assert.deepEqual(readAttempt({ exitCode: 2, lastError: '--app x does not exist', durationMs: 1 }), { kind: 'submission-problem', reason: '--app x does not exist' });
  });
});
