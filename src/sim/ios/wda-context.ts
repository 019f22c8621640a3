/**
 * State one fake WebDriverAgent keeps between requests: the active session, the element cache
 * (WDA hands out one UUID per element and resolves it against the current UI), settings.
 */
import { randomUUID } from 'node:crypto';
import type { WdaDevice } from './wda-device.js';
import { staleElement } from './wda-errors.js';
import { allElements, applicationTree, type XcuiElement } from './xcui-tree.js';

/** The W3C element reference key WDA puts beside the legacy `ELEMENT`. */
export const W3C_ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export type ElementRef = { ELEMENT: string; [W3C_ELEMENT_KEY]: string };

export class WdaContext {
  sessionId: string | undefined;
  capabilities: Record<string, unknown> = {};
  readonly settings: Record<string, unknown> = { snapshotMaxDepth: 50, useFirstMatch: false, elementResponseAttributes: 'type,label', shouldUseCompactResponses: true };
  private readonly uuidByKey = new Map<string, string>();
  private readonly keyByUuid = new Map<string, string>();

  constructor(readonly device: WdaDevice) {}

  /** The application element over what is displayed now. */
  tree(): XcuiElement {
    return applicationTree(this.device.active().name, this.device.view(), this.device.info.screen);
  }

  /** The reference WDA returns for an element (the same UUID every time for the same element). */
  ref(e: XcuiElement): ElementRef {
    let id = this.uuidByKey.get(e.key);
    if (!id) {
      id = randomUUID().toUpperCase();
      this.uuidByKey.set(e.key, id);
      this.keyByUuid.set(id, e.key);
    }
    return { ELEMENT: id, [W3C_ELEMENT_KEY]: id };
  }

  /** The element a UUID names in the current UI; stale when it is gone. */
  resolve(id: string, root: XcuiElement = this.tree()): XcuiElement {
    const key = this.keyByUuid.get(id);
    const found = key === undefined ? undefined : allElements(root).find((e) => e.key === key);
    if (!found) throw staleElement(id);
    return found;
  }

  /** Forgets every element (a new session). */
  reset(): void {
    this.uuidByKey.clear();
    this.keyByUuid.clear();
  }
}
