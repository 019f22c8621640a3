/**
 * Turns a run's recorded screens into corpus cases (test/fixtures/corpus format) to be labelled by
 * hand: nodes become a nested tree with short keys, request and console events of each screen
 * are kept when they matter to a check (XHR/Fetch bodies, failures, script errors).
 * Run: node --import tsx scripts/corpus-extract.ts <run-out-dir> <prefix> > cases.json
 */
import { readEvidenceBundle } from '../src/evidence/store.js';
import type { ScreenEvent, UiNode } from '../src/evidence/types.js';
import type { CorpusCase, CorpusNode } from '../test/helpers/corpus.js';

function tree(screen: ScreenEvent): CorpusNode[] {
  const kids = new Map<number | null, UiNode[]>();
  for (const n of screen.nodes) kids.set(n.parent, [...(kids.get(n.parent) ?? []), n]);
  const build = (n: UiNode): CorpusNode => {
    const c: CorpusNode = { role: n.role };
    if (n.text) c.text = n.text;
    c.b = [n.bounds.x, n.bounds.y, n.bounds.width, n.bounds.height];
    if (n.clickable) c.click = true;
    if (n.editable) c.edit = true;
    if (n.obscured) c.obscured = true;
    if (n.inputType) c.input = n.inputType;
    if (n.required) c.required = true;
    if (n.label) c.label = n.label;
    const children = (kids.get(n.id) ?? []).map(build);
    if (children.length) c.kids = children;
    return c;
  };
  const body = screen.nodes.find((n) => n.parent === null);
  // The app's bottom tab bar repeats on every screen and says nothing about any check.
  const kept = (n: CorpusNode): CorpusNode | undefined => (n.role === 'nav' ? undefined : { ...n, ...(n.kids ? { kids: n.kids.map(kept).filter((k) => k !== undefined) } : {}) });
  return body ? (kids.get(body.id) ?? []).map(build).map(kept).filter((k) => k !== undefined) : [];
}

const [dir, prefix = 'run'] = process.argv.slice(2);
if (!dir) throw new Error('usage: corpus-extract <run-out-dir> <prefix>');
const bundle = readEvidenceBundle(dir);
const cases: CorpusCase[] = bundle.screens.map((s) => {
  const network = bundle.network
    .filter((n) => n.screenId === s.id && (['XHR', 'Fetch'].includes(n.resourceType ?? '') || (n.status ?? 0) >= 400 || n.failed))
    .map(({ method, url, resourceType, status, postData }) => ({ method, url: url.replace(/^https?:\/\/[^/]+/, 'http://127.0.0.1:8080'), ...(resourceType ? { resourceType } : {}), ...(status ? { status } : {}), ...(postData ? { postData } : {}) }));
  const console = bundle.console.filter((c) => c.screenId === s.id).map(({ level, message }) => ({ level, message: message.replace(/https?:\/\/[^/]+/, 'http://127.0.0.1:8080') }));
  return {
    id: `${prefix}-${s.id}`, source: `${prefix}:${s.id}`, labels: [],
    screen: { title: s.title, depth: s.depth, nodes: tree(s) },
    ...(network.length ? { network: uniqueBy(network, (n) => `${n.method} ${n.url}`) } : {}),
    ...(console.length ? { console: uniqueBy(console, (c) => c.message) } : {}),
  };
});
process.stdout.write(formatCorpus(cases));

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}

/** One node per line, indented by depth: a corpus a person can read and label. */
export function formatCorpus(cases: CorpusCase[]): string {
  const node = (n: CorpusNode, indent: string): string => {
    const { kids, ...own } = n;
    const head = JSON.stringify(own).slice(0, -1);
    if (!kids?.length) return `${indent}${head}}`;
    return `${indent}${head}, "kids": [\n${kids.map((k) => node(k, indent + ' ')).join(',\n')}\n${indent}]}`;
  };
  const one = (c: CorpusCase): string => {
    const { screen, ...rest } = c;
    const fields = Object.entries(rest).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    const nodes = screen.nodes.map((n) => node(n, '   ')).join(',\n');
    const meta = JSON.stringify({ ...screen, nodes: undefined });
    fields.push(`  "screen": ${meta.slice(0, -1)}, "nodes": [\n${nodes}\n  ]}`);
    return ` {\n${fields.join(',\n')}\n }`;
  };
  return `{"cases": [\n${cases.map(one).join(',\n')}\n]}\n`;
}
