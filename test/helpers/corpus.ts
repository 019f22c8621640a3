/**
 * The labelled detection corpus (test/fixtures/corpus/*.json): each case is one screen (a compact
 * node tree), optionally with the requests, console messages and OCR words seen on it, labelled
 * with the checks that must fire on it. `traps` names the checks a case is a hard negative for.
 * Shared by test/checks/corpus.test.ts and scripts/bench-detect.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckId } from '../../src/checks/catalog.js';
import type { ConsoleEvent, EvidenceBundle, NetworkEvent, OcrEvent, ScreenEvent, UiNode } from '../../src/evidence/types.js';
import { PROJECT_ROOT } from '../../src/core/paths.js';

export const CORPUS_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'corpus');

/** A node as stored in the corpus: short keys, children nested, fullText recomputed on load. */
export interface CorpusNode {
  role: string;
  text?: string;
  /** [x, y, width, height] in CSS pixels; defaults to a row of its own. */
  b?: [number, number, number, number];
  click?: true;
  edit?: true;
  obscured?: true;
  input?: string;
  required?: true;
  label?: string;
  kids?: CorpusNode[];
}

export interface CorpusCase {
  id: string;
  /** Where the case comes from: run1:s15 (the violating sample), run2:s11, or hand. */
  source: string;
  note?: string;
  /** Checks that must fire on this case (a prohibition: a finding; a requirement: an observation). */
  labels: CheckId[];
  /** Checks this case is a hard negative for (a trap); never also in labels. */
  traps?: CheckId[];
  screen: { title: string; depth?: number; url?: string; nodes: CorpusNode[] };
  network?: Partial<NetworkEvent>[];
  console?: Partial<ConsoleEvent>[];
  /** Words read from the screenshot (image-only text). */
  ocr?: { text: string; b: [number, number, number, number]; confidence?: number }[];
}

/** Every case of every corpus file, in file order. */
export function loadCorpus(dir = CORPUS_DIR): CorpusCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { cases: CorpusCase[] }).cases);
}

/** A one-screen evidence bundle for a case, with exploration complete (so only the detector decides). */
export function caseBundle(c: CorpusCase): EvidenceBundle {
  const origin = 'http://127.0.0.1:8080';
  const screen = toScreen(c, origin);
  const ocr: OcrEvent[] = c.ocr ? [{
    type: 'ocr', screenId: screen.id, imageSha256: 'f'.repeat(64), ms: 0, regions: [],
    words: c.ocr.map((w) => ({ text: w.text, confidence: w.confidence ?? 90, bounds: { x: w.b[0], y: w.b[1], width: w.b[2], height: w.b[3] } })),
  }] : [];
  return {
    screens: [screen],
    transitions: [],
    network: (c.network ?? []).map((n, i) => ({ type: 'network', requestId: `r${i}`, method: 'GET', url: `${origin}/`, ts: i * 1000, screenId: screen.id, ...n })),
    console: (c.console ?? []).map((m, i) => ({ type: 'console', level: 'SEVERE', message: '', ts: i * 1000, screenId: screen.id, ...m })),
    ocr,
    issues: [],
    coverage: { type: 'coverage', screens: 1, screensFullyExplored: 1, actions: 1, frontier: 0, unexploredDepths: [], durationMs: 1, complete: true, stoppedBy: 'exhausted', skippedActions: [] },
    appOrigin: origin,
  };
}

function toScreen(c: CorpusCase, origin: string): ScreenEvent {
  const nodes: UiNode[] = [];
  const flatten = (n: CorpusNode, parent: number | null): string => {
    const node: UiNode = {
      id: nodes.length, parent, role: n.role, text: n.text ?? '', fullText: '',
      bounds: n.b ? { x: n.b[0], y: n.b[1], width: n.b[2], height: n.b[3] } : { x: 0, y: nodes.length * 40, width: 380, height: 36 },
      clickable: n.click === true, editable: n.edit === true, scrollable: false, platform: 'h5',
    };
    if (n.obscured) node.obscured = true;
    if (n.input) node.inputType = n.input;
    if (n.required) node.required = true;
    if (n.label) node.label = n.label;
    nodes.push(node);
    const texts = [node.text, ...(n.kids ?? []).map((k) => flatten(k, node.id))].filter(Boolean);
    node.fullText = texts.join(' ').slice(0, 400);
    return node.fullText;
  };
  flatten({ role: 'body', kids: c.screen.nodes }, null);
  return {
    type: 'screen', id: 's0', signature: c.id, url: c.screen.url ?? `${origin}/#/${c.id}`, title: c.screen.title,
    depth: c.screen.depth ?? 0, steps: [{ action: 'launch', label: '启动应用' }], nodes,
    visibleText: nodes[0]!.fullText, uiTree: { kind: 'ui-tree', path: `evidence/${c.id}.json`, sha256: '0'.repeat(64) },
    viewport: { width: 412, height: 915, devicePixelRatio: 1 }, at: '2026-11-28T00:00:00.000Z',
  };
}
