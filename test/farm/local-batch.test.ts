import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { InventoryDevice } from '../../src/devices/inventory.js';
import type { ChildResult } from '../../src/farm/audit-child.js';
import { batchState, Journal, readJournal } from '../../src/farm/journal.js';
import { runLocalBatch, type LocalBatchDeps } from '../../src/farm/local-batch.js';
import type { PlannedAudit } from '../../src/farm/manifest.js';

const dev = (id: string): InventoryDevice => ({ id, platform: 'h5', profile: 'pixel-7', udid: id, host: '127.0.0.1', ports: { appium: 5000 } });
const audit = (key: string): PlannedAudit => ({ key, submission: key.split('@')[0]!, app: '/x', deviceClass: 'pixel-7', platform: 'h5', budget: 1, exempt: [], report: false });
const ok = (outcome: 'pass' | 'fail' = 'fail'): ChildResult => ({ exitCode: outcome === 'pass' ? 0 : 1, verdict: { outcome, complete: true }, durationMs: 5 });

function fakeDeps(behave: (a: PlannedAudit, d: InventoryDevice) => ChildResult, log: string[]): LocalBatchDeps & { maxRunning: number } {
  let running = 0;
  const busy = new Set<string>();
  const deps = {
    maxRunning: 0,
    retryMs: 5,
    health: () => Promise.resolve(undefined),
    runChild: async (a: PlannedAudit, d: InventoryDevice) => {
      assert.ok(!busy.has(d.id), `device ${d.id} leased twice at once`);
      busy.add(d.id);
      running++;
      deps.maxRunning = Math.max(deps.maxRunning, running);
      log.push(`${a.key}@${d.id}`);
      await new Promise((r) => setTimeout(r, 15));
      running--;
      busy.delete(d.id);
      return behave(a, d);
    },
  };
  return deps;
}

function batch(dir: string, audits: PlannedAudit[], devices: InventoryDevice[], deps: LocalBatchDeps): Promise<void> {
  const journal = new Journal(dir);
  return runLocalBatch(audits, devices, dir, journal, deps).finally(() => journal.close());
}

describe('local batch', () => {
  it('runs every audit once, as many at once as there are devices', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batch-'));
    const log: string[] = [];
    const deps = fakeDeps(() => ok(), log);
    const audits = ['a@p', 'b@p', 'c@p', 'd@p', 'e@p'].map(audit);
    await batch(dir, audits, [dev('d1'), dev('d2')], deps);
    assert.equal(deps.maxRunning, 2);
    assert.equal(log.length, 5);
    const state = batchState(readJournal(dir));
    assert.deepEqual([...state.done.keys()].sort(), audits.map((a) => a.key));
  });

  it('an audit that breaks on a device is redone on another; the device failing twice is set aside', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batch-'));
    const log: string[] = [];
    const deps = fakeDeps((_a, d) => (d.id === 'flaky' ? { exitCode: 2, verdict: { outcome: 'inconclusive', complete: false, incompleteReason: '会话启动失败' }, durationMs: 1 } : ok('pass')), log);
    await batch(dir, ['a@p', 'b@p', 'c@p', 'd@p'].map(audit), [dev('flaky'), dev('good')], deps);
    const entries = readJournal(dir);
    const state = batchState(entries);
    assert.equal(state.done.size, 4);
    assert.ok([...state.done.values()].every((d) => d.device === 'good' && d.outcome === 'pass'));
    assert.equal(entries.filter((e) => e.type === 'device-set-aside' && e.device === 'flaky').length, 1);
    assert.equal(log.filter((l) => l.endsWith('@flaky')).length, 2, 'flaky gets no audit after its second failure');
  });

  it('a submission that cannot run is done as an error, not retried, and blames no device', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batch-'));
    const log: string[] = [];
    const deps = fakeDeps((a) => (a.key === 'bad@p' ? { exitCode: 2, lastError: '--app https://x does not answer', durationMs: 1 } : ok()), log);
    await batch(dir, ['bad@p', 'b@p'].map(audit), [dev('d1')], deps);
    const state = batchState(readJournal(dir));
    assert.equal(state.done.get('bad@p')?.outcome, 'error');
    assert.match(state.done.get('bad@p')?.error ?? '', /does not answer/);
    assert.equal(log.filter((l) => l.startsWith('bad@p')).length, 1);
    assert.ok(!readJournal(dir).some((e) => e.type === 'device-failed'));
  });

  it('resuming keeps finished audits, redoes the cut one, keeps one whose verdict was written before the kill', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batch-'));
    const j = new Journal(dir);
    const t0 = new Date(Date.now() - 60_000).toISOString();
    j.append({ type: 'start', at: t0, audit: 'done@p', device: 'd1', host: 'h', attempt: 1 });
    j.append({ type: 'done', at: t0, audit: 'done@p', device: 'd1', host: 'h', outcome: 'fail', exitCode: 1, complete: true, durationMs: 9 });
    j.append({ type: 'start', at: t0, audit: 'cut@p', device: 'd2', host: 'h', attempt: 1 });
    j.append({ type: 'start', at: t0, audit: 'finished@p', device: 'd1', host: 'h', attempt: 1 });
    j.close();
    // finished@p's child wrote a complete verdict; the batch died before its `done` line.
    mkdirSync(join(dir, 'audits', 'finished@p'), { recursive: true });
    writeFileSync(join(dir, 'audits', 'finished@p', 'verdict.json'), JSON.stringify({ outcome: 'pass', complete: true, finishedAt: new Date().toISOString() }));
    // cut@p left an incomplete one.
    mkdirSync(join(dir, 'audits', 'cut@p'), { recursive: true });
    writeFileSync(join(dir, 'audits', 'cut@p', 'verdict.json'), JSON.stringify({ outcome: 'inconclusive', complete: false, finishedAt: new Date().toISOString() }));
    const log: string[] = [];
    await batch(dir, ['done@p', 'cut@p', 'finished@p', 'new@p'].map(audit), [dev('d1'), dev('d2')], fakeDeps(() => ok(), log));
    assert.deepEqual(log.map((l) => l.split('@')[0]).sort(), ['cut', 'new']);
    const entries = readJournal(dir);
    for (const key of ['done@p', 'cut@p', 'finished@p', 'new@p']) {
      assert.equal(entries.filter((e) => e.type === 'done' && e.audit === key).length, 1, `${key} done exactly once`);
    }
    assert.equal(batchState(entries).done.get('finished@p')?.outcome, 'pass');
  });
});
