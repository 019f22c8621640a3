/**
 * HarmonyOS `uitest dumpLayout` JSON (`{attributes, children}` nodes, every attribute a string)
 * → the platform-neutral UI model. The synthetic top node and window roots (`type: "root"`) are
 * kept as structure. Locators are XPaths over the XML a driver makes from the same dump
 * (tag = type, root = hierarchy), matching what the planned HarmonyOS driver will resolve.
 */
import type { UiNode } from '../../evidence/types.js';
import { childSteps, parseBracketBounds } from '../page-source-xml.js';
import { buildUiNodes, type NodeDraft } from '../ui-tree-builder.js';

export interface DumpLayoutNode {
  attributes?: Record<string, string>;
  children?: DumpLayoutNode[];
}

const EDITABLE = new Set(['TextInput', 'TextArea', 'Search', 'RichEditor']);
const TAPPABLE = new Set(['Button', 'Toggle', 'Checkbox', 'Radio', 'Select', 'MenuItem', 'TabBar', 'ListItem']);

/** The XML tag a driver gives a node below the top: its type, sanitised. */
function tagOf(node: DumpLayoutNode): string {
  const type = node.attributes?.type ?? 'node';
  return type.replace(/[^\w.-]/g, '_') || 'node';
}

function draft(node: DumpLayoutNode, locator: string): NodeDraft | undefined {
  const a = node.attributes ?? {};
  if (a.visible === 'false') return undefined;
  const type = a.type || 'root';
  const enabled = a.enabled !== 'false';
  const editable = EDITABLE.has(type);
  // dumpLayout has no input-type attribute: a password field is known by its hint or id, and its text is never kept.
  const password = editable && /password|密码/i.test(`${a.inputType ?? ''} ${a.hint ?? ''} ${a.id ?? ''}`);
  const result: NodeDraft = {
    role: type,
    text: password ? '' : (a.text ?? '').replace(/\s+/g, ' ').trim(),
    bounds: parseBracketBounds(a.bounds),
    clickable: enabled && (a.clickable === 'true' || a.longClickable === 'true' || TAPPABLE.has(type) || editable),
    editable,
    scrollable: a.scrollable === 'true',
    platform: 'harmonyos',
    locator,
  };
  const label = a.description || (editable ? a.hint : '') || '';
  if (label) result.label = label;
  const id = a.id || a.key || a.accessibilityId;
  if (id) result.resourceId = id;
  if (a.checkable === 'true') result.checked = a.checked === 'true';
  if (password) result.inputType = 'password';
  else if (editable) result.inputType = 'text';
  return result;
}

/** Parses a dumpLayout document (object or JSON text) into UiNodes. */
export function parseDumpLayout(dump: DumpLayoutNode | string): UiNode[] {
  const root = typeof dump === 'string' ? (JSON.parse(dump) as DumpLayoutNode) : dump;
  if (!root || typeof root !== 'object' || (!root.attributes && !root.children)) throw new Error('not a dumpLayout document: expected {attributes, children}');
  return buildUiNodes(root, '/hierarchy', {
    draft,
    children: (node) => {
      const kids = node.children ?? [];
      const steps = childSteps(kids.map((k) => ({ tag: tagOf(k) })));
      return kids.map((k, i) => ({ node: k, step: steps[i]! }));
    },
  });
}

/** The bundle and page of the foreground window (the first window root), for screen identity. */
export function dumpLayoutPage(dump: DumpLayoutNode): { bundleName?: string; pagePath?: string } {
  const stack = [dump];
  while (stack.length > 0) {
    const node = stack.shift()!;
    const a = node.attributes ?? {};
    if (a.type === 'root' && (a.bundleName || a.pagePath)) return { ...(a.bundleName ? { bundleName: a.bundleName } : {}), ...(a.pagePath ? { pagePath: a.pagePath } : {}) };
    stack.push(...(node.children ?? []));
  }
  return {};
}
