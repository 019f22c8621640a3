/** One probe, one `probe-run` record; an error message is a sentence whatever was thrown. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { noSecrets } from '../../src/evidence/secret-mask.js';
import { EvidenceStore, readEvidenceBundle } from '../../src/evidence/store.js';
import { ipv6Probe } from '../../src/probes/ipv6-probe.js';
import type { Probe, ProbeContext, WebTools } from '../../src/probes/probe.js';
import { errorSentence, runAndRecord } from '../../src/probes/probe-run.js';
import { evidence } from './probe-fixtures.js';

function context(web?: Partial<WebTools>): ProbeContext {
  const store = new EvidenceStore(mkdtempSync(join(tmpdir(), 'probe-run-')), noSecrets);
  return {
    device: {} as ProbeContext['device'], store, explored: evidence({}), appUrl: 'http://127.0.0.1:1/', budgetMs: 1000,
    ...(web ? { web: web as WebTools } : {}), now: () => 0, sleep: () => Promise.resolve(),
  };
}

const runs = (ctx: ProbeContext) => readEvidenceBundle(ctx.store.outDir).probes?.runs ?? [];

void describe('runAndRecord', () => {
  void it('records a skipped probe once (the caller skips the test afterwards, outside the recorder)', async () => {
    const ctx = context({ });
    const summary = await runAndRecord(ipv6Probe, ctx);
    assert.equal(summary.status, 'skipped');
    assert.deepEqual(runs(ctx).map((r) => [r.probe, r.status]), [['ipv6', 'skipped']]);
  });

  void it('records a probe that throws a non-Error object once, as error, with a sentence', async () => {
    const ctx = context();
    // What mocha's skip() throws, or a driver's error object: not an Error.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const probe: Probe = { id: 'odd', title: 'odd', run: () => Promise.reject({ code: 7 }) };
    await assert.rejects(runAndRecord(probe, ctx), (e: unknown) => e instanceof Error && !e.message.includes('[object Object]'));
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
    const ctx = context({ serveOverIpv6: () => Promise.reject(new Error('listen EADDRNOTAVAIL: address not available ::1')) });
    const summary = await runAndRecord(ipv6Probe, ctx);
    assert.equal(summary.status, 'skipped');
    assert.match(summary.text, /EADDRNOTAVAIL/);
    const bundle = readEvidenceBundle(ctx.store.outDir);
    assert.equal(bundle.probes?.ipv6?.mode, 'not-tested');
    assert.deepEqual(runs(ctx).map((r) => r.status), ['skipped']);
  });
});
