/** A UiAutomator2 capture as the platform-neutral UiSnapshot (screen key package/activity, device pixels). */
import type { UiSnapshot } from '../../device/device-session.js';
import type { UiNode } from '../../evidence/types.js';
import { screenKeyOf, type PageFacts } from './page-facts.js';

/** The snapshot of one page source's nodes and facts, with the foreground activity. */
export function toSnapshot(nodes: UiNode[], facts: PageFacts, activity: string): UiSnapshot {
  const screenKey = screenKeyOf(facts.packageName, activity);
  return {
    url: '',
    title: activity.split('.').pop() ?? activity,
    screenKey,
    visibleText: nodes.map((n) => n.text || (n.label ?? '')).filter(Boolean).join('\n'),
    viewport: { width: facts.width, height: facts.height, devicePixelRatio: 1 },
    nodes,
    canScroll: nodes.some((n) => n.scrollable),
    // Native clickable flags are often wrong (WebView, uni-app, Flutter): control-like content is probed.
    listenersObserved: false,
  };
}
