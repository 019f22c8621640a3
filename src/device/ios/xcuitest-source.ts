/**
 * XCUITest page source (`<AppiumAUT>` with XCUIElementType* elements) → the platform-neutral UI
 * model. Invisible elements (other tabs, off-screen cells) stay in the tree without text or
 * tappability, as hidden DOM does on H5. Secure text fields never carry their value.
 * A field's value is not screen text (as an H5 input's value is not): an empty field reports its
 * placeholder as value, a filled one what was typed, neither names the screen; the field is known by
 * its label, else its placeholder (`placeholderValue`), else a value that may be the placeholder.
 * Locators are absolute XPaths from the application element: WebDriverAgent evaluates XPath on a
 * document whose root is the application (FBXPath.m), the `<AppiumAUT>` wrapper exists only in
 * the page source. A container's label that only repeats its children's texts (a cell labelled
 * "General" over a static text "General", as WDA reports table cells) is kept as label, not text.
 */
import type { UiNode } from '../../evidence/types.js';
import { childSteps, parseXml, type XmlElement } from '../page-source-xml.js';
import { buildUiNodes, type NodeDraft } from '../ui-tree-builder.js';

const TAPPABLE = new Set(['Button', 'Cell', 'Link', 'Tab', 'MenuItem', 'Switch', 'Toggle', 'SegmentedControl', 'RadioButton', 'CheckBox', 'PopUpButton', 'Stepper', 'Key']);
const EDITABLE = new Set(['TextField', 'SecureTextField', 'TextView', 'SearchField']);
const SCROLLING = new Set(['ScrollView', 'Table', 'CollectionView', 'WebView']);

function shortType(el: XmlElement): string {
  return (el.attributes.type ?? el.tag).replace(/^XCUIElementType/, '');
}

function numberAttr(v: string | undefined): number {
  const n = Number(v);
  return Number.isFinite(n) ? Math.round(n) : 0;
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Texts the visible descendants of `el` show themselves (static texts' values, leaves' labels). */
function descendantTexts(el: XmlElement): string[] {
  const out: string[] = [];
  for (const child of el.children) {
    const a = child.attributes;
    if (a.visible === 'false') continue;
    const own = shortType(child) === 'StaticText' ? (a.value ?? a.label) : child.children.length === 0 ? a.label : undefined;
    if (own && squash(own)) out.push(squash(own));
    out.push(...descendantTexts(child));
  }
  return out;
}

/** True when every comma-separated part of `label` is shown by a descendant (WDA joins child labels with ", "). */
function repeatsChildren(el: XmlElement, label: string): boolean {
  if (el.children.length === 0) return false;
  const inner = descendantTexts(el).join('\n');
  const parts = label.split(/,\s*/).map(squash).filter(Boolean);
  return parts.length > 0 && parts.every((p) => inner.includes(p));
}

function shownText(el: XmlElement, type: string, editable: boolean): string {
  const a = el.attributes;
  if (type === 'Application' || type === 'Window') return '';
  // Static text shows its value (or label); a control's own text is its label; a field has none of its own.
  if (type === 'StaticText') return a.value ?? a.label ?? '';
  if (editable) return '';
  const label = a.label ?? '';
  return label && repeatsChildren(el, label) ? '' : label;
}

function draft(el: XmlElement, locator: string): NodeDraft {
  const a = el.attributes;
  const type = shortType(el);
  const visible = a.visible !== 'false';
  const enabled = a.enabled !== 'false';
  const secure = type === 'SecureTextField';
  const editable = EDITABLE.has(type);
  const shown = shownText(el, type, editable);
  const node: NodeDraft = {
    role: `XCUIElementType${type}`,
    text: visible ? squash(shown) : '',
    bounds: { x: numberAttr(a.x), y: numberAttr(a.y), width: numberAttr(a.width), height: numberAttr(a.height) },
    clickable: visible && enabled && (TAPPABLE.has(type) || editable),
    editable,
    scrollable: SCROLLING.has(type),
    platform: 'ios',
    locator,
  };
  if (a.label && (type !== 'StaticText' || a.label !== shown)) node.label = a.label;
  if (editable && !node.label) {
    const described = a.placeholderValue || (type === 'SecureTextField' ? undefined : a.value);
    if (described) node.label = described;
  }
  if (a.name) node.resourceId = a.name;
  if (type === 'Switch' || type === 'Toggle' || type === 'CheckBox') node.checked = a.value === '1' || a.value === 'true';
  if (secure) node.inputType = 'password';
  else if (editable) node.inputType = 'text';
  return node;
}

/** Parses an XCUITest page source into UiNodes (the application element is node 0). */
export function parseXcuitestSource(xml: string): UiNode[] {
  const top = parseXml(xml);
  const app = top.tag === 'AppiumAUT' ? top.children[0] : top;
  if (!app || !app.tag.startsWith('XCUIElementType')) throw new Error(`not an XCUITest page source: found <${app?.tag ?? top.tag}>`);
  return buildUiNodes(app, `/${app.tag}[1]`, {
    draft,
    children: (el) => { const steps = childSteps(el.children); return el.children.map((node, i) => ({ node, step: steps[i]! })); },
  });
}
