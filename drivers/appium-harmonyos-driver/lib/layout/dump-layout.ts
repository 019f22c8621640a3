/**
 * `uitest dumpLayout` JSON: every node is `{attributes, children}` and every attribute value is a
 * string; the top node is a synthetic root, each window root has `type: "root"` with bundleName,
 * abilityName and pagePath. Bounds read `[left,top][right,bottom]`.
 */
export interface LayoutNode {
  attributes?: Record<string, string>;
  children?: LayoutNode[];
}

export interface Rect { x: number; y: number; width: number; height: number }

/** Parses dumpLayout JSON text; throws when it is not a layout document. */
export function parseLayoutJson(text: string): LayoutNode {
  const root = JSON.parse(text) as LayoutNode;
  if (!root || typeof root !== 'object' || (!root.attributes && !Array.isArray(root.children))) {
    throw new Error('uitest dumpLayout returned something other than a layout document ({attributes, children})');
  }
  return root;
}

/** "[l,t][r,b]" → a rectangle; undefined when malformed. */
export function parseBounds(text: string | undefined): Rect | undefined {
  const m = /^\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]$/.exec((text ?? '').trim());
  if (!m) return undefined;
  const [l, t, r, b] = m.slice(1).map(Number) as [number, number, number, number];
  return { x: l, y: t, width: Math.max(0, r - l), height: Math.max(0, b - t) };
}

/** The centre of a rectangle, in whole pixels (what `uitest uiInput click` takes). */
export function centerOf(rect: Rect): { x: number; y: number } {
  return { x: Math.round(rect.x + rect.width / 2), y: Math.round(rect.y + rect.height / 2) };
}

/** The foreground window root: bundle, ability and page (the screen's identity). */
export function foregroundWindow(root: LayoutNode): { bundleName?: string; abilityName?: string; pagePath?: string } | undefined {
  const queue = [root];
  while (queue.length > 0) {
    const node = queue.shift()!;
    const a = node.attributes ?? {};
    if (a.type === 'root' && (a.bundleName || a.pagePath)) {
      return { ...(a.bundleName ? { bundleName: a.bundleName } : {}), ...(a.abilityName ? { abilityName: a.abilityName } : {}), ...(a.pagePath ? { pagePath: a.pagePath } : {}) };
    }
    queue.push(...(node.children ?? []));
  }
  return undefined;
}
