/** The heap's words follow its figures: a heap that shrank is never said to grow. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { heapDetection, heapFigures, heapTrendText } from '../../src/checks/detectors/performance-memory.js';
import type { HeapSamplesEvent } from '../../src/evidence/probe-types.js';
import type { EvidenceBundle } from '../../src/evidence/types.js';
import { heapChartSvg } from '../../src/probes/heap-chart.js';
import { describeHeap } from '../../src/probes/heap-sampler.js';

const MB = 1_048_576;

/** One sample a second, MB values as given. */
function event(mbValues: number[]): HeapSamplesEvent {
  return { type: 'heap-samples', screenId: 's0', url: 'http://127.0.0.1:8080/', samples: mbValues.map((v, i) => ({ atMs: i * 1000, usedBytes: Math.round(v * MB) })) };
}

function observation(e: HeapSamplesEvent): string {
  const bundle = { screens: [], transitions: [], network: [], console: [], issues: [], probes: { heap: [e], performance: [] } } as unknown as EvidenceBundle;
  return heapDetection(bundle).observations?.[0]?.summary ?? '';
}

// The heap of the issue: 6.2 MB at the start, 5.9 MB at the end of the idle window.
const shrank = event([6.2, 6.15, 6.1, 6.05, 6.0, 5.95, 5.9]);
// Grows, then a collection just before the end drops it below the start.
const collected = event([6.2, 6.4, 6.6, 6.8, 7.0, 7.2, 5.9]);
const steady = event([6.2, 6.21, 6.19, 6.2, 6.2, 6.21, 6.2]);
const grew = event([6.2, 6.3, 6.4, 6.5, 6.6, 6.7, 6.8]);

void describe('heap wording', () => {
  void it('says 下降 for a heap that shrank, in the observation, the probe text and the chart', () => {
    for (const text of [observation(shrank), describeHeap([shrank], ''), heapChartSvg([shrank])!]) {
      assert.match(text, /下降约 3\.0 MB\/分钟/);
      assert.doesNotMatch(text, /增长/);
    }
  });

  void it('says 基本不变 when the slope is about zero', () => {
    assert.match(observation(steady), /由 6\.2 MB 变为 6\.2 MB，峰值 6\.2 MB，基本不变/);
    assert.doesNotMatch(observation(steady), /增长|下降/);
  });

  void it('says 增长 only for a heap that grew', () => {
    assert.match(observation(grew), /增长约 \+6\.0 MB\/分钟/);
  });

  void it('gives both figures when the slope and start→end disagree, never one word against the other', () => {
    const f = heapFigures(collected.samples)!;
    assert.ok(f.growthPerMinuteBytes > 0 && f.endBytes < f.startBytes);
    assert.match(heapTrendText(f), /^起止相比下降 0\.30 MB，期间有起伏（拟合斜率 \+\d+\.\d MB\/分钟）$/);
  });
});
