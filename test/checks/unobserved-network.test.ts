/**
 * "Not observed" never reads as "nothing happened": a session without a network observer records
 * that in the coverage, and a check whose pass rests on requests is then inconclusive, naming what
 * was not observed, where the same app on a session that sees requests passes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import { EvidenceStore, readEvidenceBundle } from '../../src/evidence/store.js';
import { noSecrets } from '../../src/evidence/secret-mask.js';
import { exploreBreadthFirst } from '../../src/explore/bfs-explorer.js';
import { FakeDevice, type FakeApp } from '../helpers/fake-device.js';
import { ALL_PROBES_DONE, probes } from '../probes/probe-fixtures.js';

const APP: FakeApp = {
  origin: 'https://fake.gov.cn',
  start: 'home',
  screens: {
    home: { route: '/home', title: '首页', controls: [{ text: '通知', to: 'notice' }], requests: [{ method: 'GET', url: 'https://fake.gov.cn/api/home' }] },
    notice: { route: '/notice', title: '通知公告', controls: [] },
  },
};

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function exploredBy(device: FakeDevice) {
  const outDir = mkdtempSync(join(tmpdir(), 'unobserved-'));
  dirs.push(outDir);
  await exploreBreadthFirst(device, new EvidenceStore(outDir, noSecrets), { budgetMs: 30_000, maxActions: 50, launchLabel: '启动应用' });
  // Every probe ran: only what exploration could observe differs between the two sessions.
  return { ...readEvidenceBundle(outDir), probes: probes({ runs: ALL_PROBES_DONE }) };
}

void describe('a session without a network observer', () => {
  void it('records the network as unobserved and never asks the session for requests', async () => {
    const bundle = await exploredBy(new FakeDevice(APP, 'relaunches', { networkObserved: false }));
    assert.deepEqual(bundle.coverage?.unobserved?.includes('network'), true);
    assert.equal(bundle.network.length, 0);
  });

  void it('makes online-duration-tracking inconclusive, naming the requests not observed, where an observing session passes', async () => {
    const observed = evaluateCheck('online-duration-tracking', await exploredBy(new FakeDevice(APP)));
    const blind = evaluateCheck('online-duration-tracking', await exploredBy(new FakeDevice(APP, 'relaunches', { networkObserved: false })));
    assert.equal(observed.outcome, 'pass');
    assert.equal(blind.outcome, 'inconclusive');
    assert.match(blind.reason ?? '', /无法观察网络请求（上报在线\/学习时长的请求）/);
  });

  void it('keeps every check that needs requests from passing', async () => {
    const bundle = await exploredBy(new FakeDevice(APP, 'relaunches', { networkObserved: false }));
    for (const id of ['forced-media-upload', 'data-security'] as const) assert.notEqual(evaluateCheck(id, bundle).outcome, 'pass', id);
  });
});
