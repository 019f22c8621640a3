/**
 * Screenshots of the displayed tree: each node's box (its background colour), text wrapped in its bounds in
 * Noto Sans CJK (fonts-noto-cjk), hints in grey, input lines under editable nodes, rendered to PNG with sharp.
 * Legible Chinese is the point: the OCR-based checks read these images.
 */
import sharp from 'sharp';
import type { ScreenSize } from './system-ui.js';
import { flatten, type ViewNode } from './view-tree.js';

const FONT = "'Noto Sans CJK SC', 'Noto Sans CJK', 'Noto Sans', sans-serif";
const DEFAULT_TEXT_SIZE = 42;
const STATUS_BAR_PX = 96;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Rough advance width of a character at a font size (CJK full width, Latin about half). */
function advance(ch: string, size: number): number {
  return /[\u2e80-\uffff]/.test(ch) ? size : size * 0.56;
}

/** Breaks text into lines that fit `width` px. */
export function wrapText(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of paragraph) {
      const a = advance(ch, size);
      if (w + a > width && line) {
        lines.push(line);
        line = '';
        w = 0;
      }
      line += ch;
      w += a;
    }
    lines.push(line);
  }
  return lines;
}

function nodeSvg(n: ViewNode): string {
  const [l, t, r, b] = n.bounds;
  const m = n.node;
  const parts: string[] = [];
  if (m.background) parts.push(`<rect x="${l}" y="${t}" width="${r - l}" height="${b - t}" fill="${m.background}" rx="${m.clickable && m.class.endsWith('Button') ? 16 : 0}"/>`);
  if (m.editable) parts.push(`<line x1="${l}" y1="${b - 6}" x2="${r}" y2="${b - 6}" stroke="#1a73e8" stroke-width="4"/>`);
  const shown = m.password ? '•'.repeat(n.text.length) : n.text;
  const text = shown || (m.editable ? m.hint ?? '' : '');
  if (!text) return parts.join('');
  const size = m.textSize ?? DEFAULT_TEXT_SIZE;
  const color = shown ? m.color ?? '#212121' : '#9e9e9e';
  const pad = 12;
  const lines = wrapText(text, size, Math.max(size, r - l - 2 * pad));
  const lineHeight = Math.round(size * 1.3);
  const centered = m.class.endsWith('Button') || m.class.endsWith('Toast');
  const blockTop = t + Math.max(0, Math.round((b - t - lines.length * lineHeight) / 2));
  lines.forEach((line, i) => {
    const y = blockTop + i * lineHeight + Math.round(size * 1.02);
    if (y > b + size) return;
    const x = centered ? Math.round((l + r) / 2) : l + pad;
    parts.push(`<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" fill="${color}"${centered ? ' text-anchor="middle"' : ''}>${esc(line)}</text>`);
  });
  return parts.join('');
}

/** The SVG of a displayed tree (status bar on top, then every node in drawing order). */
export function renderSvg(root: ViewNode, screen: ScreenSize, clock = '09:41'): string {
  const body = flatten(root).map(nodeSvg).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${screen.width}" height="${screen.height}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>\n${body}\n` +
    `<rect x="0" y="0" width="${screen.width}" height="${STATUS_BAR_PX}" fill="#000000" fill-opacity="0.08"/>` +
    `<text x="48" y="66" font-family="${FONT}" font-size="38" fill="#202124">${esc(clock)}</text></svg>`;
}

/** A PNG screenshot of the displayed tree. */
export async function renderScreenshot(root: ViewNode, screen: ScreenSize, clock?: string): Promise<Buffer> {
  return await sharp(Buffer.from(renderSvg(root, screen, clock))).png({ compressionLevel: 6 }).toBuffer();
}
