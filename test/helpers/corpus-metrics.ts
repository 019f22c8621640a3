/** Precision and recall of the detectors over the labelled corpus, per check. */
import { CHECK_CATALOG, type CheckId } from '../../src/checks/catalog.js';
import { DETECTORS } from '../../src/checks/detectors/index.js';
import { withOcrText } from '../../src/checks/ocr-view.js';
import { DEFAULT_DETECTOR_SETTINGS, type DetectorSettings } from '../../src/checks/detectors/types.js';
import { caseBundle, type CorpusCase } from './corpus.js';

/** The checks the corpus measures: every check decided from UI text, OCR words or request payloads. */
export const CORPUS_CHECKS = [
  'forced-check-in', 'points-ranking', 'online-duration-tracking', 'mandatory-login', 'forced-promotion',
  'engagement-metrics-assessment', 'forced-media-upload', 'repeated-data-reporting', 'commercial-activity',
  'filing-disclosure', 'complaint-channel', 'stability',
] as const satisfies readonly CheckId[];

export interface CheckScore {
  id: CheckId;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  /** Case ids the check got wrong, for the failure message. */
  falsePositives: string[];
  falseNegatives: string[];
}

/** True when the check fires on the case: a finding for a prohibition, an observation for a requirement. */
export function fires(id: CheckId, c: CorpusCase, settings: DetectorSettings = DEFAULT_DETECTOR_SETTINGS): boolean {
  const detector = DETECTORS[id];
  if (!detector) return false;
  // OCR words join the UI model exactly as evaluateCheck does it.
  const detection = detector(withOcrText(caseBundle(c)), settings);
  return CHECK_CATALOG[id].kind === 'requirement' ? (detection.observations?.length ?? 0) > 0 : detection.findings.length > 0;
}

/** Scores every corpus check; an empty denominator scores 1 (nothing to get wrong) and is caught by the coverage test. */
export function scoreCorpus(cases: CorpusCase[], settings: DetectorSettings = DEFAULT_DETECTOR_SETTINGS): CheckScore[] {
  return CORPUS_CHECKS.map((id) => {
    const score: CheckScore = { id, tp: 0, fp: 0, fn: 0, tn: 0, precision: 1, recall: 1, falsePositives: [], falseNegatives: [] };
    for (const c of cases) {
      const expected = c.labels.includes(id);
      const got = fires(id, c, settings);
      if (expected && got) score.tp++;
      else if (!expected && got) { score.fp++; score.falsePositives.push(c.id); }
      else if (expected && !got) { score.fn++; score.falseNegatives.push(c.id); }
      else score.tn++;
    }
    if (score.tp + score.fp > 0) score.precision = score.tp / (score.tp + score.fp);
    if (score.tp + score.fn > 0) score.recall = score.tp / (score.tp + score.fn);
    return score;
  });
}

/** The table bench:detect prints and the test shows on failure. */
export function formatScores(scores: CheckScore[]): string {
  const rows = scores.map((s) => `${s.id.padEnd(30)} ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)} ${String(s.tn).padStart(4)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}`);
  return [`${'check'.padEnd(30)}  TP  FP  FN   TN  precision recall`, ...rows].join('\n');
}
