/**
 * A batch of bundled samples on two local H5 devices (plus a broken one whose port is taken: set aside
 * after two failed health checks, its audits go to the others), killed for real with SIGKILL of its
 * process group while an audit runs, then resumed by the same command: finished audits are kept
 * (not redone), the cut one is redone from its start, none is lost; the verdicts match single runs
 * and the summary opens from disk.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { deviceScratchRoot } from '../../src/farm/device-health.js';
import { batchState, readJournal } from '../../src/farm/journal.js';
import { loadManifest } from '../../src/farm/manifest.js';
import { assertValidSummary } from '../../src/farm/write-summary.js';
import { processesWithMarker } from '../../src/runner/process-sweep.js';
import { freePort } from '../../src/runner/ports.js';
import { comparable, exploring, farmSubmissions, fixtureRunArguments, h5Inventory, readVerdict, singleRunArguments, singleRuns, startGroup, waitFor, writeManifest } from './farm-helpers.js';
import { runCli } from './run-cli.js';

describe('govapp-audit batch on local H5 devices', () => {
  let holder: Server | undefined;
  after(() => holder?.close());

  it('survives SIGKILL + resume with nothing lost or redone, verdicts as single runs, one summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-farm-'));
    const out = join(dir, 'out');
    const takenPort = await freePort();
    holder = createServer().listen(takenPort, '127.0.0.1');
    const { devices } = await h5Inventory('slot', 2, dir, [takenPort]);
    const broken = { id: 'broken', platform: 'h5', profile: 'pixel-7', udid: 'broken', host: '127.0.0.1', ports: { appium: takenPort } };
    const inventory = join(dir, 'inventory.json');
    writeFileSync(inventory, JSON.stringify({ devices: [broken, ...devices] }));
    const manifest = writeManifest(dir, farmSubmissions(true));
    const args = ['batch', manifest, '--inventory', inventory, '--out', out];
    // The single runs the verdicts are compared with start now, beside the batch: the batch's audits spend
    // most of their time in the probes' idle windows (measured: the machine 70 % busy with them alone).
    const planned = loadManifest(manifest).audits;
    const singlesDone = singleRuns(planned);
    singlesDone.catch(() => undefined);

    const first = startGroup(args, join(dir, 'first.log'));
    // Killed as soon as one audit is done and another has its Chromium session exploring.
    await waitFor(() => {
      const s = batchState(readJournal(out));
      return s.done.size >= 1 && [...s.cut].some((key) => exploring(join(out, 'audits', key)));
    }, 300_000, 'one audit done and another exploring');
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.done;
    const before = batchState(readJournal(out));
    assert.ok(before.cut.size >= 1, 'an audit was cut mid-way');
    const keptFinishedAt = new Map([...before.done.keys()].map((k) => [k, readVerdict(join(out, 'audits', k)).finishedAt]));
    const linesBefore = readJournal(out).length;

    const resumed = await runCli(args);
    assert.equal(resumed.code, 1, resumed.stderr);
    assert.match(resumed.stderr, /继续批次：已完成 \d+ 次保留，中断的 \d+ 次从头重做/);
    const entries = readJournal(out);
    const after = batchState(entries);
    const keys = loadManifest(manifest).audits.map((a) => a.key);
    for (const key of keys) assert.equal(entries.filter((e) => e.type === 'done' && e.audit === key).length, 1, `${key} done exactly once`);
    for (const [key, finishedAt] of keptFinishedAt) {
      assert.ok(!entries.slice(linesBefore).some((e) => e.type === 'start' && e.audit === key), `${key} finished before the kill and was not redone`);
      assert.equal(readVerdict(join(out, 'audits', key)).finishedAt, finishedAt);
    }
    for (const key of before.cut) {
      assert.ok(entries.slice(linesBefore).some((e) => e.type === 'start' && e.audit === key), `${key} cut mid-way was redone`);
      assert.equal(readVerdict(join(out, 'audits', key)).complete, true);
    }
    assert.ok([...after.done.values()].every((d) => d.device !== 'broken'), 'the broken device ran nothing');
    assert.ok(entries.some((e) => e.type === 'device-set-aside' && e.device === 'broken'));
    for (const d of devices) assert.deepEqual(processesWithMarker(deviceScratchRoot(d)), [], `nothing left running for ${d.id}`);

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as unknown;
    assertValidSummary(summary);
    assert.deepEqual(summary.totals, { submissions: 2, audits: 3, pass: summary.totals.pass, fail: summary.totals.fail, inconclusive: summary.totals.inconclusive, error: 0, pending: 0 });
    assert.ok(summary.devices.find((d) => d.id === 'broken')?.setAside);
    const html = readFileSync(join(out, 'summary.html'), 'utf8');
    const links = [...html.matchAll(/href="(audits\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(links.some((l) => l.endsWith('report/index.html')), 'links an Allure report');
    for (const link of links) assert.ok(existsSync(join(out, link)), `${link} opens from disk`);
    assert.equal(summary.compatibility[0]?.submission, 'heartbeat-trajectory');

    for (const audit of planned.filter((a) => a.deviceClass === 'pixel-7')) {
      assert.deepEqual(singleRunArguments(audit), fixtureRunArguments(audit.submission), 'probes.test.ts audits the same fixtures with the same options (one audit shared)');
    }
    const singles = await singlesDone;
    for (const [key, single] of singles) {
      assert.deepEqual(comparable(readVerdict(join(out, 'audits', key))), comparable(single), `${key}: batch verdict as a single run`);
    }
  });
});
