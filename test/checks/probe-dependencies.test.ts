/** A check whose pass rests on behaviour is inconclusive when the probe watching that behaviour did not run. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import { PASS_NEEDS_PROBES } from '../../src/checks/probe-dependencies.js';
import { PROBES } from '../../src/probes/index.js';
import { ALL_PROBES_DONE, beats, evidence, probes } from '../probes/probe-fixtures.js';

const withRuns = (runs: typeof ALL_PROBES_DONE) => evidence({ probes: probes({ runs }) });
const without = (probe: string, status?: 'skipped' | 'error') =>
  ALL_PROBES_DONE.flatMap((r) => (r.probe !== probe ? [r] : status ? [{ ...r, status, message: 'tab crashed' }] : []));

void describe('probe dependencies of a pass', () => {
  void it('passes online-duration-tracking when the idle network probe ran and saw nothing', () => {
    assert.equal(evaluateCheck('online-duration-tracking', withRuns(ALL_PROBES_DONE)).outcome, 'pass');
  });

  void it('is inconclusive, naming the probe and why, when it was absent, skipped or failed', () => {
    const absent = evaluateCheck('online-duration-tracking', withRuns(without('network-idle')));
    assert.deepEqual([absent.outcome, /探针 network-idle（用户不操作时的网络请求（在线时长心跳））未运行/.test(absent.reason ?? '')], ['inconclusive', true]);
    assert.match(evaluateCheck('forced-media-upload', withRuns(without('permissions', 'skipped'))).reason ?? '', /探针 permissions.*在该平台上不可用/);
    assert.match(evaluateCheck('stability', withRuns(without('render', 'error'))).reason ?? '', /探针 render（白屏）运行失败（tab crashed）/);
    assert.equal(evaluateCheck('online-duration-tracking', evidence()).outcome, 'inconclusive', 'old evidence without probe events');
  });

  void it('still fails on a finding when a probe is missing', () => {
    const heartbeat = beats('http://127.0.0.1:8080/api/study/heartbeat', 5, 2000, (i) => ({ studyTime: i * 2 }), { probe: 'network-idle' });
    const bundle = evidence({ network: heartbeat, probes: probes({ runs: without('network-idle', 'error') }) });
    // The heartbeat was seen during exploration's own traffic; a missing idle window does not hide it.
    assert.equal(evaluateCheck('online-duration-tracking', bundle).outcome, 'fail');
  });

  void it('names only probes that exist, for checks that exist', () => {
    const known = new Set(PROBES.map((p) => p.id));
    for (const needs of Object.values(PASS_NEEDS_PROBES)) for (const d of needs) assert.ok(known.has(d.probe), d.probe);
  });
});
