/** One probe, one `probe-run` record; an error message is a sentence whatever was thrown. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { noSecrets } from '../../src/evidence/secret-mask.js';
import { EvidenceStore, readEvidenceBundle } from '../../src/evidence/store.js';
import { ipv6Probe } from '../../src/probes/ipv6-probe.js';
import type { Probe } from '../../src/probes/probe.js';
import { errorSentence, runAndRecord, type ProbeBase } from '../../src/probes/probe-run.js';
import type { NetworkTap, ProbeTools } from '../../src/probes/probe-tools.js';
import { evidence } from './probe-fixtures.js';

function context(): ProbeBase {
  const store = new EvidenceStore(mkdtempSync(join(tmpdir(), 'probe-run-')), noSecrets);
  return { device: {} as ProbeBase['device'], store, explored: evidence({}), appUrl: 'http://127.0.0.1:1/', budgetMs: 1000, now: () => 0, sleep: () => Promise.resolve() };
}

const networkTap: NetworkTap = { drain: () => Promise.resolve([]), flush: () => [] };

const runs = (ctx: ProbeBase) => readEvidenceBundle(ctx.store.outDir).probes?.runs ?? [];

void describe('runAndRecord', () => {
  void it('records a probe whose needed tool the platform does not offer once, as skipped, naming the tool, without running it', async () => {
    const ctx = context();
    let ran = false;
    const probe: Probe<'clockControl'> = { id: 'clocked', title: 'clocked', needs: ['clockControl'], run: () => { ran = true; return Promise.resolve({ status: 'done', text: '' }); } };
    const summary = await runAndRecord(probe, ctx, { networkTap });
    assert.equal(ran, false);
    assert.equal(summary.status, 'skipped');
    assert.match(summary.text, /时钟控制（clockControl）/);
    assert.deepEqual(runs(ctx).map((r) => [r.probe, r.status]), [['clocked', 'skipped']]);
  });

  void it('gives a probe only the tools it declared', async () => {
    let given: string[] = [];
    const offered: ProbeTools = { networkTap, clockControl: { setOffset: () => Promise.resolve(), sessionClues: () => Promise.resolve({ cookies: [], tokens: [], timestamps: [] }), expireAfter: () => Promise.resolve() } };
    const probe: Probe<'networkTap', 'inputTimer'> = { id: 'tapped', title: 'tapped', needs: ['networkTap'], uses: ['inputTimer'], run: (ctx) => { given = Object.keys(ctx.tools); return Promise.resolve({ status: 'done', text: '' }); } };
    await runAndRecord(probe, context(), offered);
    assert.deepEqual(given, ['networkTap']);
  });

  void it('records a skipped probe once (the caller skips the test afterwards, outside the recorder)', async () => {
    const ctx = context();
    const summary = await runAndRecord(ipv6Probe, ctx, { networkTap });
    assert.equal(summary.status, 'skipped');
    assert.deepEqual(runs(ctx).map((r) => [r.probe, r.status]), [['ipv6', 'skipped']]);
  });

  void it('records a probe that throws a non-Error object once, as error, with a sentence', async () => {
    const ctx = context();
    // What mocha's skip() throws, or a driver's error object: not an Error.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const probe: Probe = { id: 'odd', title: 'odd', needs: [], run: () => Promise.reject({ code: 7 }) };
    await assert.rejects(runAndRecord(probe, ctx, {}), (e: unknown) => e instanceof Error && !e.message.includes('[object Object]'));
    const records = runs(ctx);
    assert.equal(records.length, 1);
    assert.equal(records[0]?.status, 'error');
    assert.equal(records[0]?.message, '探针异常终止，抛出的不是错误对象：{"code":7}');
  });
});

void describe('errorSentence', () => {
  void it('reads the first line of an Error, a string, or an object with a message', () => {
    assert.equal(errorSentence(new Error('listen EADDRNOTAVAIL ::1\n    at stack')), 'listen EADDRNOTAVAIL ::1');
    assert.equal(errorSentence('plain words'), 'plain words');
    assert.equal(errorSentence({ message: 'from a driver' }), 'from a driver');
    assert.match(errorSentence(undefined), /^探针异常终止/);
  });
});

void describe('ipv6 probe without IPv6 loopback on the host', () => {
  void it('is not tested (skipped, with the reason), not a probe error', async () => {
    const ctx = context();
    const loopbackServer = { serveOverIpv6: () => Promise.reject(new Error('listen EADDRNOTAVAIL: address not available ::1')), open: () => Promise.resolve() };
    const summary = await runAndRecord(ipv6Probe, ctx, { networkTap, loopbackServer });
    assert.equal(summary.status, 'skipped');
    assert.match(summary.text, /EADDRNOTAVAIL/);
    const bundle = readEvidenceBundle(ctx.store.outDir);
    assert.equal(bundle.probes?.ipv6?.mode, 'not-tested');
    assert.deepEqual(runs(ctx).map((r) => r.status), ['skipped']);
  });
});
