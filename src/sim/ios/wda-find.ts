/**
 * Element lookup as WebDriverAgent answers `POST /element(s)`: accessibility id (name), class
 * name (type), id/name, XPath (the subset page-source tools and Appium clients use: absolute and
 * `//` steps, `*`, positions, `@attr` equality, contains(), starts-with(), and/or) evaluated on a
 * document whose root is the application (as FBXPath does), predicate strings and class chains.
 * An unknown strategy or unsupported syntax throws with the selector, as WDA's "invalid selector".
 */
import { compilePredicate, attributeOf, type ElementTest } from './wda-predicate.js';
import { allElements, type XcuiElement } from './xcui-tree.js';

/** Thrown for selectors WDA would reject. */
export class InvalidSelectorError extends Error {}

interface Parents { parentOf: Map<XcuiElement, XcuiElement | undefined> }

function parentsOf(root: XcuiElement): Parents {
  const parentOf = new Map<XcuiElement, XcuiElement | undefined>([[root, undefined]]);
  for (const e of allElements(root)) for (const c of e.children) parentOf.set(c, e);
  return { parentOf };
}

/** Finds matches under `context` (itself excluded, like XCUITest descendant queries) in document order. */
export function findElements(root: XcuiElement, context: XcuiElement, using: string, value: string): XcuiElement[] {
  const under = allElements(context).slice(1);
  switch (using) {
    case 'accessibility id': case 'id': case 'name': return under.filter((e) => e.name === value);
    case 'class name': return under.filter((e) => e.type === value);
    case 'link text': case 'partial link text': return under.filter(linkTest(value, using === 'partial link text'));
    case 'predicate string': return under.filter(safe(() => compilePredicate(value), value));
    case 'class chain': return classChain(context, value);
    case 'xpath': return xpath(root, context, value);
    default: throw new InvalidSelectorError(`The locator strategy '${using}' is not supported`);
  }
}

function safe(make: () => ElementTest, selector: string): ElementTest {
  try {
    return make();
  } catch (error) {
    throw new InvalidSelectorError(`Invalid selector '${selector}': ${(error as Error).message}`);
  }
}

/** `label=Sign in` (link text) or a part of it (partial link text), as FBFindElementCommands splits it. */
function linkTest(value: string, partial: boolean): ElementTest {
  const eq = value.indexOf('=');
  const attr = eq > 0 ? value.slice(0, eq) : 'label';
  const text = eq > 0 ? value.slice(eq + 1) : value;
  return (e) => {
    const v = attributeOf(e, attr);
    return typeof v === 'string' && (partial ? v.includes(text) : v === text);
  };
}

// ---- class chain: `**/XCUIElementTypeCell[`name BEGINSWITH "A"`][2]/XCUIElementTypeButton` ----

function classChain(context: XcuiElement, chain: string): XcuiElement[] {
  const parts = chain.match(/(\*\*\/)?[^/`[]+(?:\[(?:`[^`]*`|-?\d+)\])*/g);
  if (!parts) throw new InvalidSelectorError(`Invalid class chain '${chain}'`);
  let current: XcuiElement[] = [context];
  for (const part of parts) {
    const deep = part.startsWith('**/');
    const body = deep ? part.slice(3) : part;
    const type = /^[^[]+/.exec(body)![0];
    const filters = [...body.matchAll(/\[(`[^`]*`|-?\d+)\]/g)].map((m) => m[1]!);
    const next: XcuiElement[] = [];
    for (const c of current) {
      let found = (deep ? allElements(c).slice(1) : c.children).filter((e) => type === '*' || e.type === type);
      for (const f of filters) {
        if (f.startsWith('`')) found = found.filter(safe(() => compilePredicate(f.slice(1, -1)), chain));
        else {
          const n = Number(f);
          const pick = n > 0 ? found[n - 1] : found[found.length + n];
          found = pick ? [pick] : [];
        }
      }
      for (const e of found) if (!next.includes(e)) next.push(e);
    }
    current = next;
  }
  return current;
}

// ---- XPath subset ----

interface Step { axis: 'child' | 'descendant'; test: string; predicates: string[] }

function parseXPath(path: string): { absolute: boolean; steps: Step[] } {
  let rest = path.trim();
  const absolute = rest.startsWith('/');
  if (!absolute && rest.startsWith('.')) rest = rest.replace(/^\.(?=\/)/, '');
  const steps: Step[] = [];
  let axis: Step['axis'] = 'child';
  if (!rest.startsWith('/')) rest = '/' + rest;
  while (rest.length > 0) {
    if (rest.startsWith('//')) { axis = 'descendant'; rest = rest.slice(2); }
    else if (rest.startsWith('/')) { axis = 'child'; rest = rest.slice(1); }
    else throw new InvalidSelectorError(`Invalid XPath '${path}'`);
    const name = /^(\*|[A-Za-z_][\w.-]*)/.exec(rest);
    if (!name) throw new InvalidSelectorError(`Invalid XPath '${path}'`);
    rest = rest.slice(name[0].length);
    const predicates: string[] = [];
    while (rest.startsWith('[')) {
      const end = closingBracket(rest, path);
      predicates.push(rest.slice(1, end));
      rest = rest.slice(end + 1);
    }
    steps.push({ axis, test: name[0], predicates });
  }
  return { absolute, steps };
}

function closingBracket(text: string, path: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) { if (ch === quote) quote = undefined; continue; }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  throw new InvalidSelectorError(`Invalid XPath '${path}': unclosed [`);
}

function xpathCondition(text: string, path: string): ElementTest {
  const parts = splitTop(text, ' or ').map((alt) => splitTop(alt, ' and ').map((c) => atom(c.trim(), path)));
  return (e) => parts.some((all) => all.every((t) => t(e)));
}

function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let quote: string | undefined;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) { if (ch === quote) quote = undefined; continue; }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && text.startsWith(sep, i)) { out.push(text.slice(start, i)); start = i + sep.length; i += sep.length - 1; }
  }
  out.push(text.slice(start));
  return out;
}

const xattr = (e: XcuiElement, name: string): string | undefined => {
  const v = name === 'type' ? e.type : attributeOf(e, name);
  return v === undefined ? undefined : String(v);
};

function atom(text: string, path: string): ElementTest {
  const unq = (s: string): string => s.slice(1, -1);
  let m = /^@([\w.]+)\s*(=|!=)\s*("[^"]*"|'[^']*')$/.exec(text);
  if (m) { const [, a, op, v] = m; return (e) => (xattr(e, a!) === unq(v!)) === (op === '='); }
  m = /^@([\w.]+)$/.exec(text);
  if (m) { const a = m[1]!; return (e) => xattr(e, a) !== undefined; }
  m = /^(contains|starts-with)\(\s*@([\w.]+)\s*,\s*("[^"]*"|'[^']*')\s*\)$/.exec(text);
  if (m) {
    const [, fn, a, v] = m;
    return (e) => { const x = xattr(e, a!) ?? ''; return fn === 'contains' ? x.includes(unq(v!)) : x.startsWith(unq(v!)); };
  }
  m = /^not\((.*)\)$/.exec(text);
  if (m) { const inner = xpathCondition(m[1]!, path); return (e) => !inner(e); }
  throw new InvalidSelectorError(`Unsupported XPath condition [${text}] in '${path}'`);
}

function xpath(root: XcuiElement, context: XcuiElement, path: string): XcuiElement[] {
  const { absolute, steps } = parseXPath(path);
  const { parentOf } = parentsOf(root);
  // The document node's only child is the application element.
  const documentNode: XcuiElement = { ...root, type: '#document', children: [root] };
  let current: XcuiElement[] = [absolute ? documentNode : context];
  for (const step of steps) {
    const next: XcuiElement[] = [];
    for (const c of current) {
      let found = (step.axis === 'child' ? c.children : allElements(c).slice(1)).filter((e) => step.test === '*' || e.type === step.test);
      for (const p of step.predicates) {
        if (/^\d+$/.test(p.trim())) {
          // [n] counts among the siblings that passed the name test, per parent.
          const n = Number(p);
          found = found.filter((e) => {
            const siblings = (parentOf.get(e) ?? documentNode).children.filter((s) => step.test === '*' || s.type === step.test);
            return siblings.indexOf(e) === n - 1 && (step.axis === 'descendant' || c.children.includes(e));
          });
        } else if (p.trim() === 'last()') {
          const last = found[found.length - 1];
          found = last ? [last] : [];
        } else found = found.filter(xpathCondition(p, path));
      }
      for (const e of found) if (!next.includes(e)) next.push(e);
    }
    current = next;
  }
  const order = allElements(root);
  return current.filter((e) => e.type !== '#document').sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
