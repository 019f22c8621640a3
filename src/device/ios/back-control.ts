/**
 * The app's own way back on an iOS screen. iOS has no system back key: UIKit puts the back button
 * at the leading edge of the navigation bar (labelled with the previous screen's title, or 返回 /
 * Back), and apps without one are left with the left-edge swipe. The session taps what this finds
 * and swipes from the edge otherwise.
 */
import type { UiNode } from '../../evidence/types.js';

const BACK_WORDS = /^(返回|后退|back|‹|<)$/i;

function ancestorOf(nodes: UiNode[], node: UiNode, role: string): UiNode | undefined {
  for (let p = node.parent; p !== null; p = nodes[p]?.parent ?? null) {
    if (nodes[p]?.role === role) return nodes[p];
  }
  return undefined;
}

/** The navigation bar's leading button, else a visible button labelled 返回/Back; undefined when none. */
export function findBackControl(nodes: UiNode[]): UiNode | undefined {
  const buttons = nodes.filter((n) => n.role === 'XCUIElementTypeButton' && n.clickable && n.bounds.width > 0);
  const leading = buttons.find((b) => {
    const bar = ancestorOf(nodes, b, 'XCUIElementTypeNavigationBar');
    return bar !== undefined && b.bounds.x < bar.bounds.x + bar.bounds.width / 4;
  });
  return leading ?? buttons.find((b) => BACK_WORDS.test((b.text || b.label || b.resourceId || '').trim()));
}

/** An edge swipe that pops a UINavigationController screen: from the left edge to past the middle, at mid height. */
export function edgeSwipe(screen: { width: number; height: number }): { fromX: number; fromY: number; toX: number; toY: number } {
  const y = Math.round(screen.height / 2);
  return { fromX: 2, fromY: y, toX: Math.round(screen.width * 0.75), toY: y };
}
