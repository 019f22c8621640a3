/**
 * Screen identity: a structural signature that ignores volatile content. Two visits of the same
 * screen with other data (counters, clock text, more list rows) give one signature; a different
 * screen, or the same route with a modal on top, gives another.
 */
import { sha256 } from '../core/hash.js';
import type { UiSnapshot } from '../device/device-session.js';
import { LIST_MIN_MEMBERS, listGroups } from './action-policy.js';
import { candidateNodes, isGuess } from './candidates.js';
import { isTransient } from './control-like.js';

/** A screen key names a record screen when one of its segments is a record id (`:id`, see the H5 screen key). */
export function isRecordKey(screenKey: string): boolean {
  return /(^|\/):id(\/|$)/.test(screenKey);
}

/** Text with digits, times and prices removed, so counters do not make new screens. */
export function stableText(text: string): string {
  return text.replace(/[0-9０-９]+([.:：][0-9]+)*/g, '#').replace(/\s+/g, '').slice(0, 24);
}

/**
 * The signature of a snapshot: the platform's screen key (H5: the route), title, headings and the screen's candidate controls, so a
 * view swapped in place without a URL change is another screen when its structure differs.
 * Controls with a handler of their own count by text. Guessed controls (delegated, probed) are
 * often content (a name, a status, 已签到/未签到, a toast no platform flagged): they count by text
 * only on a screen where nothing else is a control (an app that delegates everything). A list
 * (same-kind candidate siblings) counts by its first rows only, so a feed that grows on scroll
 * stays one screen; on a record screen (a route with an id) list rows count by kind only and
 * guessed controls not at all (both are the record's data), so every news detail is one screen.
 * Transient overlays (a toast, a loading mask) never count.
 */
export function screenSignature(snapshot: UiSnapshot): string {
  const route = snapshot.screenKey;
  const recordScreen = isRecordKey(route);
  const candidates = candidateNodes(snapshot.nodes, snapshot.listenersObserved);
  const guessedOnly = candidates.every((c) => isGuess(c.source));
  const groups = listGroups(snapshot.nodes, candidates.map((c) => c.node));
  const rowsSeen = new Map<string, number>();
  const actionable = new Set<string>();
  for (const { node, source } of candidates) {
    if (isGuess(source) && (recordScreen || !guessedOnly)) continue;
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
  const parts = [route, stableText(snapshot.title), ...headings(snapshot), ...[...actionable].sort()];
  return sha256(parts.join('|')).slice(0, 16);
}

const HEADING = /^(h[1-3]|heading)$/i;

/** Visible headings (h1–h3): the name of a view, rarely volatile; on a record screen the record's title, so left out there. */
function headings(snapshot: UiSnapshot): string[] {
  if (isRecordKey(snapshot.screenKey)) return [];
  return snapshot.nodes.filter((n) => HEADING.test(n.role) && !n.obscured && !isTransient(n) && n.text).map((n) => `h:${stableText(n.text)}`);
}
