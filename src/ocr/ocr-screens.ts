/**
 * The OCR pass over a run's recorded screens: plan regions per screen from the UI model, read
 * them with the pool, and return one OcrEvent per screen that had something to read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OcrEvent, ScreenEvent } from '../evidence/types.js';
import { planOcr } from './regions.js';
import { recognizeRegion, type OcrCache } from './recognize.js';
import type { OcrEngine } from './tesseract-pool.js';

export interface OcrPassStats {
  screensSeen: number;
  screensRead: number;
  regionsRead: number;
  cacheHits: number;
  /** Recognition time summed over read regions (cache hits cost 0). */
  recognizeMs: number;
  /** Wall time of the pass, preparation included. */
  wallMs: number;
}

/** Runs OCR where it adds information; `outDir` is where the screenshots' blob paths resolve. */
export async function ocrScreens(screens: readonly ScreenEvent[], outDir: string, engine: OcrEngine, cache: OcrCache = new Map()): Promise<{ events: OcrEvent[]; stats: OcrPassStats }> {
  const started = performance.now();
  const stats: OcrPassStats = { screensSeen: screens.length, screensRead: 0, regionsRead: 0, cacheHits: 0, recognizeMs: 0, wallMs: 0 };
  const events: OcrEvent[] = [];
  for (const screen of screens) {
    const plan = planOcr(screen);
    if (!plan.regions.length || !screen.screenshot) continue;
    const png = readFileSync(join(outDir, screen.screenshot.path));
    stats.screensRead++;
    const event: OcrEvent = { type: 'ocr', screenId: screen.id, imageSha256: screen.screenshot.sha256, regions: plan.regions, words: [], ms: 0 };
    for (const region of plan.regions) {
      const result = await recognizeRegion(engine, cache, png, region, screen.viewport.devicePixelRatio);
      stats.regionsRead++;
      if (result.cached) stats.cacheHits++;
      event.ms += result.ms;
      event.words.push(...result.words);
    }
    stats.recognizeMs += event.ms;
    events.push(event);
  }
  stats.wallMs = Math.round(performance.now() - started);
  return { events, stats };
}
