/** verdict.json: overall outcome, missing checks, the published schema, atomic writing. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CHECK_IDS, type CheckId } from '../../src/checks/catalog.js';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import type { CheckResult } from '../../src/checks/result.js';
import { buildVerdict, exitCodeFor, overallOutcome, type Verdict, type VerdictInput } from '../../src/verdict/verdict.js';
import { verdictSchemaErrors, writeVerdict } from '../../src/verdict/write-verdict.js';
import { bundle, button, coverage, screen } from '../helpers/evidence-builder.js';

const o = (...outcomes: CheckResult['outcome'][]) => outcomes.map((outcome) => ({ outcome }));

function input(fields: Partial<VerdictInput> = {}): VerdictInput {
  return {
    tool: { name: 'govapp-audit', version: '0.1.0' },
    app: { target: 'sample:zhangshang-zhengwu', platform: 'h5', name: 'zhangshang-zhengwu' },
    device: { profile: 'pixel-7', label: 'Pixel 7', platform: 'h5' },
    startedAt: '2026-03-01T08:00:00.000Z',
    finishedAt: '2026-03-01T08:05:00.000Z',
    exemptions: {},
    results: {},
    coverage: coverage({ screens: 3 }),
    ...fields,
  };
}

/** Every check evaluated on a run that found a check-in button: one fail, some inconclusive, some pass. */
function evaluatedResults(): Partial<Record<CheckId, CheckResult>> {
  const evidence = bundle({ screens: [screen({ title: '首页', body: [button('每日签到')] })], coverage: coverage() });
  return Object.fromEntries(CHECK_IDS.map((id) => [id, evaluateCheck(id, evidence)]));
}

const clone = (v: Verdict): Verdict => JSON.parse(JSON.stringify(v)) as Verdict;

void describe('overallOutcome', () => {
  void it('is fail when any check fails, even next to inconclusive ones', () => {
    assert.equal(overallOutcome(o('pass', 'inconclusive', 'fail'), false), 'fail');
    assert.equal(overallOutcome(o('fail'), true), 'fail');
  });

  void it('is inconclusive when any check is inconclusive and none fails', () => {
    assert.equal(overallOutcome(o('pass', 'inconclusive', 'not-applicable'), false), 'inconclusive');
  });

  void it('never passes an incomplete run, nor an empty list', () => {
    assert.equal(overallOutcome(o('pass', 'pass'), true), 'inconclusive');
    assert.equal(overallOutcome([], false), 'inconclusive');
  });

  void it('passes only when every check passed or was not applicable', () => {
    assert.equal(overallOutcome(o('pass', 'not-applicable'), false), 'pass');
  });
});

void describe('exitCodeFor', () => {
  void it('maps pass → 0, fail → 1, inconclusive → 2', () => {
    assert.deepEqual([exitCodeFor('pass'), exitCodeFor('fail'), exitCodeFor('inconclusive')], [0, 1, 2]);
  });
});

void describe('buildVerdict', () => {
  void it('fills checks without a result as inconclusive with a reason, and validates', () => {
    const results = evaluatedResults();
    delete results.stability;
    const v = buildVerdict(input({ results }));
    assert.equal(v.checks.length, 15);
    const stability = v.checks.find((c) => c.id === 'stability');
    assert.equal(stability?.outcome, 'inconclusive');
    assert.match(stability?.reason ?? '', /未执行/);
    assert.equal(v.outcome, 'fail');
    assert.equal(v.complete, true);
    assert.deepEqual(verdictSchemaErrors(v), []);
  });

  void it('marks an interrupted run incomplete, never pass, and names why in missing checks', () => {
    const passing = Object.fromEntries(CHECK_IDS.map((id) => [id, { id, title: id, articles: ['第五条'], outcome: 'pass', findings: [] } satisfies CheckResult]));
    delete passing['data-security'];
    const v = buildVerdict(input({ results: passing, incompleteReason: 'interrupted by SIGINT' }));
    assert.equal(v.outcome, 'inconclusive');
    assert.equal(v.complete, false);
    assert.equal(v.incompleteReason, 'interrupted by SIGINT');
    assert.match(v.checks.find((c) => c.id === 'data-security')?.reason ?? '', /interrupted by SIGINT/);
    assert.deepEqual(verdictSchemaErrors(v), []);
  });

  void it('carries the screens not understood and the per-screen candidates by source, and validates', () => {
    const perScreen = [
      { screenId: 's0', found: { listener: 2, delegated: 1, probed: 3, scroll: 1 }, tried: { listener: 2, probed: 3 }, noEffect: 2, understood: true, gate: '立即打卡' },
      { screenId: 's1', found: {}, tried: {}, understood: false },
    ];
    const v = buildVerdict(input({ coverage: coverage({ screens: 2, complete: false, notUnderstood: ['s1'], perScreen }) }));
    assert.deepEqual(v.coverage.notUnderstood, ['s1']);
    assert.deepEqual(v.coverage.perScreen, perScreen);
    assert.deepEqual(verdictSchemaErrors(v), []);
    const unknownSource = clone(v);
    (unknownSource.coverage.perScreen![0]!.found as Record<string, number>).guessed = 1;
    assert.notDeepEqual(verdictSchemaErrors(unknownSource), []);
  });

  void it('without coverage records zeros and stoppedBy not-run, and is still valid', () => {
    const v = buildVerdict(input({ coverage: undefined }));
    assert.deepEqual(v.coverage, { screens: 0, screensFullyExplored: 0, actions: 0, frontier: 0, durationMs: 0, complete: false, stoppedBy: 'not-run' });
    assert.equal(v.outcome, 'inconclusive');
    assert.deepEqual(verdictSchemaErrors(v), []);
  });
});

void describe('the verdict schema', () => {
  const valid = () => buildVerdict(input({ results: evaluatedResults() }));

  void it('accepts a built verdict', () => {
    assert.deepEqual(verdictSchemaErrors(valid()), []);
  });

  void it('rejects a failed check without findings', () => {
    const v = clone(valid());
    const failed = v.checks.find((c) => c.outcome === 'fail');
    assert.ok(failed);
    failed.findings = [];
    assert.notDeepEqual(verdictSchemaErrors(v), []);
  });

  void it('rejects an unknown check id', () => {
    const v = clone(valid());
    (v.checks[0] as { id: string }).id = 'forced-checkin';
    assert.notDeepEqual(verdictSchemaErrors(v), []);
  });

  void it('rejects an inconclusive check without a reason', () => {
    const v = clone(valid());
    const inconclusive = v.checks.find((c) => c.outcome === 'inconclusive');
    assert.ok(inconclusive);
    delete inconclusive.reason;
    assert.notDeepEqual(verdictSchemaErrors(v), []);
  });

  void it('rejects fewer than 15 checks and an article that is not 第…条', () => {
    const short = clone(valid());
    short.checks.pop();
    assert.notDeepEqual(verdictSchemaErrors(short), []);
    const badArticle = clone(valid());
    badArticle.checks[0]!.articles = ['Article 14'];
    assert.notDeepEqual(verdictSchemaErrors(badArticle), []);
  });
});

void describe('writeVerdict', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'verdict-test-'));
    dirs.push(dir);
    return dir;
  };
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  void it('writes verdict.json that reads back equal, leaving no temporary file', () => {
    const dir = tempDir();
    const v = buildVerdict(input({ results: evaluatedResults() }));
    const file = writeVerdict(dir, v);
    assert.equal(file, join(dir, 'verdict.json'));
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), v);
    assert.deepEqual(readdirSync(dir), ['verdict.json']);
  });

  void it('refuses an invalid verdict and writes nothing', () => {
    const dir = tempDir();
    const v = clone(buildVerdict(input({ results: evaluatedResults() })));
    v.checks.find((c) => c.outcome === 'fail')!.findings = [];
    assert.throws(() => writeVerdict(dir, v), /schema/);
    assert.equal(existsSync(join(dir, 'verdict.json')), false);
    assert.deepEqual(readdirSync(dir), []);
  });
});
