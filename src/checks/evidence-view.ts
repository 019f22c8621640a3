/** Read-only helpers over a screen's UI model, and the constructor of findings that cite it. */
import type { ScreenEvent, UiNode } from '../evidence/types.js';
import type { Finding, FindingSource } from './result.js';

/** Map of node id to node for one screen. */
export function indexNodes(screen: ScreenEvent): Map<number, UiNode> {
  return new Map(screen.nodes.map((n) => [n.id, n]));
}

/** The nearest clickable ancestor-or-self, if any. */
export function enclosingControl(node: UiNode, byId: Map<number, UiNode>): UiNode | undefined {
  for (let current: UiNode | undefined = node; current; current = current.parent === null ? undefined : byId.get(current.parent)) {
    if (current.clickable) return current;
  }
  return undefined;
}

/** The text around a node: its parent's full text (e.g. the label next to a file input). */
export function contextText(node: UiNode, byId: Map<number, UiNode>): string {
  const parent = node.parent === null ? undefined : byId.get(node.parent);
  return (parent?.fullText ?? node.fullText).slice(0, 200);
}

/** True when every clickable node on the screen except `node` is covered (a modal gate). */
export function isOnlyActionableNode(screen: ScreenEvent, node: UiNode): boolean {
  const actionable = screen.nodes.filter((n) => n.clickable && !n.obscured);
  return actionable.length > 0 && actionable.every((n) => n.id === node.id || isDescendant(n, node, screen));
}

function isDescendant(candidate: UiNode, ancestor: UiNode, screen: ScreenEvent): boolean {
  const byId = indexNodes(screen);
  for (let p = candidate.parent; p !== null; p = byId.get(p)?.parent ?? null) {
    if (p === ancestor.id) return true;
  }
  return false;
}

/** Builds a finding that cites a screen (screenshot, UI tree, path) and optionally a node. */
export function screenFinding(
  screen: ScreenEvent,
  fields: { summary: string; text?: string; node?: UiNode; confidence: number; severity?: Finding['severity']; source?: FindingSource },
): Finding {
  const finding: Finding = {
    summary: fields.summary,
    source: fields.source ?? 'ui-tree',
    screen: screen.id,
    evidence: screen.screenshot ? [screen.screenshot, screen.uiTree] : [screen.uiTree],
    steps: screen.steps,
    confidence: fields.confidence,
  };
  if (fields.text !== undefined) finding.text = fields.text;
  if (fields.severity) finding.severity = fields.severity;
  if (fields.node) {
    finding.nodeId = fields.node.id;
    finding.bounds = fields.node.bounds;
  }
  return finding;
}

/** Where a screen is, for summaries: 「积分排行榜」界面. */
export function screenName(screen: ScreenEvent): string {
  return `「${screen.title || screen.id}」界面`;
}
