/**
 * Paths over the explorer's transition graph: the shortest path from launch to every screen
 * (what findings cite) and a route between two screens over known transitions (how the explorer
 * travels without relaunching). Pure functions over edges; a BFS, since every edge is one move.
 */
import type { Step } from '../evidence/types.js';

export interface PathEdge<S> {
  from: S;
  to: S;
  steps: Step[];
}

/** For every screen reachable from `start`: the steps of a shortest path (after `startSteps`) and its length in moves. */
export function shortestPaths<S>(edges: readonly PathEdge<S>[], start: S, startSteps: Step[]): Map<S, { steps: Step[]; depth: number }> {
  const best = new Map<S, { steps: Step[]; depth: number }>([[start, { steps: startSteps, depth: 0 }]]);
  const queue = [start];
  while (queue.length > 0) {
    const state = queue.shift()!;
    const path = best.get(state)!;
    for (const edge of edges) {
      if (edge.from !== state || best.has(edge.to)) continue;
      best.set(edge.to, { steps: [...path.steps, ...edge.steps], depth: path.depth + 1 });
      queue.push(edge.to);
    }
  }
  return best;
}

/** Steps of the shortest chain of transitions from one screen to another (self-loops ignored). */
export function routeBetween<S>(edges: readonly PathEdge<S>[], from: S, to: S): Step[] | undefined {
  const loops = edges.filter((e) => e.from !== e.to);
  return shortestPaths(loops, from, []).get(to)?.steps;
}

/** True when path `a` is a prefix of path `b` (same steps in the same order). */
export function isPrefix(a: Step[], b: Step[]): boolean {
  return a.length <= b.length && a.every((step, i) => step.label === b[i]!.label && step.locator === b[i]!.locator);
}
