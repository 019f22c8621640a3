/**
 * A subset of NSPredicate as WebDriverAgent's `predicate string` and class-chain conditions
 * accept it: `attribute OP value` comparisons (==, =, !=, CONTAINS, BEGINSWITH, ENDSWITH, LIKE,
 * MATCHES, with [c]/[cd] modifiers) joined by AND / OR / NOT and parentheses, over the WDA
 * attributes type, name, identifier, label, value, enabled, visible, accessible, selected.
 */
import type { XcuiElement } from './xcui-tree.js';

export type ElementTest = (e: XcuiElement) => boolean;

const TOKEN = /\s*(\(|\)|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|==|!=|=|<=|>=|<|>|[A-Za-z_][\w.]*(?:\[[a-z]+\])?|-?\d+(?:\.\d+)?)/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`Invalid predicate at offset ${at}: ${text}`);
    out.push(m[1]!);
  }
  return out;
}

/** The value of a WDA attribute as NSPredicate compares it. */
export function attributeOf(e: XcuiElement, name: string): string | boolean | number | undefined {
  switch (name) {
    case 'type': case 'elementType': return e.type;
    case 'name': case 'identifier': return e.name;
    case 'label': return e.label;
    case 'value': return e.value;
    case 'placeholderValue': return e.placeholderValue;
    case 'enabled': case 'isEnabled': return e.enabled;
    case 'visible': case 'isVisible': return e.visible;
    case 'accessible': case 'isAccessible': return e.accessible;
    case 'selected': case 'isSelected': return e.selected;
    case 'rect.x': return e.rect.x;
    case 'rect.y': return e.rect.y;
    case 'rect.width': return e.rect.width;
    case 'rect.height': return e.rect.height;
    case 'index': return e.index;
    default: throw new Error(`Unknown attribute '${name}' in predicate`);
  }
}

function literal(token: string): string | number | boolean {
  if (/^['"]/.test(token)) return token.slice(1, -1).replace(/\\(.)/g, '$1');
  if (/^(true|yes)$/i.test(token)) return true;
  if (/^(false|no)$/i.test(token)) return false;
  const n = Number(token);
  if (Number.isFinite(n)) return n;
  throw new Error(`Expected a value, found '${token}'`);
}

function likeToRegExp(pattern: string, flags: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, flags);
}

function compare(actual: string | boolean | number | undefined, op: string, expected: string | number | boolean): boolean {
  const [base, mod = ''] = op.toUpperCase().split('[');
  const ci = mod.includes('C');
  if (typeof expected !== 'string' || typeof actual !== 'string') {
    const a = typeof expected === 'boolean' ? actual === true || actual === 1 || actual === '1' : typeof expected === 'number' ? Number(actual) : actual;
    switch (base) {
      case '=': case '==': return a === expected;
      case '!=': return a !== expected;
      case '<': return Number(a) < Number(expected);
      case '>': return Number(a) > Number(expected);
      case '<=': return Number(a) <= Number(expected);
      case '>=': return Number(a) >= Number(expected);
      default: return false;
    }
  }
  const x = ci ? actual.toLowerCase() : actual;
  const y = ci ? expected.toLowerCase() : expected;
  switch (base) {
    case '=': case '==': return x === y;
    case '!=': return x !== y;
    case 'CONTAINS': return x.includes(y);
    case 'BEGINSWITH': return x.startsWith(y);
    case 'ENDSWITH': return x.endsWith(y);
    case 'LIKE': return likeToRegExp(expected, ci ? 'i' : '').test(actual);
    case 'MATCHES': return new RegExp(`^(?:${expected})$`, ci ? 'i' : '').test(actual);
    default: throw new Error(`Unsupported predicate operator '${op}'`);
  }
}

/** Compiles a predicate string into a test over elements; throws on syntax it does not know. */
export function compilePredicate(text: string): ElementTest {
  const tokens = tokenize(text);
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const next = (): string => {
    const t = tokens[i++];
    if (t === undefined) throw new Error(`Unexpected end of predicate: ${text}`);
    return t;
  };
  const or = (): ElementTest => {
    let left = and();
    while (/^(OR|\|\|)$/i.test(peek() ?? '')) {
      next();
      const l = left, r = and();
      left = (e) => l(e) || r(e);
    }
    return left;
  };
  const and = (): ElementTest => {
    let left = unary();
    while (/^(AND|&&)$/i.test(peek() ?? '')) {
      next();
      const l = left, r = unary();
      left = (e) => l(e) && r(e);
    }
    return left;
  };
  const unary = (): ElementTest => {
    if (/^NOT$/i.test(peek() ?? '')) {
      next();
      const inner = unary();
      return (e) => !inner(e);
    }
    if (peek() === '(') {
      next();
      const inner = or();
      if (next() !== ')') throw new Error(`Expected ')' in predicate: ${text}`);
      return inner;
    }
    const attr = next();
    const op = next();
    const value = literal(next());
    return (e) => compare(attributeOf(e, attr), op, value);
  };
  const test = or();
  if (i !== tokens.length) throw new Error(`Unexpected '${tokens[i]}' in predicate: ${text}`);
  return test;
}
