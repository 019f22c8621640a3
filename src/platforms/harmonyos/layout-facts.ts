/**
 * What a dumpLayout says about the display besides its nodes: the windows (bundle, ability, page of each
 * window root, in dump order) and the display size. HarmonyOS's screen key is bundle/ability/page.
 */
import type { DumpLayoutNode } from '../../device/harmonyos/dump-layout.js';
import { parseBracketBounds } from '../../device/page-source-xml.js';

export interface LayoutWindow {
  bundleName: string;
  abilityName: string;
  pagePath: string;
}

export interface LayoutFacts {
  windows: LayoutWindow[];
  width: number;
  height: number;
}

/** The window roots (`type: root`) and the display's size (the top node's bounds). */
export function layoutFacts(dump: DumpLayoutNode): LayoutFacts {
  const windows: LayoutWindow[] = [];
  const queue = [dump];
  while (queue.length > 0) {
    const node = queue.shift()!;
    const a = node.attributes ?? {};
    if (a.type === 'root' && a.bundleName) windows.push({ bundleName: a.bundleName, abilityName: a.abilityName ?? '', pagePath: a.pagePath ?? '' });
    else queue.push(...(node.children ?? []));
  }
  const size = parseBracketBounds(dump.attributes?.bounds);
  return { windows, width: size.width, height: size.height };
}

/** bundle/ability/page: the HarmonyOS screen identity (contracts item 3). */
export function harmonyScreenKey(window: LayoutWindow): string {
  return [window.bundleName, window.abilityName, window.pagePath].join('/');
}
