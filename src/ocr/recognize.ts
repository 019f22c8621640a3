/**
 * Reads the planned regions of one screenshot: words with their boxes mapped back to CSS pixels
 * of the page (like UiNode bounds), spaces between CJK characters removed, low-confidence noise
 * dropped. Results are cached by the sha256 of the prepared crop, so a banner seen on many
 * screens is read once.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'tesseract.js';
import type { Bounds, OcrWord } from '../evidence/types.js';
import { normalizeText } from '../checks/text-match.js';
import { prepareCrop, type PreparedCrop } from './prepare.js';
import type { OcrEngine } from './tesseract-pool.js';

/** Below this confidence (0..100) a word is usually texture read as characters. */
const MIN_CONFIDENCE = 60;
/** Text with no letter, digit or CJK character (rules, bullets) says nothing. */
const MEANINGFUL = /[\p{L}\p{N}]/u;

export interface RegionResult {
  words: OcrWord[];
  cached: boolean;
  ms: number;
}

/** A per-run cache of recognised crops (crop sha256 → words relative to the crop). */
export type OcrCache = Map<string, { x: number; y: number; width: number; height: number; text: string; confidence: number }[]>;

/** Recognises one region of a screenshot. */
export async function recognizeRegion(engine: OcrEngine, cache: OcrCache, screenshot: Buffer, region: Bounds, pixelRatio: number): Promise<RegionResult> {
  const crop = await prepareCrop(screenshot, region, pixelRatio);
  if (!crop) return { words: [], cached: false, ms: 0 };
  const key = createHash('sha256').update(crop.png).digest('hex');
  const hit = cache.get(key);
  if (hit) return { words: hit.map((w) => toPage(w, crop, pixelRatio)), cached: true, ms: 0 };
  const started = performance.now();
  const page = await engine.recognize(crop.png);
  const ms = Math.round(performance.now() - started);
  const raw = pageWords(page);
  cache.set(key, raw);
  return { words: raw.map((w) => toPage(w, crop, pixelRatio)), cached: false, ms };
}

/** Words of a tesseract page, normalised and filtered, in prepared-crop pixels. */
export function pageWords(page: Page): { x: number; y: number; width: number; height: number; text: string; confidence: number }[] {
  const words = (page.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
  return words
    .map((w) => ({ x: w.bbox.x0, y: w.bbox.y0, width: w.bbox.x1 - w.bbox.x0, height: w.bbox.y1 - w.bbox.y0, text: normalizeText(w.text), confidence: Math.round(w.confidence) }))
    .filter((w) => w.confidence >= MIN_CONFIDENCE && MEANINGFUL.test(w.text));
}

function toPage(w: { x: number; y: number; width: number; height: number; text: string; confidence: number }, crop: PreparedCrop, pixelRatio: number): OcrWord {
  const css = (v: number, origin: number) => Math.round(((v / crop.scale + origin) / pixelRatio) * 10) / 10;
  return {
    text: w.text,
    confidence: w.confidence,
    bounds: { x: css(w.x, crop.left), y: css(w.y, crop.top), width: Math.round((w.width / crop.scale / pixelRatio) * 10) / 10, height: Math.round((w.height / crop.scale / pixelRatio) * 10) / 10 },
  };
}
