/** JS heap over time: figures, the chart, the sampler, and the performance check on built evidence. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import { heapFigures } from '../../src/checks/detectors/performance-memory.js';
import type { HeapSamplesEvent } from '../../src/evidence/probe-types.js';
import { EvidenceStore, readEvidenceBundle } from '../../src/evidence/store.js';
import { noSecrets } from '../../src/evidence/secret-mask.js';
import { heapChartSvg } from '../../src/probes/heap-chart.js';
import { describeHeap, heapAttachments, recordHeapSamples, startHeapSampler, type MemoryReader } from '../../src/probes/heap-sampler.js';
import { evidence, measured, probes } from './probe-fixtures.js';

const MB = 1_048_576;

/** `count` samples a second apart, from `startMb`, growing `mbPerSecond`. */
function samples(count: number, startMb: number, mbPerSecond: number): HeapSamplesEvent['samples'] {
  return Array.from({ length: count }, (_, i) => ({ atMs: i * 1000, usedBytes: Math.round((startMb + i * mbPerSecond) * MB) }));
}

function heapEvent(fields: Partial<HeapSamplesEvent> = {}): HeapSamplesEvent {
  return { type: 'heap-samples', screenId: 's0', url: 'http://127.0.0.1:8080/', samples: samples(9, 1, 0.25), ...fields };
}

void describe('heapFigures', () => {
  void it('gives start, end, peak and the least-squares growth per minute', () => {
    const f = heapFigures(samples(9, 1, 0.25));
    assert.deepEqual(f, { samples: 9, durationMs: 8000, startBytes: MB, endBytes: 3 * MB, peakBytes: 3 * MB, peakAtMs: 8000, growthPerMinuteBytes: 15 * MB });
  });

  void it('reads through a garbage-collection drop: the slope, not last minus first', () => {
    // Grows 1 MB a second, drops by GC at the end below the start: still growing overall.
    const sawtooth = [...samples(6, 10, 1), { atMs: 6000, usedBytes: 9 * MB }];
    const f = heapFigures(sawtooth)!;
    assert.ok(f.endBytes < f.startBytes);
    assert.equal(f.growthPerMinuteBytes, 15 * MB);
    assert.equal(f.peakBytes, 15 * MB);
    assert.equal(f.peakAtMs, 5000);
  });

  void it('is undefined without samples, and growth 0 with one', () => {
    assert.equal(heapFigures([]), undefined);
    assert.equal(heapFigures([{ atMs: 0, usedBytes: 5 }])?.growthPerMinuteBytes, 0);
  });
});

void describe('heap chart', () => {
  void it('draws one line per window with the figures under the title', () => {
    const svg = heapChartSvg([heapEvent()])!;
    assert.match(svg, /JS 堆随时间变化/);
    assert.match(svg, /起 1\.0 MB · 末 3\.0 MB · 峰值 3\.0 MB · 增长约 \+15\.0 MB\/分钟/);
    assert.equal((svg.match(/<polyline /g) ?? []).length, 1);
    assert.equal((svg.match(/<circle /g) ?? []).length, 9);
    assert.equal(heapChartSvg([heapEvent({ samples: [] })]), undefined);
    assert.equal((heapChartSvg([heapEvent(), heapEvent({ screenId: 's1' })])!.match(/<polyline /g) ?? []).length, 2);
  });

  void it('says a shrinking heap shrank', () => {
    assert.match(describeHeap([heapEvent({ samples: samples(5, 4, -0.5) })], ''), /起 4\.0 MB，末 2\.0 MB，峰值 4\.0 MB，下降约 30\.0 MB\/分钟/);
  });
});

/** A memory reader answering from a list (a failed read where the entry is undefined), counting its reads. */
function fakeReader(values: (number | undefined)[]): MemoryReader & { reads: number } {
  const read = Object.assign(() => {
    read.reads++;
    const value = values.shift();
    return value === undefined ? Promise.reject(new Error('CDP Performance.getMetrics failed')) : Promise.resolve(value);
  }, { reads: 0 });
  return read;
}

void describe('heap sampler', () => {
  void it('samples now and on demand, skips failed reads, and records samples with their chart', async () => {
    let clock = 5_000;
    const read = fakeReader([undefined, 1_000_000.4, 1_200_000, undefined, 1_500_000]);
    const sampler = await startHeapSampler(read, () => clock);
    assert.equal(read.reads, 1, 'the first sample is taken at start');
    for (let i = 0; i < 4; i++) {
      clock += 1000;
      await sampler.sample();
    }
    // The first read failed: time counts from the first sample read, never a zero heap.
    assert.deepEqual(sampler.samples, [{ atMs: 0, usedBytes: 1_000_000 }, { atMs: 1000, usedBytes: 1_200_000 }, { atMs: 3000, usedBytes: 1_500_000 }]);
    const out = mkdtempSync(join(tmpdir(), 'heap-'));
    const store = new EvidenceStore(out, noSecrets);
    const event = await recordHeapSamples(store, { id: 's0', url: 'u' }, sampler, { jsHeapBytes: 2_000_000, sources: { jsHeapBytes: 'lab' } }, 'JS 堆');
    assert.equal(event?.chart?.kind, 'graph');
    assert.deepEqual([event?.budgetBytes, event?.budgetSource], [2_000_000, 'lab']);
    const back = readEvidenceBundle(out).probes?.heap;
    assert.deepEqual(back?.[0]?.samples, sampler.samples);
    const attachments = await heapAttachments(back ?? []);
    assert.deepEqual(attachments.map((a) => a.name), ['JS 堆随时间变化', 'JS 堆采样 (JSON)']);
    const png = attachments[0]!.content;
    assert.ok(Buffer.isBuffer(png) && png.subarray(1, 4).toString() === 'PNG');
  });

  void it('names native samples by the meter\'s label (Android: PSS), in the text, the chart and the check\'s observation, never JS 堆', async () => {
    const sampler = await startHeapSampler(fakeReader([90_000_000, 91_000_000, 92_000_000]), (() => { let t = 0; return () => (t += 1000); })());
    await sampler.sample();
    await sampler.sample();
    const out = mkdtempSync(join(tmpdir(), 'heap-'));
    const event = (await recordHeapSamples(new EvidenceStore(out, noSecrets), { id: 's0', url: 'u' }, sampler, undefined, '应用内存（TOTAL PSS）'))!;
    const texts = [describeHeap([event], ''), heapChartSvg([event])!, (await heapAttachments([event])).map((a) => a.name).join(' '),
      ...(evaluateCheck('performance', evidence({ probes: probes({ heap: [event] }) })).observations ?? []).map((o) => o.summary)];
    for (const text of texts) {
      assert.match(text, /应用内存（TOTAL PSS）/);
      assert.doesNotMatch(text, /JS 堆/);
    }
    assert.equal(describeHeap([], '空闲期间未能读取应用内存。'), '空闲期间未能读取应用内存。');
  });

  void it('records nothing when no read succeeded', async () => {
    const sampler = await startHeapSampler(fakeReader([]), () => 0);
    await sampler.sample();
    assert.equal(await recordHeapSamples(new EvidenceStore(mkdtempSync(join(tmpdir(), 'heap-')), noSecrets), { id: 's0', url: 'u' }, sampler), undefined);
  });
});

void describe('performance with the idle heap', () => {
  void it('fails on a heap peak over the budget, with the figure, the second and the budget source', () => {
    const over = heapEvent({ samples: samples(5, 1490, 5), budgetBytes: 1500 * MB, budgetSource: 'HarmonyOS 前台内存峰值' });
    const result = evaluateCheck('performance', evidence({ probes: probes({ performance: [measured()], heap: [over] }) }));
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(result.findings.map((f) => f.summary), ['空闲观察中 JS 堆峰值 1510.0 MB（第 4 秒），超过预算 1500.0 MB（依据：HarmonyOS 前台内存峰值）。']);
    assert.equal(result.findings[0]!.screen, 's0');
  });

  void it('takes the launch budget when the samples carry none', () => {
    const result = evaluateCheck('performance', evidence({ probes: probes({ performance: [measured({ budgets: { jsHeapBytes: 2 * MB } })], heap: [heapEvent()] }) }));
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]!.summary, /峰值 3\.0 MB（第 8 秒），超过预算 2\.0 MB。$/);
  });

  void it('reports growth within budget as an observation only, and keeps the launch outcome', () => {
    const result = evaluateCheck('performance', evidence({ probes: probes({ performance: [measured()], heap: [heapEvent()] }) }));
    assert.equal(result.outcome, 'pass');
    assert.deepEqual(result.findings, []);
    assert.match(result.observations?.[0]?.summary ?? '', /空闲 8 秒（9 次采样）JS 堆由 1\.0 MB 变为 3\.0 MB，峰值 3\.0 MB，增长约 \+15\.0 MB\/分钟；.*仅作记录/);
    assert.equal((result.details?.['heap'] as { growthPerMinuteBytes: number }[])[0]?.growthPerMinuteBytes, 15 * MB);
  });

  void it('changes nothing without samples, and never passes on heap samples alone', () => {
    assert.equal(evaluateCheck('performance', evidence({ probes: probes({ performance: [measured()] }) })).observations, undefined);
    assert.equal(evaluateCheck('performance', evidence({ probes: probes({ heap: [heapEvent()] }) })).outcome, 'inconclusive');
  });
});
