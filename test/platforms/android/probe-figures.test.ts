/** Android probe figures on real device outputs (test/fixtures/android-outputs, each with its source line). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { clipboardReadSince, frameFigures, launchFigures, medianOf, memorySamples, worstBucketMs } from '../../../src/platforms/android/probe-figures/figures.js';

const out = (name: string): string => readFileSync(new URL(`../../fixtures/android-outputs/${name}`, import.meta.url), 'utf8');

test('cold launches: TotalTime of each real am start -W output, the median of three, failures kept with the reason', () => {
  const real = out('am-start-w.txt');
  const slower = real.replace('TotalTime: 1479', 'TotalTime: 2210');
  const faster = real.replace('TotalTime: 1479', 'TotalTime: 980');
  const figures = launchFigures([real, slower, faster, 'Error: Activity not started, unable to resolve Intent']);
  assert.deepEqual(figures.totalTimesMs, [1479, 2210, 980]);
  assert.equal(figures.medianMs, 1479);
  assert.deepEqual(figures.states, ['COLD', 'COLD', 'COLD']);
  assert.equal(figures.failures.length, 1);
  assert.match(figures.failures[0]!, /unable to resolve Intent/);
});

test('median of an even count is a measured value (the lower middle)', () => {
  assert.equal(medianOf([900, 100, 500, 300]), 300);
  assert.equal(medianOf([]), undefined);
});

test('frames from real gfxinfo (Android 9 Chrome): janky share, percentiles, worst bucket 200 ms, no frozen frames', () => {
  const f = frameFigures(out('gfxinfo-api28.txt'), true);
  assert.deepEqual(f.pacing, { measurable: true, during: 'scroll-gesture', scrolled: true, frames: 43, expectedIntervalMs: 16.7, janky: 7, worstMs: 200 });
  assert.equal(f.slowPercent, 16.28);
  assert.equal(f.frozenPercent, 0);
  assert.equal(f.p90Ms, 69);
  assert.equal(worstBucketMs(out('gfxinfo-api28.txt')), 200);
});

test('frames: a frozen frame in the histogram counts in the frozen share; no process is not measurable', () => {
  const frozen = out('gfxinfo-api28.txt').replace('750ms=0', '750ms=1');
  const f = frameFigures(frozen, true);
  assert.equal(f.frozenPercent, Number(((1 / 43) * 100).toFixed(2)));
  assert.equal(f.pacing.measurable && f.pacing.worstMs, 750);
  const none = frameFigures('No process found for: cn.gov.demo', false);
  assert.equal(none.pacing.measurable, false);
});

test('memory samples from real meminfo: TOTAL PSS per sample, unreadable outputs counted', () => {
  const { samples, unreadable } = memorySamples([{ atMs: 0, output: out('meminfo-api23.txt') }, { atMs: 1000, output: 'No process found for: x' }]);
  assert.deepEqual(samples, [{ atMs: 0, pssKb: 145991 }]);
  assert.equal(unreadable, 1);
});

test('clipboard: real appops READ_CLIPBOARD 1m15s ago is a read within 2 minutes, not within 30 s', () => {
  assert.deepEqual(clipboardReadSince(out('appops-get.txt'), 120_000), { read: true, agoMs: 75_193 });
  assert.deepEqual(clipboardReadSince(out('appops-get.txt'), 30_000), { read: false, agoMs: 75_193 });
  assert.equal(clipboardReadSince('COARSE_LOCATION: allow', 30_000).read, false);
});
