/**
 * Measured quality: precision and recall of every text/network/OCR check over the labelled corpus
 * (the project's own sample screens plus hand-made positives and hard negatives) must be ≥ 0.9.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DETECTORS } from '../../src/checks/detectors/index.js';
import { DEFAULT_DETECTOR_SETTINGS } from '../../src/checks/detectors/types.js';
import { withOcrText } from '../../src/checks/ocr-view.js';
import { caseBundle, loadCorpus } from '../helpers/corpus.js';
import { CORPUS_CHECKS, formatScores, scoreCorpus } from '../helpers/corpus-metrics.js';

const cases = loadCorpus();
const scores = scoreCorpus(cases);

describe('detection corpus', () => {
  it('has unique case ids and never labels a case both positive and trap for one check', () => {
    assert.equal(new Set(cases.map((c) => c.id)).size, cases.length);
    for (const c of cases) assert.deepEqual(c.labels.filter((l) => c.traps?.includes(l)), [], c.id);
  });

  it('has at least three positives and two hard negatives (traps) for every measured check', () => {
    for (const id of CORPUS_CHECKS) {
      assert.ok(cases.filter((c) => c.labels.includes(id)).length >= 3, `${id}: fewer than 3 positives`);
      assert.ok(cases.filter((c) => c.traps?.includes(id)).length >= 2, `${id}: fewer than 2 traps`);
    }
  });

  for (const score of scores) {
    it(`${score.id}: precision and recall are at least 0.9`, () => {
      const detail = `\n${formatScores([score])}\nfalse positives: ${score.falsePositives.join(', ') || '—'}\nfalse negatives: ${score.falseNegatives.join(', ') || '—'}`;
      assert.ok(score.precision >= 0.9, `precision ${score.precision.toFixed(3)}${detail}`);
      assert.ok(score.recall >= 0.9, `recall ${score.recall.toFixed(3)}${detail}`);
    });
  }
});

describe('finding summaries', () => {
  it('are one Chinese sentence each: one full stop, at the end; quoted text does not end a sentence', () => {
    let checked = 0;
    for (const c of cases) {
      for (const detector of Object.values(DETECTORS)) {
        const detection = detector(withOcrText(caseBundle(c)), DEFAULT_DETECTOR_SETTINGS);
        for (const f of [...detection.findings, ...(detection.observations ?? [])]) {
          assert.match(f.summary.replace(/「[^」]*」/g, '「」'), /^[^。！？]+。$/, `${c.id}: ${f.summary}`);
          assert.doesNotMatch(f.summary, /[。！？；]」/, `${c.id}: ${f.summary}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 50, `only ${checked} summaries checked`);
  });
});
