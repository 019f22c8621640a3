/**
 * The body of the OCR test (worker side, after exploration): reads text that exists only in
 * pixels on the screens where the UI model says it may exist, and appends one `ocr` event per
 * screen read to the evidence log, so every check below sees those words.
 */
import { addAttachment, addDescription } from '@wdio/allure-reporter';
import { availableParallelism } from 'node:os';
import { EvidenceStore, readEvidenceBundle } from '../evidence/store.js';
import { ocrScreens, type OcrPassStats } from '../ocr/ocr-screens.js';
import { planOcr } from '../ocr/regions.js';
import { createOcrPool } from '../ocr/tesseract-pool.js';
import { readRunConfigFromEnv } from '../runner/run-config.js';
import { runSecrets } from '../runner/run-secrets.js';

/** Runs the OCR pass and records its events; resolves to the pass's cost figures. */
export async function runOcrTest(): Promise<OcrPassStats> {
  const run = readRunConfigFromEnv();
  const bundle = readEvidenceBundle(run.outDir);
  // A second worker costs a model load (~1 s of CPU): only worth it with more than one region to read.
  const regions = bundle.screens.reduce((n, s) => n + planOcr(s).regions.length, 0);
  const engine = createOcrPool(Math.max(1, Math.min(2, availableParallelism(), regions)));
  try {
    const { events, stats } = await ocrScreens(bundle.screens, run.outDir, engine);
    const store = new EvidenceStore(run.outDir, runSecrets(run));
    for (const event of events) store.append(event);
    await addDescription(
      `识别了 ${stats.screensRead}/${stats.screensSeen} 个界面（其余界面的文字均可从界面结构读取），共 ${stats.regionsRead} 个区域，` +
        `缓存命中 ${stats.cacheHits} 次，识别耗时 ${stats.recognizeMs} ms（含识别引擎启动；总耗时 ${stats.wallMs} ms）。`,
      'markdown',
    );
    const words = events.map((e) => ({ screen: e.screenId, regions: e.regions, text: e.words.map((w) => w.text).join(' ') }));
    await addAttachment('识别结果 (JSON)', JSON.stringify(store.secrets.value({ stats, words }), null, 2), 'application/json');
    return stats;
  } finally {
    await engine.terminate();
  }
}
