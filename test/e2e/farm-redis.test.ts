/**
 * The same kind of batch through Redis: a private redis-server (appendonly), two worker processes with
 * one H5 device each, `batch --redis` enqueuing and collecting into a shared folder. One worker is
 * SIGKILLed (its whole process group) mid-audit and Redis is restarted: the audit goes back to the
 * queue and is redone from its start, nothing is lost or done twice, verdicts match single runs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readJournal } from '../../src/farm/journal.js';
import { loadManifest } from '../../src/farm/manifest.js';
import { assertValidSummary } from '../../src/farm/write-summary.js';
import { startRedis, type PrivateRedis } from '../helpers/redis-server.js';
import { comparable, exploring, farmSubmissions, h5Inventory, readVerdict, singleRuns, startGroup, waitFor, writeManifest } from './farm-helpers.js';

describe('govapp-audit batch through Redis with two workers', () => {
  let redis: PrivateRedis | undefined;
  const groups: number[] = [];
  after(async () => {
    for (const pid of groups) try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ }
    await redis?.stop();
  });

  it('a worker killed mid-audit and a Redis restart lose nothing; verdicts as single runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-farm-redis-'));
    const out = join(dir, 'shared-out');
    redis = await startRedis();
    const w1 = await h5Inventory('ra', 1, dir);
    const w2 = await h5Inventory('rb', 1, dir, w1.devices.flatMap((d) => [d.ports.appium, d.ports.chromedriverPort ?? 0]));
    const manifest = writeManifest(dir, farmSubmissions(false));
    const worker = (inv: string, log: string) => {
      const started = startGroup(['worker', '--redis', redis!.url, '--inventory', inv], join(dir, log));
      groups.push(started.child.pid!);
      return started;
    };
    const first = worker(w1.file, 'w1.log');
    worker(w2.file, 'w2.log');
    const batch = startGroup(['batch', manifest, '--redis', redis.url, '--out', out], join(dir, 'batch.log'));

    const w1Log = () => readFileSync(join(dir, 'w1.log'), 'utf8');
    await waitFor(() => /设备 ra1 开始 (\S+)/.test(w1Log()), 120_000, 'worker 1 to start an audit');
    const killedAudit = /设备 ra1 开始 (\S+)/.exec(w1Log())![1]!.replace(/（.*$/, '');
    // Killed mid-audit: once its Chromium session explores the app.
    await waitFor(() => exploring(join(out, 'audits', killedAudit)), 120_000, `${killedAudit} to explore on worker 1`);
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.done;
    await redis.stop();
    await redis.restart();
    // The machine of worker 1 comes back: a new worker on the same devices (it sweeps what the dead one left).
    worker(w1.file, 'w1-again.log');

    const code = await batch.done;
    assert.equal(code, 1, readFileSync(join(dir, 'batch.log'), 'utf8'));
    const entries = readJournal(out);
    const keys = loadManifest(manifest).audits.map((a) => a.key);
    for (const key of keys) assert.equal(entries.filter((e) => e.type === 'done' && e.audit === key).length, 1, `${key} done exactly once`);
    const starts = entries.filter((e) => e.type === 'start' && e.audit === killedAudit);
    assert.ok(starts.length >= 2, `${killedAudit} (cut by the kill) was started again: ${JSON.stringify(starts)}`);
    assert.equal(readVerdict(join(out, 'audits', killedAudit)).complete, true);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as unknown;
    assertValidSummary(summary);
    assert.equal(summary.batch.mode, 'redis');
    assert.equal(summary.totals.error + summary.totals.pending, 0);

    const singles = await singleRuns(loadManifest(manifest).audits);
    for (const [key, single] of singles) {
      assert.deepEqual(comparable(readVerdict(join(out, 'audits', key))), comparable(single), `${key}: verdict through Redis as a single run`);
    }
  });
});
