/**
 * The displayed tree as `uitest dumpLayout` writes it: `{attributes, children}` nodes whose attribute
 * values are all strings, under a synthetic top node; one window root (`type: "root"`, with bundleName,
 * abilityName, pagePath) per window, the app's first and a system dialog's after it. Attribute names and
 * formats follow real dumps (hmdriver2's docs/hierarchy.json; testfwk_arkxtest ui_model.h ATTR_NAMES).
 */
import type { ViewNode } from '../engine/view-tree.js';
import type { Bounds } from '../engine/app-model.js';

export interface DumpNode {
  attributes: Record<string, string>;
  children: DumpNode[];
}

export interface WindowInfo {
  bundleName: string;
  abilityName: string;
  pagePath: string;
}

const EMPTY_TOP_KEYS = ['accessibilityId', 'backgroundColor', 'backgroundImage', 'blur', 'checkable', 'checked', 'clickable', 'description', 'enabled', 'focused', 'hitTestBehavior', 'hostWindowId', 'id', 'key', 'longClickable', 'opacity', 'origBounds', 'scrollable', 'selected', 'text', 'type', 'zIndex'];

function bracket(b: Bounds): string {
  return `[${Math.round(b[0])},${Math.round(b[1])}][${Math.round(b[2])},${Math.round(b[3])}]`;
}

function center(b: Bounds): string {
  return `[${Math.round((b[0] + b[2]) / 2)},${Math.round((b[1] + b[3]) / 2)}]`;
}

/** Builds the whole dump of the display: `screen` is [0,0,w,h]; `windows` gives each window's identity by package. */
export function renderLayoutDump(view: ViewNode, screen: Bounds, windowOf: (pkg: string) => WindowInfo): DumpNode {
  const top: DumpNode = { attributes: Object.fromEntries(EMPTY_TOP_KEYS.map((k) => [k, ''])), children: [] };
  top.attributes.bounds = bracket(screen);
  // Overlays of other packages (a permission dialog, a toast) are their own windows in a real dump.
  const own = { ...view, children: view.children.filter((c) => c.pkg === view.pkg) };
  const overlays = view.children.filter((c) => c.pkg !== view.pkg);
  let windowId = 6;
  for (const layer of [own, ...overlays]) {
    const id = String(windowId++);
    const counter = { n: 0 };
    const win = windowOf(layer.pkg);
    const root: DumpNode = {
      attributes: {
        ...nodeAttributes(layer, id, `ROOT${id}`, counter),
        // The window root is the window itself, not the page's top component (that is its child).
        id: '', key: '', text: '', originalText: '', description: '', hint: '', clickable: 'false', longClickable: 'false', scrollable: 'false',
        backgroundColor: '#00000000',
        type: 'root', bundleName: win.bundleName, abilityName: win.abilityName, pagePath: win.pagePath,
      },
      children: [],
    };
    root.children = [nodeToDump(layer, id, `ROOT${id},0`, counter)];
    top.children.push(root);
  }
  return top;
}

function nodeToDump(view: ViewNode, windowId: string, hierarchy: string, counter: { n: number }): DumpNode {
  return {
    attributes: nodeAttributes(view, windowId, hierarchy, counter),
    children: view.children.map((c, i) => nodeToDump(c, windowId, `${hierarchy},${i}`, counter)),
  };
}

function nodeAttributes(view: ViewNode, windowId: string, hierarchy: string, counter: { n: number }): Record<string, string> {
  const n = view.node;
  const seq = counter.n++;
  const editable = n.editable === true;
  const text = n.password && view.text ? '•'.repeat([...view.text].length) : view.text;
  return {
    accessibilityId: String(seq),
    id: n.id ?? '',
    key: n.id ?? '',
    text,
    originalText: text,
    description: n.desc ?? '',
    hint: n.hint ?? '',
    type: n.class,
    bounds: bracket(view.bounds),
    origBounds: bracket(view.bounds),
    boundsCenter: center(view.bounds),
    enabled: String(n.enabled !== false),
    focused: String(view.focused),
    selected: String(n.selected === true),
    clickable: String(n.clickable === true || editable),
    longClickable: String(n.longClickable === true),
    scrollable: String(n.scrollable === true),
    checkable: String(n.checkable === true),
    checked: String(n.checked === true),
    hostWindowId: windowId,
    displayId: '0',
    zIndex: '0',
    opacity: '1.000000',
    backgroundColor: n.background ? `#FF${n.background.replace('#', '').toUpperCase()}` : '#00000000',
    backgroundImage: 'empty source',
    blur: '',
    hitTestBehavior: 'HitTestMode.Default',
    clip: 'false',
    visible: 'true',
    hierarchy,
    hashcode: `${windowId}:${seq}`,
    uniqueId: String(1000 + seq),
  };
}
