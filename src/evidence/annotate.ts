/**
 * Annotated screenshots: the offending element boxed and labelled with the check title, so a
 * reviewer sees at a glance what the finding points at. Bounds are CSS pixels of the page;
 * the screenshot is the viewport in device pixels.
 */
import sharp from 'sharp';
import type { Bounds } from './types.js';

export interface Annotation {
  bounds: Bounds;
  label: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Draws boxes and labels on a PNG; annotations outside the image are listed in a bottom banner. */
export async function annotateScreenshot(png: Buffer, annotations: Annotation[], pixelRatio: number): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const stroke = Math.max(3, Math.round(2 * pixelRatio));
  const fontSize = Math.round(13 * pixelRatio);
  const shapes: string[] = [];
  const outside: string[] = [];
  for (const a of annotations) {
    const x = Math.round(a.bounds.x * pixelRatio);
    const y = Math.round(a.bounds.y * pixelRatio);
    const w = Math.max(4, Math.round(a.bounds.width * pixelRatio));
    const h = Math.max(4, Math.round(a.bounds.height * pixelRatio));
    if (y >= height || x >= width) {
      outside.push(a.label);
      continue;
    }
    const labelY = y > fontSize + 8 ? y - 6 : Math.min(height - 6, y + h + fontSize + 4);
    shapes.push(
      // A white halo under the red box keeps it visible on red banners and dark images.
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="#ffffff" stroke-width="${stroke * 2 + 2}"/>`,
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="#e00000" stroke-width="${stroke}"/>`,
      `<rect x="${x}" y="${labelY - fontSize - 2}" width="${Math.min(width - x, (a.label.length + 1) * fontSize)}" height="${fontSize + 8}" fill="#e00000" opacity="0.85"/>`,
      `<text x="${x + 4}" y="${labelY}" font-size="${fontSize}" font-family="Noto Sans CJK SC, sans-serif" fill="#fff">${escapeXml(a.label)}</text>`,
    );
  }
  if (outside.length) {
    shapes.push(
      `<rect x="0" y="${height - fontSize - 16}" width="${width}" height="${fontSize + 16}" fill="#e00000" opacity="0.85"/>`,
      `<text x="8" y="${height - 10}" font-size="${fontSize}" font-family="Noto Sans CJK SC, sans-serif" fill="#fff">${escapeXml(`截图可视区域之外：${outside.join('；')}`)}</text>`,
    );
  }
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join('')}</svg>`);
  return sharp(png).composite([{ input: svg, top: 0, left: 0 }]).png().toBuffer();
}
