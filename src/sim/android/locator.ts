/**
 * Element lookup as the UiAutomator2 server does it: `id` (resource-id, the app package prepended when the
 * selector has none), `accessibility id` (content-desc), `class name`, `xpath` (over the dumped hierarchy),
 * `-android uiautomator` (UiSelector chains: text, textContains, textStartsWith, textMatches, resourceId,
 * description, descriptionContains, className, clickable, scrollable, enabled, checked, instance, index).
 */
import type { ViewNode } from '../engine/view-tree.js';
import { flatten } from '../engine/view-tree.js';
import { nodeAttributes, tagOf } from './uia2-source.js';
import { evaluateXPath, XPathError, type XNode } from './xpath-lite.js';

export class InvalidSelectorError extends Error {}

/** Finds nodes under `root` (the root itself included for non-xpath strategies). */
export function findNodes(root: ViewNode, using: string, value: string, appPackage: string | undefined): ViewNode[] {
  const all = flatten(root);
  switch (using) {
    case 'id': {
      const full = value.includes(':id/') ? value : `${appPackage ?? ''}:id/${value}`;
      return all.filter((n) => n.node.id === full || n.node.id === value);
    }
    case 'accessibility id':
      return all.filter((n) => n.node.desc === value);
    case 'class name':
      return all.filter((n) => n.node.class === value);
    case 'xpath':
      return byXPath(root, value);
    case '-android uiautomator':
      return byUiSelector(all, value);
    default:
      throw new InvalidSelectorError(`Locator strategy '${using}' is not supported for this session`);
  }
}

function toXNodes(root: ViewNode): { doc: XNode; back: Map<XNode, ViewNode> } {
  const back = new Map<XNode, ViewNode>();
  const convert = (n: ViewNode, index: number, parent: XNode): XNode => {
    const x: XNode = { tag: tagOf(n), attrs: new Map(nodeAttributes(n, index)), children: [], parent };
    back.set(x, n);
    x.children = n.children.map((c, i) => convert(c, i, x));
    return x;
  };
  const doc: XNode = { tag: '#document', attrs: new Map(), children: [] };
  const hierarchy: XNode = { tag: 'hierarchy', attrs: new Map([['class', 'hierarchy'], ['index', '0'], ['rotation', '0']]), children: [], parent: doc };
  hierarchy.children = [convert(root, 0, hierarchy)];
  doc.children = [hierarchy];
  return { doc, back };
}

function byXPath(root: ViewNode, expr: string): ViewNode[] {
  const { doc, back } = toXNodes(root);
  try {
    return evaluateXPath(expr, doc).map((x) => back.get(x)).filter((n): n is ViewNode => n !== undefined);
  } catch (error) {
    if (error instanceof XPathError) throw new InvalidSelectorError(error.message);
    throw error;
  }
}

type Test = (n: ViewNode) => boolean;

function byUiSelector(all: ViewNode[], expr: string): ViewNode[] {
  // UiScrollable(...).scrollIntoView(UiSelector…): the target selector is the last UiSelector chain.
  const chains = [...expr.matchAll(/new\s+UiSelector\(\)((?:\s*\.\s*\w+\((?:"(?:[^"\\]|\\.)*"|[^)]*)\))*)/g)];
  const chain = chains[chains.length - 1]?.[1];
  if (chain === undefined) throw new InvalidSelectorError(`Could not parse UiSelector argument: ${expr}`);
  const tests: Test[] = [];
  let instance: number | undefined;
  for (const m of chain.matchAll(/\.\s*(\w+)\(\s*("(?:[^"\\]|\\.)*"|[^)]*)\s*\)/g)) {
    const [, method = '', raw = ''] = m;
    const arg = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.trim();
    if (method === 'instance') instance = Number(arg);
    else tests.push(selectorTest(method, arg));
  }
  const found = all.filter((n) => tests.every((t) => t(n)));
  return instance === undefined ? found : found.slice(instance, instance + 1);
}

function selectorTest(method: string, arg: string): Test {
  const flag = arg === 'true';
  switch (method) {
    case 'text': return (n) => n.text === arg;
    case 'textContains': return (n) => n.text.includes(arg);
    case 'textStartsWith': return (n) => n.text.startsWith(arg);
    case 'textMatches': return (n) => new RegExp(`^(?:${arg})$`).test(n.text);
    case 'resourceId': return (n) => n.node.id === arg;
    case 'resourceIdMatches': return (n) => new RegExp(`^(?:${arg})$`).test(n.node.id ?? '');
    case 'description': return (n) => n.node.desc === arg;
    case 'descriptionContains': return (n) => (n.node.desc ?? '').includes(arg);
    case 'className': return (n) => n.node.class === arg;
    case 'clickable': return (n) => Boolean(n.node.clickable || n.node.editable) === flag;
    case 'scrollable': return (n) => Boolean(n.node.scrollable) === flag;
    case 'enabled': return (n) => (n.node.enabled !== false) === flag;
    case 'checked': return (n) => Boolean(n.node.checked) === flag;
    case 'index': return () => true;
    default: throw new InvalidSelectorError(`UiSelector method ${method} is not supported`);
  }
}
