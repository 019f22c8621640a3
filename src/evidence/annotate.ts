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

/** A rectangle of image pixels. */
interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Draws boxes and labels on a PNG; annotations outside the image are listed in a bottom banner.
 * The drawing is rasterized only over the area it covers and composited there: a full-screen overlay
 * (1080×2400) cost about 100 ms of CPU per finding, the boxed area a fraction of it, with the same pixels.
 */
export async function annotateScreenshot(png: Buffer, annotations: Annotation[], pixelRatio: number): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const stroke = Math.max(3, Math.round(2 * pixelRatio));
  const fontSize = Math.round(13 * pixelRatio);
  const shapes: string[] = [];
  const areas: Area[] = [];
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
    const labelWidth = Math.min(width - x, (a.label.length + 1) * fontSize);
    shapes.push(
      // A white halo under the red box keeps it visible on red banners and dark images.
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="#ffffff" stroke-width="${stroke * 2 + 2}"/>`,
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="#e00000" stroke-width="${stroke}"/>`,
      `<rect x="${x}" y="${labelY - fontSize - 2}" width="${labelWidth}" height="${fontSize + 8}" fill="#e00000" opacity="0.85"/>`,
      `<text x="${x + 4}" y="${labelY}" font-size="${fontSize}" font-family="Noto Sans CJK SC, sans-serif" fill="#fff">${escapeXml(a.label)}</text>`,
    );
    const halo = stroke + 2; // half the halo's stroke, rounded up, and a pixel of antialiasing
    areas.push({ left: x - halo, top: y - halo, right: x + w + halo, bottom: y + h + halo });
    // The label's text may run past its box (a wide glyph); its line is given the whole row to the image's edge.
    areas.push({ left: x - 1, top: labelY - fontSize - 4, right: width, bottom: labelY + fontSize });
  }
  if (outside.length) {
    shapes.push(
      `<rect x="0" y="${height - fontSize - 16}" width="${width}" height="${fontSize + 16}" fill="#e00000" opacity="0.85"/>`,
      `<text x="8" y="${height - 10}" font-size="${fontSize}" font-family="Noto Sans CJK SC, sans-serif" fill="#fff">${escapeXml(`截图可视区域之外：${outside.join('；')}`)}</text>`,
    );
    areas.push({ left: 0, top: height - fontSize - 16, right: width, bottom: height });
  }
  const area = clip(areas, width, height);
  if (!area) return sharp(png).png().toBuffer();
  const areaWidth = area.right - area.left;
  const areaHeight = area.bottom - area.top;
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${areaWidth}" height="${areaHeight}">` +
    `<g transform="translate(${-area.left} ${-area.top})">${shapes.join('')}</g></svg>`,
  );
  return sharp(png).composite([{ input: svg, top: area.top, left: area.left }]).png().toBuffer();
}

/** The union of the areas, inside the image; undefined when nothing of it is on the image. */
function clip(areas: Area[], width: number, height: number): Area | undefined {
  if (areas.length === 0) return undefined;
  const left = Math.max(0, Math.min(...areas.map((a) => a.left)));
  const top = Math.max(0, Math.min(...areas.map((a) => a.top)));
  const right = Math.min(width, Math.max(...areas.map((a) => a.right)));
  const bottom = Math.min(height, Math.max(...areas.map((a) => a.bottom)));
  return right > left && bottom > top ? { left, top, right, bottom } : undefined;
}
