/**
 * What WebDriverAgent reports for the displayed tree: each engine view node becomes an
 * XCUIElementType* element with WDA's attributes (type, value, name, label, enabled, visible,
 * accessible, x, y, width, height, index), wrapped in the application and its window as
 * XCUITest's snapshot is. The page source, element lookups and attribute reads all use this one
 * tree, so they always agree.
 */

/** The parts of an engine view node this front reads (src/sim/engine/view-tree.ts ViewNode fits). */
export interface ShownNode {
  key: string;
  node: {
    class: string; id?: string; text?: string; hint?: string; desc?: string;
    enabled?: boolean; password?: boolean; editable?: boolean; checkable?: boolean; checked?: boolean;
    scrollable?: boolean; clickable?: boolean; selected?: boolean;
  };
  bounds: readonly [number, number, number, number];
  text: string;
  children: ShownNode[];
}

export interface XcuiElement {
  /** Engine view key ('#app' and '#window' for the wrappers). */
  key: string;
  type: string;
  value?: string;
  name?: string;
  label?: string;
  placeholderValue?: string;
  enabled: boolean;
  visible: boolean;
  accessible: boolean;
  selected: boolean;
  rect: { x: number; y: number; width: number; height: number };
  index: number;
  children: XcuiElement[];
}

const ANDROID_TYPES: [RegExp, string][] = [
  [/(EditText|TextField)$/, 'TextField'], [/(Switch|Toggle)$/, 'Switch'], [/CheckBox$/, 'Switch'],
  [/(Button|ImageButton)$/, 'Button'], [/(TextView|Label)$/, 'StaticText'], [/ImageView$/, 'Image'],
  [/(RecyclerView|ListView)$/, 'Table'], [/ScrollView$/, 'ScrollView'], [/WebView$/, 'WebView'],
];

/** The XCUIElementType of a model node: the model's own class when it is one, else the nearest UIKit kind. */
export function xcuiType(node: ShownNode['node']): string {
  if (node.class.startsWith('XCUIElementType')) {
    return node.class === 'XCUIElementTypeTextField' && node.password ? 'XCUIElementTypeSecureTextField' : node.class;
  }
  if (node.editable) return node.password ? 'XCUIElementTypeSecureTextField' : 'XCUIElementTypeTextField';
  const hit = ANDROID_TYPES.find(([re]) => re.test(node.class));
  if (hit) return `XCUIElementType${hit[1]}`;
  return node.clickable ? 'XCUIElementTypeButton' : 'XCUIElementTypeOther';
}

const LEAF_KINDS = new Set(['StaticText', 'Button', 'Image', 'Link', 'Switch', 'TextField', 'SecureTextField', 'Cell', 'Key', 'SearchField', 'TextView']);

function valueOf(type: string, n: ShownNode): string | undefined {
  const kind = type.slice('XCUIElementType'.length);
  if (kind === 'StaticText') return n.text || undefined;
  // An empty text field reports its placeholder as value, a secure one bullets for what was typed.
  if (kind === 'TextField' || kind === 'SearchField' || kind === 'TextView') return n.text || n.node.hint || undefined;
  if (kind === 'SecureTextField') return n.text ? '•'.repeat(n.text.length) : n.node.hint || undefined;
  if (kind === 'Switch') return n.node.checked ? '1' : '0';
  return undefined;
}

function toElement(n: ShownNode, index: number): XcuiElement {
  const type = xcuiType(n.node);
  const kind = type.slice('XCUIElementType'.length);
  const editable = kind.endsWith('TextField') || kind === 'SearchField' || kind === 'TextView';
  const label = n.node.desc ?? (editable ? (n.node.hint ?? '') : n.text) ?? '';
  const [l, t, r, b] = n.bounds;
  const el: XcuiElement = {
    key: n.key, type, enabled: n.node.enabled !== false, visible: r > l && b > t, accessible: LEAF_KINDS.has(kind) && label !== '',
    selected: n.node.selected === true, rect: { x: l, y: t, width: r - l, height: b - t }, index,
    children: n.children.map((c, i) => toElement(c, i)),
  };
  const value = valueOf(type, n);
  if (value !== undefined) el.value = value;
  const name = n.node.id ?? (label || undefined);
  if (name) el.name = name;
  if (label) el.label = label;
  if (editable && n.node.hint) el.placeholderValue = n.node.hint;
  return el;
}

/** The application element over the displayed tree (its window spans the screen). */
export function applicationTree(appLabel: string, root: ShownNode, screen: { width: number; height: number }): XcuiElement {
  const rect = { x: 0, y: 0, width: screen.width, height: screen.height };
  const window: XcuiElement = { key: '#window', type: 'XCUIElementTypeWindow', enabled: true, visible: true, accessible: false, selected: false, rect, index: 0, children: [toElement(root, 0)] };
  return { key: '#app', type: 'XCUIElementTypeApplication', name: appLabel, label: appLabel, enabled: true, visible: true, accessible: false, selected: false, rect, index: 0, children: [window] };
}

/** Every element, depth first, parents first. */
export function allElements(root: XcuiElement): XcuiElement[] {
  const out: XcuiElement[] = [];
  const walk = (e: XcuiElement): void => {
    out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

/** An element's attributes in WDA's order (FBXPath supportedAttributes), absent ones left out. */
export function xmlAttributes(e: XcuiElement): [string, string][] {
  const attrs: [string, string | undefined][] = [
    ['type', e.type], ['value', e.value], ['name', e.name], ['label', e.label], ['enabled', String(e.enabled)],
    ['visible', String(e.visible)], ['accessible', String(e.accessible)], ['x', String(e.rect.x)], ['y', String(e.rect.y)],
    ['width', String(e.rect.width)], ['height', String(e.rect.height)], ['index', String(e.index)],
  ];
  if (e.placeholderValue) attrs.push(['placeholderValue', e.placeholderValue]);
  return attrs.filter((a): a is [string, string] => a[1] !== undefined);
}

/** The page source as WDA's `/source?format=xml&scope=AppiumAUT` returns it. */
export function sourceXml(app: XcuiElement, scope = 'AppiumAUT'): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<${scope}>`];
  const write = (e: XcuiElement, depth: number): void => {
    const pad = '  '.repeat(depth);
    const attrs = xmlAttributes(e).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
    if (e.children.length === 0) {
      lines.push(`${pad}<${e.type}${attrs}/>`);
      return;
    }
    lines.push(`${pad}<${e.type}${attrs}>`);
    for (const c of e.children) write(c, depth + 1);
    lines.push(`${pad}</${e.type}>`);
  };
  write(app, 1);
  lines.push(`</${scope}>`);
  return lines.join('\n') + '\n';
}
