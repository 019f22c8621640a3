/**
 * What the native sessions (Android, HarmonyOS, iOS) do alike over their driver: click a node by
 * its locator, falling back to its last known centre when the screen changed under it but never
 * onto a system dialog that covers it; type into a field after clearing it; take a PNG screenshot.
 * Each session gives what differs: its coordinate tap and how it sees a covering dialog.
 */
import type { UiNode } from '../../evidence/types.js';
import { elementId, type AppiumBrowser } from './appium-browser.js';

type NativeBrowser = Pick<AppiumBrowser, 'findElement' | 'elementClick' | 'elementClear' | 'elementSendKeys' | 'takeScreenshot'>;

/** The centre of a node's bounds, in the driver's coordinates. */
export function centreOf(node: Pick<UiNode, 'bounds'>): { x: number; y: number } {
  return { x: Math.round(node.bounds.x + node.bounds.width / 2), y: Math.round(node.bounds.y + node.bounds.height / 2) };
}

export interface FallbackTap {
  /** The node as the last snapshot showed it (its bounds for the fallback); absent: no fallback. */
  node?: Pick<UiNode, 'bounds'> | undefined;
  /** Taps at a point with the driver's gesture (`mobile: clickGesture`, `mobile: click`, `mobile: tap`). */
  tapAt(point: { x: number; y: number }): Promise<unknown>;
  /** The words of a system dialog over the screen, if one is open: the fallback would land on it. */
  coveringDialog(): Promise<string | undefined>;
}

/**
 * Clicks the node at `locator`; when that fails, taps the centre of its last bounds, unless a
 * system dialog covers the screen: then the tap is refused as intercepted (a driver's words the
 * step runner retries on) and the caller observes, which answers the dialog.
 */
export async function clickOrTapCentre(browser: NativeBrowser, locator: string, fallback: FallbackTap): Promise<void> {
  try {
    await browser.elementClick(elementId(await browser.findElement('xpath', locator)));
  } catch (error) {
    const node = fallback.node;
    if (!node || node.bounds.width === 0) throw error;
    const dialog = await fallback.coveringDialog();
    if (dialog !== undefined) throw new Error(`click intercepted: a system dialog (「${dialog.split('\n')[0] ?? ''}」) covers ${locator}`);
    await fallback.tapAt(centreOf(node));
  }
}

/** Types `text` into the field at `locator`, cleared first (a second fill must not append to the first). */
export async function typeIntoField(browser: NativeBrowser, locator: string, text: string): Promise<void> {
  const id = elementId(await browser.findElement('xpath', locator));
  await browser.elementClear(id).catch(() => undefined);
  await browser.elementSendKeys(id, text);
}

/** The screen as PNG bytes. */
export async function screenshotPng(browser: NativeBrowser): Promise<Buffer> {
  return Buffer.from(await browser.takeScreenshot(), 'base64');
}
