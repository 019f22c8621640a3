/**
 * A small pool of tesseract.js workers (Simplified Chinese + English) kept alive for the whole
 * run, started on first use. The trained data comes from the npm packages @tesseract.js-data/chi_sim
 * and @tesseract.js-data/eng: nothing is downloaded at run time (langPath is a private folder of
 * links to both packages' files, because tesseract.js takes one langPath for all languages).
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createScheduler, createWorker, type Page, type Scheduler } from 'tesseract.js';

// English first: with chi_sim+eng the wasm build fails to load a garbled third language name and
// logs an error on every start; eng+chi_sim reads the same text without it.
const LANGS = ['eng', 'chi_sim'] as const;
/** Integer-quantised "best" models: the accuracy of best at a fraction of its size; plain 4.0.0 as fallback. */
const MODEL_DIRS = ['4.0.0_best_int', '4.0.0'];

export interface OcrEngine {
  recognize(png: Buffer): Promise<Page>;
  terminate(): Promise<void>;
}

/** The folder of a language's gzipped trained data inside its npm package. */
export function trainedDataFile(lang: string): string {
  const pkg = dirname(createRequire(import.meta.url).resolve(`@tesseract.js-data/${lang}/package.json`));
  for (const dir of MODEL_DIRS) {
    const file = join(pkg, dir, `${lang}.traineddata.gz`);
    if (existsSync(file)) return file;
  }
  throw new Error(`@tesseract.js-data/${lang} has no trained data (looked in ${MODEL_DIRS.join(', ')})`);
}

/** A pool of `size` workers (default: two, or one on a single core). */
export function createOcrPool(size = Math.min(2, availableParallelism())): OcrEngine {
  let started: Promise<{ scheduler: Scheduler; langDir: string }> | undefined;
  const start = async () => {
    const langDir = mkdtempSync(join(tmpdir(), 'govapp-audit-tessdata-'));
    for (const lang of LANGS) symlinkSync(trainedDataFile(lang), join(langDir, `${lang}.traineddata.gz`));
    const scheduler = createScheduler();
    const workers = await Promise.all(Array.from({ length: size }, () => createWorker([...LANGS], 1, { langPath: langDir, gzip: true, cacheMethod: 'none' })));
    for (const worker of workers) scheduler.addWorker(worker);
    return { scheduler, langDir };
  };
  return {
    async recognize(png) {
      started ??= start();
      const { scheduler } = await started;
      const result = await scheduler.addJob('recognize', png, {}, { blocks: true, text: true });
      return result.data;
    },
    async terminate() {
      if (!started) return;
      const { scheduler, langDir } = await started;
      await scheduler.terminate();
      rmSync(langDir, { recursive: true, force: true });
      started = undefined;
    },
  };
}
