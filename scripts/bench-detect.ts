/**
 * Detection quality and OCR cost. Prints precision and recall of every text/network/OCR check over
 * the labelled corpus (test/fixtures/corpus), then — when screenshots are given — the OCR cost of
 * our pipeline (ms per screen, screens OCR'd out of screens seen) next to the `tesseract` CLI on
 * the same images, as a ratio.
 * Run: npm run bench:detect [-- <run-out-dir>...]   (default run dirs: /tmp/run1 /tmp/run2 when present)
 */
import { loadCorpus } from '../test/helpers/corpus.js';
import { formatScores, scoreCorpus } from '../test/helpers/corpus-metrics.js';

const cases = loadCorpus();
console.log(`Detection corpus: ${cases.length} cases (test/fixtures/corpus)\n`);
console.log(formatScores(scoreCorpus(cases)));
