/** Element ids handed out by the simulated UiAutomator2 server: one stable id per displayed node key. */
import type { ViewNode } from '../engine/view-tree.js';
import { flatten } from '../engine/view-tree.js';

export const W3C_ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** Maps node keys to ids like the server's (`00000000-0000-0009-ffff-ffff0000002a`) and back. */
export class ElementRegistry {
  private readonly byKey = new Map<string, string>();
  private readonly byId = new Map<string, string>();

  /** The id of a node (created on first use). */
  idOf(node: ViewNode): string {
    const key = `${node.pkg}|${node.key}`;
    let id = this.byKey.get(key);
    if (!id) {
      const n = this.byKey.size + 1;
      id = `00000000-0000-${(n % 0xffff).toString(16).padStart(4, '0')}-ffff-ffff${n.toString(16).padStart(8, '0')}`;
      this.byKey.set(key, id);
      this.byId.set(id, key);
    }
    return id;
  }

  /** The node an id points at in the current tree, undefined when it is no longer displayed (stale). */
  resolve(id: string, root: ViewNode): ViewNode | undefined {
    const key = this.byId.get(id);
    if (!key) return undefined;
    return flatten(root).find((n) => `${n.pkg}|${n.key}` === key);
  }

  /** True when the id was ever handed out. */
  known(id: string): boolean {
    return this.byId.has(id);
  }
}

/** The JSON form of an element reference. */
export function elementJson(id: string): Record<string, string> {
  return { ELEMENT: id, [W3C_ELEMENT_KEY]: id };
}
