/**
 * What is on the display now, as a tree of view nodes: the foreground screen with scroll offsets applied and
 * nodes scrolled out of their container left out, plus overlays (a permission dialog, a toast). Both the
 * hierarchy dump and the screenshot render this tree, so they always agree.
 */
import type { Bounds, SimNode } from './app-model.js';

export interface ViewNode {
  /** Stable path of the model node (`0/2/1`), or an overlay key; element ids derive from it. */
  key: string;
  pkg: string;
  node: SimNode;
  /** Bounds on the display after scrolling. */
  bounds: Bounds;
  text: string;
  focused: boolean;
  children: ViewNode[];
}

export interface ViewState {
  pkg: string;
  root: SimNode;
  /** Scroll offset (px) of each scrollable node, by key. */
  scroll: ReadonlyMap<string, number>;
  /** Text entered into editable nodes, by key. */
  texts: ReadonlyMap<string, string>;
  focusedKey?: string;
}

/** Builds the displayed tree of one screen. */
export function buildViewTree(state: ViewState): ViewNode {
  return toView(state.root, '0', 0, undefined, state)!;
}

function toView(node: SimNode, key: string, dy: number, clip: Bounds | undefined, state: ViewState): ViewNode | undefined {
  const bounds: Bounds = [node.bounds[0], node.bounds[1] - dy, node.bounds[2], node.bounds[3] - dy];
  const shown = clip ? intersect(bounds, clip) : bounds;
  if (!shown) return undefined;
  const childDy = dy + (node.scrollable ? state.scroll.get(key) ?? 0 : 0);
  const childClip = node.scrollable ? shown : clip;
  const children = (node.children ?? [])
    .map((child, i) => toView(child, `${key}/${i}`, childDy, childClip, state))
    .filter((v): v is ViewNode => v !== undefined);
  const text = state.texts.get(key) ?? node.text ?? '';
  return { key, pkg: state.pkg, node, bounds: shown, text, focused: state.focusedKey === key, children };
}

/** Overlap of two rectangles, undefined when they do not overlap. */
export function intersect(a: Bounds, b: Bounds): Bounds | undefined {
  const r: Bounds = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return r[0] < r[2] && r[1] < r[3] ? r : undefined;
}

/** Every node of the tree, depth first, parents before children. */
export function flatten(root: ViewNode): ViewNode[] {
  const out: ViewNode[] = [];
  const walk = (n: ViewNode): void => {
    out.push(n);
    n.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** The deepest node at (x, y) that reacts to a tap (clickable or editable), as Android dispatches touches. */
export function hitTest(root: ViewNode, x: number, y: number): ViewNode | undefined {
  let hit: ViewNode | undefined;
  for (const n of flatten(root)) {
    const [l, t, r, b] = n.bounds;
    if (x >= l && x < r && y >= t && y < b && (n.node.clickable || n.node.editable) && n.node.enabled !== false) hit = n;
  }
  return hit;
}
