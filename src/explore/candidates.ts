/**
 * What to try on a screen, from every source: nodes that respond by themselves (their
 * `tapSource`), control-like nodes under a delegating ancestor (`delegated`), and, when the
 * platform could not see the page's handlers, control-like nodes nobody explained (`probed`).
 * Own handlers come first, delegated next, probes last.
 */
import type { CandidateSource, UiNode } from '../evidence/types.js';
import { controlLikeNodes, isTransient } from './control-like.js';

export interface CandidateNode {
  node: UiNode;
  source: CandidateSource;
}

/** Rank of a source in a screen's order of trial (lower first). */
export function sourceRank(source: CandidateSource): number {
  return source === 'probed' ? 2 : source === 'delegated' ? 1 : 0;
}

/** True for sources whose taps may well do nothing (the explorer guessed they are controls). */
export function isGuess(source: CandidateSource): boolean {
  return source === 'probed' || source === 'delegated';
}

/**
 * The candidate nodes of a screen, in document order. `listenersObserved` true means the platform
 * saw every tap handler, so a node that is neither clickable nor delegated cannot respond and is
 * not probed.
 */
export function candidateNodes(nodes: UiNode[], listenersObserved?: boolean): CandidateNode[] {
  const out: CandidateNode[] = [];
  const guessed = new Set<number>();
  for (const node of controlLikeNodes(nodes)) {
    if (node.delegated) guessed.add(node.id);
    else if (listenersObserved !== true) guessed.add(node.id);
  }
  for (const node of nodes) {
    if (node.clickable && !node.obscured && !isTransient(node)) out.push({ node, source: node.tapSource ?? 'native' });
    else if (guessed.has(node.id)) out.push({ node, source: node.delegated ? 'delegated' : 'probed' });
  }
  return out;
}

/**
 * The nodes with every candidate marked clickable: what form and login rules (forms.ts, which
 * look at `clickable`) must see on a page whose 登录 button is a delegated or probed `<div>`.
 */
export function withCandidatesTappable(nodes: UiNode[], candidates: CandidateNode[]): UiNode[] {
  const guessed = new Set(candidates.filter((c) => !c.node.clickable).map((c) => c.node.id));
  return guessed.size === 0 ? nodes : nodes.map((n) => (guessed.has(n.id) ? { ...n, clickable: true } : n));
}

