/**
 * Image preparation for recognition (sharp): crop a region of the screenshot, grayscale, stretch
 * the contrast, and scale small text up (tesseract's LSTM reads best at ~30 px line height).
 */
import sharp from 'sharp';
import type { Bounds } from '../evidence/types.js';

/** Crops smaller than this (device px) are scaled up so their text lines are tall enough. */
const MIN_CROP_HEIGHT = 64;
const MAX_SCALE = 3;

export interface PreparedCrop {
  png: Buffer;
  /** Device-pixel origin of the crop in the screenshot. */
  left: number;
  top: number;
  /** Pixels of the prepared image per device pixel. */
  scale: number;
}

/** The region (CSS px) cut from the screenshot and prepared; undefined when it falls outside it. */
export async function prepareCrop(screenshot: Buffer, region: Bounds, pixelRatio: number): Promise<PreparedCrop | undefined> {
  const meta = await sharp(screenshot).metadata();
  const left = Math.max(0, Math.floor(region.x * pixelRatio));
  const top = Math.max(0, Math.floor(region.y * pixelRatio));
  const width = Math.min((meta.width ?? 0) - left, Math.ceil(region.width * pixelRatio));
  const height = Math.min((meta.height ?? 0) - top, Math.ceil(region.height * pixelRatio));
  if (width < 8 || height < 8) return undefined;
  const scale = Math.min(MAX_SCALE, Math.max(1, MIN_CROP_HEIGHT / height));
  let image = sharp(screenshot).extract({ left, top, width, height }).grayscale().normalise();
  if (scale > 1) image = image.resize({ width: Math.round(width * scale), kernel: 'lanczos3' });
  return { png: await image.png().toBuffer(), left, top, scale };
}
