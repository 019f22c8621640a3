/**
 * XCUITest page source (`<AppiumAUT>` with XCUIElementType* elements) → the platform-neutral UI
 * model. Invisible elements (other tabs, off-screen cells) stay in the tree without text or
 * tappability, as hidden DOM does on H5. Secure text fields never carry their value.
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

function draft(el: XmlElement, locator: string): NodeDraft {
  const a = el.attributes;
  const type = shortType(el);
  const visible = a.visible !== 'false';
  const enabled = a.enabled !== 'false';
  const secure = type === 'SecureTextField';
  const editable = EDITABLE.has(type);
  // Static text shows its value (or label); a control's own text is its label; a field's text is what was typed.
  const shown = type === 'StaticText' ? (a.value ?? a.label ?? '') : editable ? (secure ? '' : (a.value ?? '')) : (a.label ?? '');
  const node: NodeDraft = {
    role: `XCUIElementType${type}`,
    text: visible ? shown.replace(/\s+/g, ' ').trim() : '',
    bounds: { x: numberAttr(a.x), y: numberAttr(a.y), width: numberAttr(a.width), height: numberAttr(a.height) },
    clickable: visible && enabled && (TAPPABLE.has(type) || editable),
    editable,
    scrollable: SCROLLING.has(type),
    platform: 'ios',
    locator,
  };
  if (a.label && (type !== 'StaticText' || a.label !== shown)) node.label = a.label;
  if (editable && !a.value && a.placeholderValue) node.label ??= a.placeholderValue;
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
  const appLocator = top.tag === 'AppiumAUT' ? `/AppiumAUT/${app.tag}[1]` : `/${app.tag}[1]`;
  return buildUiNodes(app, appLocator, {
    draft,
    children: (el) => { const steps = childSteps(el.children); return el.children.map((node, i) => ({ node, step: steps[i]! })); },
  });
}
