/**
 * OCR words as part of the UI model: words on one text line are joined into one line node
 * (role `ocr-text`, bounds = the union of the word boxes) appended to its screen, parented to the
 * deepest UI node whose box holds the line's centre, so a word drawn on a clickable image counts
 * as that control's text. Every detector then reads OCR text the same way as DOM text, and a
 * finding that cites such a node says `source: 'ocr'` and boxes the words.
 */
import { EARLY_EVIDENCE_PLATFORM } from '../platforms/platform-id.js';
import type { Bounds, EvidenceBundle, OcrWord, ScreenEvent, UiNode } from '../evidence/types.js';
import { normalizeText } from './text-match.js';

export const OCR_ROLE = 'ocr-text';

/** The bundle with every screen's OCR lines added as nodes (the input is not changed). */
export function withOcrText(bundle: EvidenceBundle): EvidenceBundle {
  if (!bundle.ocr?.length) return bundle;
  const screens = bundle.screens.map((screen) => {
    const words = bundle.ocr!.filter((o) => o.screenId === screen.id).flatMap((o) => o.words);
    return words.length ? addOcrNodes(screen, ocrLines(words)) : screen;
  });
  return { ...bundle, screens };
}

/**
 * Groups words into lines: words whose vertical centres agree (within half the smaller height)
 * share a band; a band is split where the horizontal gap exceeds two character heights, so a
 * badge beside a title is its own line.
 */
export function ocrLines(words: readonly OcrWord[]): OcrWord[] {
  const centre = (w: OcrWord) => w.bounds.y + w.bounds.height / 2;
  const bands: { cy: number; height: number; words: OcrWord[] }[] = [];
  for (const word of [...words].filter((w) => normalizeText(w.text)).sort((a, b) => centre(a) - centre(b))) {
    const band = bands.find((b) => Math.abs(b.cy - centre(word)) < Math.min(b.height, word.bounds.height) / 2);
    if (band) band.words.push(word);
    else bands.push({ cy: centre(word), height: word.bounds.height, words: [word] });
  }
  return bands.flatMap((band) => splitAtGaps(band.words.sort((a, b) => a.bounds.x - b.bounds.x))).map((line) => ({
    text: normalizeText(line.map((w) => w.text).join(' ')),
    bounds: unionBounds(line.map((w) => w.bounds)),
    confidence: Math.min(...line.map((w) => w.confidence)),
  }));
}

function splitAtGaps(sorted: OcrWord[]): OcrWord[][] {
  const segments: OcrWord[][] = [];
  for (const word of sorted) {
    const current = segments[segments.length - 1];
    const last = current?.[current.length - 1];
    const gap = last ? word.bounds.x - (last.bounds.x + last.bounds.width) : Infinity;
    if (current && last && gap < 2 * Math.min(last.bounds.height, word.bounds.height)) current.push(word);
    else segments.push([word]);
  }
  return segments;
}

/** The smallest box holding every box. */
export function unionBounds(boxes: readonly Bounds[]): Bounds {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

function addOcrNodes(screen: ScreenEvent, lines: OcrWord[]): ScreenEvent {
  let nextId = Math.max(-1, ...screen.nodes.map((n) => n.id)) + 1;
  const added: UiNode[] = lines.map((line) => ({
    id: nextId++, parent: containerOf(screen.nodes, line.bounds)?.id ?? null, role: OCR_ROLE, text: line.text, fullText: line.text,
    bounds: line.bounds, clickable: false, editable: false, scrollable: false, platform: screen.platform ?? screen.nodes[0]?.platform ?? EARLY_EVIDENCE_PLATFORM,
  }));
  const visibleText = [screen.visibleText, ...added.map((n) => n.text)].join(' ');
  return { ...screen, nodes: [...screen.nodes, ...added], visibleText };
}

/** The smallest node whose box holds the centre of `box`. */
function containerOf(nodes: readonly UiNode[], box: Bounds): UiNode | undefined {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const holding = nodes.filter((n) => cx >= n.bounds.x && cx <= n.bounds.x + n.bounds.width && cy >= n.bounds.y && cy <= n.bounds.y + n.bounds.height);
  return holding.sort((a, b) => a.bounds.width * a.bounds.height - b.bounds.width * b.bounds.height)[0];
}
