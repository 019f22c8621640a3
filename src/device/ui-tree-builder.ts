/**
 * Shared by the native page-source adapters: builds UiNodes depth-first (parents before children,
 * ids in document order, like the H5 snapshot) and fills each node's fullText from its subtree,
 * so detectors and screen signatures treat every platform alike.
 */
import type { UiNode } from '../evidence/types.js';

export type NodeDraft = Omit<UiNode, 'id' | 'parent' | 'fullText'>;

/** A source tree node the adapter knows how to turn into a draft (undefined: skip it and its subtree). */
export interface TreeWalker<T> {
  draft(node: T, locator: string): NodeDraft | undefined;
  children(node: T): { node: T; step: string }[];
}

const FULL_TEXT_CAP = 200;

/** Walks the tree from `root` (whose locator is `rootLocator`) into a flat UiNode list. */
export function buildUiNodes<T>(root: T, rootLocator: string, walker: TreeWalker<T>): UiNode[] {
  const nodes: UiNode[] = [];
  // Returns the subtree's texts in document order, from which the node's fullText is made.
  const visit = (node: T, locator: string, parent: number | null): string[] => {
    const draft = walker.draft(node, locator);
    if (!draft) return [];
    const uiNode: UiNode = { id: nodes.length, parent, fullText: '', ...draft };
    nodes.push(uiNode);
    const texts = uiNode.text ? [uiNode.text] : [];
    for (const child of walker.children(node)) texts.push(...visit(child.node, `${locator}/${child.step}`, uiNode.id));
    uiNode.fullText = texts.join(' ').replace(/\s+/g, ' ').trim().slice(0, FULL_TEXT_CAP);
    return texts;
  };
  visit(root, rootLocator, null);
  return nodes;
}
