/**
 * Screen identity and the snapshot of an iOS screen. XCUITest does not expose view controllers:
 * what identifies a screen is the bundle in front and its navigation bar (whose `name` is the
 * bar's identifier or title, e.g. "Keyboards", "CKChat"); screens without one fall back to the
 * bundle alone (the explorer's structural signature still tells them apart).
 */
import type { UiSnapshot } from '../../device/device-session.js';
import type { UiNode } from '../../evidence/types.js';

/** The navigation bar's identity on screen ('' when there is none). */
export function navigationKey(nodes: UiNode[]): string {
  const bar = nodes.find((n) => n.role === 'XCUIElementTypeNavigationBar' && n.bounds.width > 0);
  return bar ? (bar.resourceId ?? bar.label ?? bar.fullText.split(' ')[0] ?? '') : '';
}

/** `bundleId/navigation` (contracts item 3). */
export function iosScreenKey(bundleId: string, nodes: UiNode[]): string {
  const nav = navigationKey(nodes);
  return nav ? `${bundleId}/${nav}` : bundleId;
}

/** The title people read: the navigation bar's title text. */
export function screenTitle(nodes: UiNode[], fallback: string): string {
  const bar = nodes.find((n) => n.role === 'XCUIElementTypeNavigationBar');
  const title = bar ? nodes.find((n) => n.parent === bar.id && n.role === 'XCUIElementTypeStaticText')?.text : undefined;
  return title || bar?.resourceId || fallback;
}

/** The platform-neutral snapshot of one iOS page source. */
export function iosSnapshot(bundleId: string, appName: string, nodes: UiNode[], window: { width: number; height: number; scale: number }): UiSnapshot {
  const screenKey = iosScreenKey(bundleId, nodes);
  return {
    url: `ios-app://${screenKey}`,
    title: screenTitle(nodes, appName),
    screenKey,
    visibleText: nodes.map((n) => n.text).filter(Boolean).join('\n'),
    viewport: { width: window.width, height: window.height, devicePixelRatio: window.scale },
    nodes,
    canScroll: nodes.some((n) => n.scrollable && n.bounds.height > 0),
    // Accessibility traits say what is a button, but custom views (WebView, Flutter) hide them: control-like content is probed.
    listenersObserved: false,
  };
}
