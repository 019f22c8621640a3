/**
 * A small XPath 1.0 subset over the UiAutomator2 hierarchy: absolute and descendant steps (`/`, `//`), name
 * tests and `*`, `..`, predicates with `@attr`, `text()`, `=`/`!=`, `contains()`, `starts-with()`, `and`, `or`,
 * `not()`, positions (`[2]`, `[last()]`), and a parenthesised path with a position (`(//x)[1]`). It covers what
 * test code writes against Android trees; anything else is an `invalid selector` error, never a wrong match.
 */

export interface XNode {
  tag: string;
  attrs: Map<string, string>;
  children: XNode[];
  parent?: XNode;
}

type Pred = (node: XNode, position: number, size: number) => boolean;

interface Step {
  axis: 'child' | 'descendant' | 'parent' | 'self';
  name: string;
  preds: Pred[];
}

export class XPathError extends Error {}

/** Evaluates an expression from the document root (whose single child is `hierarchy`). */
export function evaluateXPath(expr: string, doc: XNode): XNode[] {
  const p = new Parser(expr.trim());
  const result = p.parseUnion(doc);
  if (!p.done()) throw new XPathError(`Unsupported XPath near "${p.rest()}" in ${expr}`);
  return result;
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    this.ws();
    return this.i >= this.s.length;
  }

  rest(): string {
    return this.s.slice(this.i, this.i + 20);
  }

  parseUnion(doc: XNode): XNode[] {
    const out = this.parsePathExpr(doc);
    while (this.eat('|')) for (const n of this.parsePathExpr(doc)) if (!out.includes(n)) out.push(n);
    return out;
  }

  private parsePathExpr(doc: XNode): XNode[] {
    this.ws();
    if (this.eat('(')) {
      let nodes = this.parseUnion(doc);
      this.expect(')');
      while (this.peek('[')) {
        const pred = this.parsePredicate();
        nodes = nodes.filter((n, i) => pred(n, i + 1, nodes.length));
      }
      if (this.peek('/')) nodes = this.applySteps(nodes, this.parseSteps());
      return nodes;
    }
    return this.applySteps([doc], this.parseSteps());
  }

  private parseSteps(): Step[] {
    const steps: Step[] = [];
    while (this.peek('/')) {
      const descendant = this.eat('//') || (this.eat('/') && false);
      this.ws();
      if (this.eat('..')) {
        steps.push({ axis: 'parent', name: '*', preds: [] });
        continue;
      }
      if (this.s[this.i] === '.' ) {
        this.i += 1;
        steps.push({ axis: 'self', name: '*', preds: [] });
        continue;
      }
      const name = this.name();
      const preds: Pred[] = [];
      while (this.peek('[')) preds.push(this.parsePredicate());
      steps.push({ axis: descendant ? 'descendant' : 'child', name, preds });
    }
    return steps;
  }

  private applySteps(start: XNode[], steps: Step[]): XNode[] {
    let nodes = start;
    for (const step of steps) {
      const next: XNode[] = [];
      for (const n of nodes) {
        let candidates: XNode[];
        if (step.axis === 'parent') candidates = n.parent ? [n.parent] : [];
        else if (step.axis === 'self') candidates = [n];
        else if (step.axis === 'child') candidates = n.children;
        else candidates = descendants(n);
        candidates = candidates.filter((c) => step.name === '*' || c.tag === step.name);
        for (const pred of step.preds) {
          const size = candidates.length;
          candidates = candidates.filter((c, i) => pred(c, i + 1, size));
        }
        for (const c of candidates) if (!next.includes(c)) next.push(c);
      }
      nodes = next;
    }
    return nodes;
  }

  private parsePredicate(): Pred {
    this.expect('[');
    const pred = this.parseOr();
    this.expect(']');
    return pred;
  }

  private parseOr(): Pred {
    let left = this.parseAnd();
    while (this.eatWord('or')) {
      const a = left;
      const b = this.parseAnd();
      left = (n, p, s) => a(n, p, s) || b(n, p, s);
    }
    return left;
  }

  private parseAnd(): Pred {
    let left = this.parseTerm();
    while (this.eatWord('and')) {
      const a = left;
      const b = this.parseTerm();
      left = (n, p, s) => a(n, p, s) && b(n, p, s);
    }
    return left;
  }

  private parseTerm(): Pred {
    this.ws();
    if (/\d/.test(this.s[this.i] ?? '')) {
      const n = Number(this.match(/^\d+/));
      return (_node, position) => position === n;
    }
    if (this.eat('last()')) return (_n, p, s) => p === s;
    if (this.eat('(')) {
      const inner = this.parseOr();
      this.expect(')');
      return inner;
    }
    for (const fn of ['contains', 'starts-with', 'not'] as const) {
      if (this.eatWord(fn + '(') || this.eat(fn + '(')) {
        if (fn === 'not') {
          const inner = this.parseOr();
          this.expect(')');
          return (n, p, s) => !inner(n, p, s);
        }
        const value = this.parseValue();
        this.expect(',');
        const literal = this.parseLiteral();
        this.expect(')');
        return fn === 'contains' ? (n) => value(n)?.includes(literal) ?? false : (n) => value(n)?.startsWith(literal) ?? false;
      }
    }
    const value = this.parseValue();
    this.ws();
    const op = this.eat('!=') ? '!=' : this.eat('=') ? '=' : undefined;
    if (!op) return (n) => value(n) !== undefined;
    const literal = this.parseLiteral();
    return op === '=' ? (n) => value(n) === literal : (n) => value(n) !== literal;
  }

  private parseValue(): (n: XNode) => string | undefined {
    this.ws();
    if (this.eat('@')) {
      const attr = this.name();
      return (n) => n.attrs.get(attr);
    }
    if (this.eat('text()')) return (n) => n.attrs.get('text');
    if (this.eat('.')) return (n) => n.attrs.get('text');
    throw new XPathError(`Unsupported XPath near "${this.rest()}"`);
  }

  private parseLiteral(): string {
    this.ws();
    const q = this.s[this.i];
    if (q !== '"' && q !== "'") throw new XPathError(`Expected a string literal near "${this.rest()}"`);
    const end = this.s.indexOf(q, this.i + 1);
    if (end < 0) throw new XPathError('Unterminated string literal');
    const value = this.s.slice(this.i + 1, end);
    this.i = end + 1;
    return value;
  }

  private name(): string {
    this.ws();
    if (this.eat('*')) return '*';
    const n = this.match(/^[\w.$-]+/);
    if (!n) throw new XPathError(`Expected a name near "${this.rest()}"`);
    return n;
  }

  private match(re: RegExp): string {
    const m = re.exec(this.s.slice(this.i));
    if (!m) return '';
    this.i += m[0].length;
    return m[0];
  }

  private ws(): void {
    while (this.s[this.i] === ' ') this.i += 1;
  }

  private peek(token: string): boolean {
    this.ws();
    return this.s.startsWith(token, this.i);
  }

  private eat(token: string): boolean {
    if (!this.peek(token)) return false;
    this.i += token.length;
    return true;
  }

  private eatWord(word: string): boolean {
    this.ws();
    if (!this.s.startsWith(word, this.i)) return false;
    const after = this.s[this.i + word.length];
    if (!word.endsWith('(') && after !== undefined && /[\w-]/.test(after)) return false;
    this.i += word.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.eat(token)) throw new XPathError(`Expected "${token}" near "${this.rest()}"`);
  }
}

function descendants(n: XNode): XNode[] {
  const out: XNode[] = [];
  const walk = (x: XNode): void => {
    for (const c of x.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(n);
  return out;
}
