/**
 * Where OCR adds information: decided per screen from the UI model, so text the DOM (or the
 * accessibility tree) already carries is never read twice. A region is a raster element with no
 * text of its own (img, canvas, picture, video, input[type=image], a native image view, a nameless
 * clickable node), or the whole viewport when the screen has almost no text at all (a WebView
 * without an accessible tree). SVG is never read: its text is DOM text already.
 */
import { PLATFORM_UI_TREES } from '../platforms/platform-id.js';
import type { Bounds, ScreenEvent, UiNode } from '../evidence/types.js';

const RASTER_ROLES = /^(img|canvas|picture|video|image|input\[type=image\]|android\.widget\.ImageView|android\.widget\.ImageButton|XCUIElementTypeImage|Image)$/i;
/** Below this area (CSS px²) an element is an icon without readable words. */
const MIN_AREA = 1500;
const MIN_HEIGHT = 14;
/** A screen with less visible text than this is read whole. */
const SPARSE_TEXT_CHARS = 8;
const MAX_REGIONS = 8;

export interface OcrPlan {
  regions: Bounds[];
  /** Chinese, for the report: why these regions (or why none). */
  reason: string;
}

/** The regions of a screen worth reading, in CSS pixels, clipped to the viewport. */
export function planOcr(screen: ScreenEvent): OcrPlan {
  const viewport: Bounds = { x: 0, y: 0, width: screen.viewport.width, height: screen.viewport.height };
  if (!screen.screenshot) return { regions: [], reason: '没有截图' };
  if (screen.visibleText.replace(/\s+/g, '').length < SPARSE_TEXT_CHARS) return { regions: [viewport], reason: '界面几乎没有可读文字（可能是无障碍树缺失的 WebView 或原生界面），识别整屏' };
  const inModal = modalRoot(screen);
  const candidates = screen.nodes
    .filter((n) => isUnexplainedRaster(n, screen) && (inModal === undefined || isWithin(n, inModal, screen)))
    .map((n) => clip(n.bounds, viewport))
    .filter((b): b is Bounds => b !== undefined && b.width * b.height >= MIN_AREA && b.height >= MIN_HEIGHT);
  const regions = mergeOverlapping(candidates).slice(0, MAX_REGIONS);
  if (!regions.length) return { regions, reason: '界面文字均可从界面结构读取，无需识别' };
  return { regions, reason: `${regions.length} 个图片/画布区域没有对应的界面文字` };
}

/**
 * When a modal covers the page (some controls are obscured), the page behind it is dimmed and
 * was or will be read on its own screen: only the modal's images count. The modal is the largest
 * subtree around the controls a user can still tap that holds none of the covered ones.
 */
function modalRoot(screen: ScreenEvent): UiNode | undefined {
  if (!screen.nodes.some((n) => n.obscured)) return undefined;
  const byId = new Map(screen.nodes.map((n) => [n.id, n]));
  const chain = (n: UiNode): number[] => {
    const ids: number[] = [];
    for (let c: UiNode | undefined = n; c; c = c.parent === null ? undefined : byId.get(c.parent)) ids.unshift(c.id);
    return ids;
  };
  const chains = screen.nodes.filter((n) => n.clickable && !n.obscured).map(chain);
  if (!chains.length) return undefined;
  let depth = 0;
  while (chains.every((c) => c[depth] !== undefined && c[depth] === chains[0]![depth])) depth++;
  // Climb to the largest subtree that still holds no covered control: the dialog, not its button.
  let root = depth > 0 ? byId.get(chains[0]![depth - 1]!) : undefined;
  const obscured = screen.nodes.filter((n) => n.obscured);
  while (root && root.parent !== null) {
    const parent = byId.get(root.parent);
    if (!parent || obscured.some((o) => isWithin(o, parent, screen))) break;
    root = parent;
  }
  return root;
}

function isWithin(node: UiNode, root: UiNode, screen: ScreenEvent): boolean {
  const byId = new Map(screen.nodes.map((n) => [n.id, n]));
  for (let c: UiNode | undefined = node; c; c = c.parent === null ? undefined : byId.get(c.parent)) if (c.id === root.id) return true;
  return false;
}

function isUnexplainedRaster(node: UiNode, screen: ScreenEvent): boolean {
  if (node.fullText.trim() || node.label?.trim()) return false;
  if (RASTER_ROLES.test(node.role)) return true;
  // Native views: a clickable node with no text and no description is an icon or a drawn label.
  return PLATFORM_UI_TREES[node.platform] === 'native' && node.clickable && !screen.nodes.some((c) => c.parent === node.id);
}

function clip(b: Bounds, to: Bounds): Bounds | undefined {
  const x = Math.max(b.x, to.x);
  const y = Math.max(b.y, to.y);
  const right = Math.min(b.x + b.width, to.x + to.width);
  const bottom = Math.min(b.y + b.height, to.y + to.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined;
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Overlapping regions become their union, so no pixel is read twice. */
export function mergeOverlapping(boxes: Bounds[]): Bounds[] {
  const out: Bounds[] = [];
  for (const box of boxes) {
    let merged = box;
    for (let i = out.length - 1; i >= 0; i--) {
      if (overlaps(out[i]!, merged)) {
        const o = out.splice(i, 1)[0]!;
        const x = Math.min(o.x, merged.x);
        const y = Math.min(o.y, merged.y);
        merged = { x, y, width: Math.max(o.x + o.width, merged.x + merged.width) - x, height: Math.max(o.y + o.height, merged.y + merged.height) - y };
      }
    }
    out.push(merged);
  }
  return out;
}
