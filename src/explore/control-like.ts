/**
 * Which nodes look like controls, on any platform, from the UI tree alone: what a person would
 * try to tap on a screen whose handlers nobody told us about (delegated from an ancestor, a
 * framework we do not read, a native page source with wrong `clickable` flags). Pure and cheap:
 * one index over the nodes, one pass.
 *
 * A control-like node is visible, not covered, not editable, neither inside a clickable node nor
 * holding one, and is one of: a list row (same-kind siblings), a cell of a horizontal row of short
 * cells (a tab bar, a segmented control), an icon+label cell (an image and a short text), a short
 * text leaf (not a heading or a sentence), or a banner image. A cell is taken instead of its leaves.
 */
import { normalizeText } from '../checks/text-match.js';
import type { UiNode } from '../evidence/types.js';

/** Text up to this length (characters) reads like a control's label, not like content. */
export const SHORT_TEXT = 12;
/** Same-kind siblings needed for a list. */
const ROW_SIBLINGS = 3;
/** A cell or row is a small subtree; a big one is a section, not a control. */
const MAX_CELL_NODES = 8;
const MAX_ROW_TEXT = 60;

const HEADING = /^(h[1-6]|header|title|legend|caption|label|th|thead|option)$/i;
const CONTAINER = /^(html|body|head|main|form|table|tbody|ul|ol|nav|section|article|footer|iframe|svg|path|g|script|style)$/i;
const IMAGE = /^(img|image|svg|picture|canvas|i|icon)$|ImageView|Image$|\.Image|XCUIElementTypeImage/i;
const INPUT = /^(input|select|textarea|option)$|EditText|TextField|SecureTextField|TextInput/i;
/** Sentences end with or contain full stops and commas; a control's label does not. */
const SENTENCE = /[。，；！？,;!?]|\.\s/;

/** A node possibly flagged by the platform as a passing overlay (a toast, a loading mask). */
export type MaybeTransient = UiNode & { transient?: boolean };

/** True for a node the platform flagged as a passing overlay: never a candidate, never part of a screen's identity. */
export function isTransient(node: UiNode): boolean {
  return (node as MaybeTransient).transient === true;
}

interface Tree {
  byId: Map<number, UiNode>;
  children: Map<number, UiNode[]>;
  /** Nodes in each subtree (the node itself included). */
  size: Map<number, number>;
  hasClickableInside: Set<number>;
  insideClickable: Set<number>;
}

function index(nodes: UiNode[]): Tree {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<number, UiNode[]>();
  for (const n of nodes) {
    if (n.parent === null) continue;
    const list = children.get(n.parent);
    if (list) list.push(n);
    else children.set(n.parent, [n]);
  }
  const size = new Map<number, number>();
  const hasClickableInside = new Set<number>();
  const insideClickable = new Set<number>();
  for (const n of nodes) {
    for (let p = n.parent; p !== null; p = byId.get(p)?.parent ?? null) {
      size.set(p, (size.get(p) ?? 1) + 1);
      if (n.clickable) hasClickableInside.add(p);
      if (byId.get(p)?.clickable) insideClickable.add(n.id);
    }
    if (!size.has(n.id)) size.set(n.id, 1);
  }
  return { byId, children, size, hasClickableInside, insideClickable };
}

function descendants(tree: Tree, node: UiNode): UiNode[] {
  const out: UiNode[] = [];
  const stack = [...(tree.children.get(node.id) ?? [])];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    stack.push(...(tree.children.get(n.id) ?? []));
  }
  return out;
}

function textOf(node: UiNode): string {
  return normalizeText(node.fullText || node.label || node.text);
}

/** Has a letter or a CJK character: a bare number, date or price is data, not a label. */
function wordy(text: string): boolean {
  return /[\p{L}]/u.test(text);
}

function shortLabel(text: string): boolean {
  return text.length > 0 && text.length <= SHORT_TEXT && wordy(text) && !SENTENCE.test(text);
}

/** May a node be a control at all (whatever its shape)? */
function eligible(tree: Tree, node: UiNode): boolean {
  return !node.clickable && !node.obscured && !isTransient(node) && !node.editable && !INPUT.test(node.role) &&
    node.bounds.width > 0 && node.bounds.height > 0 &&
    !tree.insideClickable.has(node.id) && !tree.hasClickableInside.has(node.id);
}

function isImage(node: UiNode): boolean {
  return IMAGE.test(node.role) && node.bounds.width > 0;
}

/** A small subtree holding an image and a short label (a grid cell of a services menu, a tab with its icon). */
function iconLabelCell(tree: Tree, node: UiNode): boolean {
  if ((tree.size.get(node.id) ?? 1) > MAX_CELL_NODES || HEADING.test(node.role) || CONTAINER.test(node.role)) return false;
  const inside = descendants(tree, node);
  return inside.some(isImage) && !inside.some((n) => HEADING.test(n.role)) && shortLabel(textOf(node));
}

/** A row of a list: at least ROW_SIBLINGS same-role siblings, each a small subtree with text. */
function listRow(tree: Tree, node: UiNode): boolean {
  if (node.parent === null || CONTAINER.test(node.role) || HEADING.test(node.role)) return false;
  if ((tree.size.get(node.id) ?? 1) > MAX_CELL_NODES) return false;
  const text = textOf(node);
  if (!text || text.length > MAX_ROW_TEXT || !wordy(text)) return false;
  // Rows of one list are alike: the same role, uncovered like this one, of comparable height (a
  // full-screen modal mask beside the page's sections is not a row of them).
  const alike = (s: UiNode): boolean => s.role === node.role && textOf(s) !== '' && !s.clickable && !s.obscured &&
    s.bounds.height <= node.bounds.height * 3 && node.bounds.height <= s.bounds.height * 3;
  const siblings = (tree.children.get(node.parent) ?? []).filter(alike);
  // A run of text leaves is a paragraph's words, not a list: rows hold more than one thing.
  return siblings.length >= ROW_SIBLINGS && (tree.size.get(node.id) ?? 1) > 1;
}

/** A cell of a horizontal row of at least two short cells side by side (tab bar, segmented tabs). */
function rowCell(tree: Tree, node: UiNode): boolean {
  if (node.parent === null || (tree.size.get(node.id) ?? 1) > MAX_CELL_NODES || !shortLabel(textOf(node))) return false;
  const siblings = (tree.children.get(node.parent) ?? []).filter((s) => s.bounds.width > 0);
  if (siblings.length < 2) return false;
  const sameLine = siblings.every((s) => Math.abs(s.bounds.y - node.bounds.y) <= 4 && shortLabel(textOf(s)));
  const distinctX = new Set(siblings.map((s) => Math.round(s.bounds.x))).size === siblings.length;
  return sameLine && distinctX;
}

function textLeaf(tree: Tree, node: UiNode): boolean {
  if (HEADING.test(node.role) || CONTAINER.test(node.role) || /^p$/i.test(node.role)) return false;
  const kids = tree.children.get(node.id) ?? [];
  return kids.every((k) => !textOf(k)) && shortLabel(textOf(node));
}

function banner(node: UiNode): boolean {
  return isImage(node) && node.bounds.width >= 200 && node.bounds.height >= 80;
}

/** The nodes of a screen that look like controls (see the file header), in document order, one per control. */
export function controlLikeNodes(nodes: UiNode[]): UiNode[] {
  const tree = index(nodes);
  const chosen: UiNode[] = [];
  const covered = new Set<number>();
  const take = (node: UiNode): void => {
    chosen.push(node);
    covered.add(node.id);
    for (const d of descendants(tree, node)) covered.add(d.id);
  };
  // Cells first (document order puts a cell before its leaves), so the cell is taken, not its text.
  for (const node of nodes) {
    if (covered.has(node.id) || !eligible(tree, node)) continue;
    if (hasCoveredAncestor(tree, node, covered)) continue;
    if (listRow(tree, node) || rowCell(tree, node) || iconLabelCell(tree, node) || textLeaf(tree, node) || banner(node)) take(node);
  }
  return chosen;
}

function hasCoveredAncestor(tree: Tree, node: UiNode, covered: Set<number>): boolean {
  for (let p = node.parent; p !== null; p = tree.byId.get(p)?.parent ?? null) if (covered.has(p)) return true;
  return false;
}

/** True when `node` looks like a control among `nodes` (prefer controlLikeNodes for a whole screen). */
export function controlLike(node: UiNode, nodes: UiNode[]): boolean {
  return controlLikeNodes(nodes).some((n) => n.id === node.id);
}
