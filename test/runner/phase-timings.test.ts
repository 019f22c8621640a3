/** The phase table: every phase the run went through, in run order, adding up to the run's wall time. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { markPhase, timePhase } from '../../src/audit/phase-timer.js';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { AUDIT_SPEC_FILES } from '../../src/audit/spec-files.js';
import { PROGRESS_FILE, readProgress, type ProgressEvent } from '../../src/runner/progress.js';
import { isTimingEvent, phaseTimings, withReportTiming, type PhaseTimings } from '../../src/runner/phase-timings.js';
import { RUN_CONFIG_ENV } from '../../src/runner/run-config.js';
import { buildVerdict } from '../../src/verdict/verdict.js';
import { verdictSchemaErrors } from '../../src/verdict/write-verdict.js';

const T = 1_000_000;
const timing = (name: string, startedAt: number, ms: number): ProgressEvent => ({ phase: 'checking', timing: { name, startedAt: T + startedAt, ms }, at: T + startedAt + ms });
const mark = (m: NonNullable<ProgressEvent['mark']>, at: number): ProgressEvent => ({ phase: 'starting', mark: m, at: T + at });
const sumOfPhases = (t: PhaseTimings) => Object.entries(t).filter(([n]) => n !== 'total').reduce((a, [, ms]) => a + ms, 0);

/** A run: CLI up at 300 ms, Launcher at 1000, Appium at 4000, session at 9000, worker phases, Launcher back at 40000. */
const events: ProgressEvent[] = [
  { phase: 'exploring', screens: 3, at: T + 9500 },
  mark('appium-ready', 4000),
  mark('session-ready', 9000),
  timing('exploration', 9100, 15_000),
  timing('ocr', 24_200, 800),
  timing('probe:render', 25_000, 2000),
  timing('probe:network-idle', 27_000, 8000),
  timing('checks', 35_100, 40),
  timing('checks', 35_140, 60),
];
const clock = { processStart: T, runStart: T + 300, launcherStart: T + 1000, launcherEnd: T + 40_000, verdictAt: T + 40_250 };

void describe('phaseTimings', () => {
  void it('gives every phase of the run, in run order, with its wall time, and the checks summed', () => {
    const t = phaseTimings(clock, events);
    assert.deepEqual(Object.keys(t), ['cli-start', 'inputs', 'appium-start', 'session-start', 'exploration', 'ocr', 'probe:render', 'probe:network-idle', 'checks', 'session-end', 'verdict', 'other', 'total']);
    assert.deepEqual(t, {
      'cli-start': 300, inputs: 700, 'appium-start': 3000, 'session-start': 5000, exploration: 15_000, ocr: 800, 'probe:render': 2000,
      'probe:network-idle': 8000, checks: 100, 'session-end': 4800, verdict: 250, other: 300, total: 40_250,
    });
  });

  void it('adds up to the wall time from process start to the verdict, the gaps between worker phases counted as other', () => {
    const t = phaseTimings(clock, events);
    assert.equal(t.total, clock.verdictAt - clock.processStart);
    assert.equal(sumOfPhases(t), t.total);
    // exploration 9100 after session 9000 (100), ocr 24200 after 24100 (100), checks 35100 after 35000 (100)
    assert.equal(t.other, 300);
  });

  void it('shows a probe that ran alongside with its own duration, outside the sum, and ends the worker phases at the last one in turn', () => {
    const withAlongside = [...events, timing('alongside:probe:network-idle', 24_300, 16_000)];
    const t = phaseTimings(clock, withAlongside);
    assert.equal(t['alongside:probe:network-idle'], 16_000);
    assert.equal(t.total, clock.verdictAt - clock.processStart);
    assert.equal(sumOfPhases(t) - 16_000, t.total);
    // the alongside probe ended at 40300, after the Launcher returned: session-end still counts from the last check (35200)
    assert.equal(t['session-end'], 4800);
  });

  void it('reads the worker events in any order (progress.jsonl is appended by two processes)', () => {
    assert.deepEqual(phaseTimings(clock, [...events].reverse()), phaseTimings(clock, events));
  });

  void it('still adds up when the run failed before the Launcher or before the session opened', () => {
    const early = phaseTimings({ processStart: T, runStart: T + 300, verdictAt: T + 900 }, []);
    assert.deepEqual(early, { 'cli-start': 300, other: 600, total: 900 });
    const noSession = phaseTimings({ ...clock }, [mark('appium-ready', 4000)]);
    assert.equal(noSession['session-start'], undefined);
    assert.equal(noSession['session-end'], undefined);
    assert.equal(sumOfPhases(noSession), noSession.total);
  });

  void it('adds the report after the verdict, total kept last and grown by it', () => {
    const t = withReportTiming(phaseTimings(clock, events), 6400.4);
    assert.equal(t.report, 6400);
    assert.equal(t.total, 40_250 + 6400);
    assert.equal(Object.keys(t).at(-1), 'total');
    assert.equal(sumOfPhases(t), t.total);
  });

  void it('keeps timings and marks out of the progress display', () => {
    assert.deepEqual(events.filter((e) => !isTimingEvent(e)).map((e) => e.phase), ['exploring']);
  });

  void it('is valid in verdict.json, where a negative or fractional figure is not', () => {
    const verdict = buildVerdict({
      tool: { name: 'govapp-audit', version: '0.1.0' }, app: { target: 'x', platform: 'h5' }, device: { profile: 'pixel-7', label: 'Pixel 7', platform: 'h5' },
      startedAt: '2026-03-01T08:00:00.000Z', finishedAt: '2026-03-01T08:05:00.000Z', exemptions: {}, results: {}, coverage: undefined,
    });
    const verdictWith = (timings: unknown) => ({ ...verdict, timings });
    assert.deepEqual(verdictSchemaErrors(verdictWith(phaseTimings(clock, events))), []);
    assert.notDeepEqual(verdictSchemaErrors(verdictWith({ exploration: -1, total: 1 })), []);
    assert.notDeepEqual(verdictSchemaErrors(verdictWith({ exploration: 1.5, total: 2 })), []);
  });
});

void describe('the worker side of the phase table', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'phase-timer-'));
  const configFile = join(outDir, 'run-config.json');
  writeFileSync(configFile, JSON.stringify({ outDir }));
  process.env[RUN_CONFIG_ENV] = configFile;

  void it('records a phase that throws as well as one that returns', async () => {
    assert.equal(await timePhase('ocr', () => new Promise((r) => setTimeout(() => r(7), 30))), 7);
    await assert.rejects(timePhase('probe:render', () => Promise.reject(new Error('boom'))), /boom/);
    markPhase('session-ready');
    const { events: written } = readProgress(outDir, 0);
    assert.deepEqual(written.map((e) => e.timing?.name ?? e.mark), ['ocr', 'probe:render', 'session-ready']);
    assert.ok(written[0]!.timing!.ms >= 25, `ocr took ${written[0]!.timing!.ms} ms`);
    assert.ok(readFileSync(join(outDir, PROGRESS_FILE), 'utf8').endsWith('\n'));
  });

  void it('is called by every audit spec: a spec without it would drop its phase from the table', () => {
    for (const file of AUDIT_SPEC_FILES) {
      const source = readFileSync(file, 'utf8');
      assert.ok(/timePhase\(/.test(source) || /describeArticleSuite\(/.test(source), `${file} does not time its phase`);
    }
    assert.match(readFileSync(join(PROJECT_ROOT, 'src', 'audit', 'article-spec.ts'), 'utf8'), /timePhase\('checks'/);
  });
});
