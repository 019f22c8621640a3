/**
 * Screen identity: a structural signature that ignores volatile content. Two visits of the same
 * screen with other data (counters, clock text, more list rows) give one signature; a different
 * screen, or the same route with a modal on top, gives another.
 */
import { sha256 } from '../core/hash.js';
import type { UiSnapshot } from '../device/device-session.js';
import { LIST_MIN_MEMBERS, listGroups } from './action-policy.js';
import { candidateNodes, isGuess } from './candidates.js';

/** Route part of a URL: path and hash route without query values. */
export function routeKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.hash.split('?')[0] ?? ''}`.split('/').map(idSegment).join('/');
  } catch {
    return url;
  }
}

/** A path segment that is a record id (news/123, complaints/TS2026100087) becomes ":id". */
function idSegment(segment: string): string {
  return /^\d+$/.test(segment) || (segment.replace(/\D/g, '').length >= 3 && /^[\w-]+$/.test(segment)) ? ':id' : segment;
}

/** Text with digits, times and prices removed, so counters do not make new screens. */
export function stableText(text: string): string {
  return text.replace(/[0-9０-９]+([.:：][0-9]+)*/g, '#').replace(/\s+/g, '').slice(0, 24);
}

/**
 * The signature of a snapshot: route, title and the screen's candidate controls, from every
 * source (so a view swapped in place without a URL change, whose controls only a delegating
 * ancestor or a probe explains, is another screen). A list (same-kind candidate siblings) counts
 * by its first rows only, so a feed that grows on scroll stays one screen; on a record screen (a
 * route with an id) list rows count by kind only and guessed controls not at all (both are the
 * record's data), so every news detail is one screen. Transient overlays (a toast, a loading mask) never count.
 */
export function screenSignature(snapshot: UiSnapshot): string {
  const route = routeKey(snapshot.url);
  const recordScreen = /(^|\/):id(\/|$)/.test(route);
  const candidates = candidateNodes(snapshot.nodes, snapshot.listenersObserved);
  const groups = listGroups(snapshot.nodes, candidates.map((c) => c.node));
  const rowsSeen = new Map<string, number>();
  const actionable = new Set<string>();
  for (const { node, source } of candidates) {
    if (recordScreen && isGuess(source)) continue;
    const group = groups.get(node.id);
    if (group !== undefined) {
      const row = rowsSeen.get(group) ?? 0;
      rowsSeen.set(group, row + 1);
      if (recordScreen || row >= LIST_MIN_MEMBERS) {
        actionable.add(`${node.role}:list`);
        continue;
      }
    }
    actionable.add(`${node.role}:${stableText(node.fullText || node.label || '')}`);
  }
  const parts = [route, stableText(snapshot.title), ...[...actionable].sort()];
  return sha256(parts.join('|')).slice(0, 16);
}
