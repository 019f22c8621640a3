/**
 * UiAutomator2 page source (`<hierarchy>` XML, tags are widget class names) → the platform-neutral
 * UI model. Locators are absolute XPaths (tag[n] by same-class siblings), which UiAutomator2
 * resolves against the same source. Password fields never carry their text into the model.
 */
import type { UiNode } from '../../evidence/types.js';
import { childSteps, parseBracketBounds, parseXml, type XmlElement } from '../page-source-xml.js';
import { buildUiNodes, type NodeDraft } from '../ui-tree-builder.js';

const EDITABLE = /EditText|AutoCompleteTextView|SearchView\$SearchAutoComplete/;
const truthy = (v: string | undefined): boolean => v === 'true';

function draft(el: XmlElement, locator: string): NodeDraft | undefined {
  const a = el.attributes;
  if (a.displayed === 'false') return undefined;
  const role = a.class ?? el.tag;
  const password = truthy(a.password);
  const enabled = a.enabled !== 'false';
  const editable = EDITABLE.test(role);
  // NAF: "not accessibility friendly" - tappable but with no text or description; still a control a user can tap.
  const clickable = enabled && (truthy(a.clickable) || truthy(a['long-clickable']) || truthy(a.NAF));
  const node: NodeDraft = {
    role,
    text: password ? '' : (a.text ?? '').replace(/\s+/g, ' ').trim(),
    bounds: parseBracketBounds(a.bounds),
    clickable: clickable || (editable && enabled),
    editable,
    scrollable: truthy(a.scrollable),
    platform: 'android',
    locator,
  };
  if (a['content-desc']) node.label = a['content-desc'];
  else if (editable && a.hint) node.label = a.hint;
  if (a['resource-id']) node.resourceId = a['resource-id'];
  if (truthy(a.checkable)) node.checked = truthy(a.checked);
  if (password) node.inputType = 'password';
  else if (editable) node.inputType = 'text';
  return node;
}

/** Parses a UiAutomator2 page source into UiNodes (the `<hierarchy>` root is node 0). */
export function parseUiAutomator2Source(xml: string): UiNode[] {
  const root = parseXml(xml);
  if (root.tag !== 'hierarchy') throw new Error(`not a UiAutomator2 page source: root is <${root.tag}>, expected <hierarchy>`);
  return buildUiNodes(root, '/hierarchy', {
    draft: (el, locator) => (el === root ? { role: 'hierarchy', text: '', bounds: { x: 0, y: 0, width: 0, height: 0 }, clickable: false, editable: false, scrollable: false, platform: 'android', locator } : draft(el, locator)),
    children: (el) => { const steps = childSteps(el.children); return el.children.map((node, i) => ({ node, step: steps[i]! })); },
  });
}
