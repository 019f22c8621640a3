/** Periodic request series: beats are found with their period; taps and bursts are not beats. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { periodicSeries } from '../../src/checks/detectors/periodic-requests.js';
import { periodicChartSvg } from '../../src/probes/request-chart.js';
import { beats, net } from './probe-fixtures.js';

void describe('periodicSeries', () => {
  void it('finds a 2 s heartbeat with its period despite timer jitter', () => {
    const jitter = [0, 40, -30, 90, 0, -60];
    const requests = beats('http://h/api/beat?x=1', 6, 2000, () => ({})).map((r, i) => ({ ...r, ts: r.ts + jitter[i]! }));
    const [series] = periodicSeries(requests);
    assert.equal(series?.endpoint, 'POST http://h/api/beat');
    assert.equal(series?.requests.length, 6);
    assert.ok(Math.abs(series.periodMs - 2000) <= 100, String(series?.periodMs));
  });

  void it('finds a heartbeat one of whose requests was seen late on a busy host (one interval long, the next short)', () => {
    // The CDP log of heartbeat-trajectory's idle window in a CI run with both cores busy.
    const seen = [1796571513249, 1796571515446, 1796571516522, 1796571518631];
    const [series] = periodicSeries(seen.map((ts) => net({ url: 'http://h/api/study/heartbeat', ts })));
    assert.equal(series?.requests.length, 4);
    assert.ok(series.periodMs >= 1600 && series.periodMs <= 2400, String(series.periodMs));
  });

  void it('needs four requests on a grid: three with one interval twice the other are not steady', () => {
    assert.deepEqual(periodicSeries([0, 2000, 3000].map((ts) => net({ url: 'http://h/api/q', ts: 10_000 + ts }))), []);
    assert.deepEqual(periodicSeries([0, 2000, 2600, 7000, 7600].map((ts) => net({ url: 'http://h/api/q', ts: 10_000 + ts }))), []);
  });

  void it('ignores requests made at irregular moments (taps), bursts, and two requests only', () => {
    const taps = [1_000, 2_300, 9_000, 9_700, 20_000].map((ts) => net({ url: 'http://h/api/query', ts }));
    const burst = [1_000, 1_050, 1_100, 1_150].map((ts) => net({ url: 'http://h/api/retry', ts }));
    const two = [1_000, 3_000].map((ts) => net({ url: 'http://h/api/two', ts }));
    assert.deepEqual(periodicSeries([...taps, ...burst, ...two]), []);
  });

  void it('does not count images or scripts loaded repeatedly', () => {
    assert.deepEqual(periodicSeries(beats('http://h/banner.png', 5, 2000, () => ({}), { resourceType: 'Image', method: 'GET' })), []);
  });

  void it('draws one chart row per periodic endpoint, and no chart when nothing is periodic', () => {
    const svg = periodicChartSvg(beats('http://h/api/track', 4, 5000, () => ({})));
    assert.match(svg ?? '', /POST \/api\/track：4 次，周期约 5\.0 秒/);
    assert.equal(svg?.match(/<circle/g)?.length, 4);
    assert.equal(periodicChartSvg([net({ url: 'http://h/api/once' })]), undefined);
  });
});
