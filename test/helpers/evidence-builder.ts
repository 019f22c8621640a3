/**
 * Compact fixtures for detector and evaluation tests: a screen is a tree of element specs
 * (role = HTML tag) flattened into UiNodes with parent links, own text and subtree fullText,
 * the way the H5 DOM snapshot records them.
 */
import { createHash } from 'node:crypto';
import type {
  AppCrashEvent, BlobRef, Bounds, ConsoleEvent, CoverageEvent, EvidenceBundle, NetworkEvent, PackageEvent, RunIssueEvent, ScreenEvent, Step, UiNode,
} from '../../src/evidence/types.js';
import type { PackageFacts } from '../../src/package/index.js';

export interface NodeProps {
  text?: string;
  /** Defaults to the node's text plus its descendants' text. */
  fullText?: string;
  clickable?: boolean;
  obscured?: boolean;
  editable?: boolean;
  inputType?: string;
  required?: boolean;
  label?: string;
  locator?: string;
  bounds?: Bounds;
}

export interface NodeSpec extends NodeProps {
  role: string;
  children: NodeSpec[];
}

/** An element: el('div', '文字', child…) or el('input', { inputType: 'file' }). */
export function el(role: string, props?: string | NodeProps, ...children: NodeSpec[]): NodeSpec {
  const p: NodeProps = typeof props === 'string' ? { text: props } : (props ?? {});
  return { role, ...p, children };
}

export const div = (props?: string | NodeProps, ...children: NodeSpec[]): NodeSpec => el('div', props, ...children);
export const p = (text: string): NodeSpec => el('p', text);
export const span = (text: string): NodeSpec => el('span', text);
export const th = (text: string): NodeSpec => el('th', text);
export const button = (text: string, props: NodeProps = {}): NodeSpec => el('button', { text, clickable: true, ...props });
export const link = (text: string, props: NodeProps = {}): NodeSpec => el('a', { text, clickable: true, ...props });
export const textInput = (props: NodeProps = {}): NodeSpec => el('input', { inputType: 'text', editable: true, ...props });
export const textarea = (props: NodeProps = {}): NodeSpec => el('textarea', { inputType: 'textarea', editable: true, ...props });
export const fileInput = (props: NodeProps = {}): NodeSpec => el('input', { inputType: 'file', clickable: true, ...props });
export const radio = (label: string, props: NodeProps = {}): NodeSpec => el('input', { inputType: 'radio', clickable: true, label, ...props });

export function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function blob(kind: BlobRef['kind'], seed: string): BlobRef {
  const sha256 = hash(`${kind}:${seed}`);
  return { kind, path: `evidence/${sha256}.${kind === 'ui-tree' ? 'json' : 'png'}`, sha256 };
}

/** launch + `depth` taps, unless steps are given. */
export function stepsTo(depth: number, labels: string[] = []): Step[] {
  const steps: Step[] = [{ action: 'launch', label: '启动应用' }];
  for (let i = 0; i < depth; i++) {
    const text = labels[i] ?? `入口${i + 1}`;
    steps.push({ action: 'tap', label: `点击「${text}」`, locator: `#step-${i + 1}`, text });
  }
  return steps;
}

export interface ScreenSpec {
  id?: string;
  title: string;
  url?: string;
  depth?: number;
  steps?: Step[];
  /** false: a screen recorded without a screenshot (only the UI tree). */
  screenshot?: boolean;
  body: NodeSpec[];
}

let screenCounter = 0;

/** A recorded screen; node 0 is <body>. */
export function screen(spec: ScreenSpec): ScreenEvent {
  const id = spec.id ?? `scr${++screenCounter}`;
  const depth = spec.depth ?? 0;
  const nodes: UiNode[] = [];
  const root: NodeSpec = { role: 'body', children: spec.body };
  flatten(root, null, nodes);
  const event: ScreenEvent = {
    type: 'screen',
    id,
    signature: hash(id).slice(0, 16),
    url: spec.url ?? `https://app.example.gov.cn/#/${id}`,
    title: spec.title,
    depth,
    steps: spec.steps ?? stepsTo(depth),
    nodes,
    visibleText: fullTextOf(root),
    uiTree: blob('ui-tree', id),
    viewport: { width: 412, height: 915, devicePixelRatio: 2.625 },
    at: '2026-03-01T08:00:00.000Z',
  };
  if (spec.screenshot !== false) event.screenshot = blob('screenshot', id);
  return event;
}

function flatten(spec: NodeSpec, parent: number | null, out: UiNode[]): void {
  const id = out.length;
  const text = normalize(spec.text ?? '');
  const node: UiNode = {
    id,
    parent,
    role: spec.role,
    text,
    fullText: spec.fullText ?? fullTextOf(spec).slice(0, 200),
    bounds: spec.bounds ?? { x: 0, y: id * 40, width: 412, height: 40 },
    clickable: spec.clickable ?? false,
    editable: spec.editable ?? false,
    scrollable: false,
    platform: 'h5',
    locator: spec.locator ?? `#n${id}`,
  };
  if (spec.obscured !== undefined) node.obscured = spec.obscured;
  if (spec.inputType !== undefined) node.inputType = spec.inputType;
  if (spec.required !== undefined) node.required = spec.required;
  if (spec.label !== undefined) node.label = spec.label;
  out.push(node);
  for (const child of spec.children) flatten(child, id, out);
}

function fullTextOf(spec: NodeSpec): string {
  return normalize([spec.text ?? '', ...spec.children.map(fullTextOf)].join(' '));
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The node of a screen whose own text is `text` (throws when absent, so tests fail loudly). */
export function nodeByText(screenEvent: ScreenEvent, text: string): UiNode {
  const node = screenEvent.nodes.find((n) => n.text === text);
  if (!node) throw new Error(`fixture has no node with text ${text}`);
  return node;
}

let requestCounter = 0;

export function request(fields: Partial<NetworkEvent> & { url: string }): NetworkEvent {
  return { type: 'network', requestId: `r${++requestCounter}`, method: 'POST', resourceType: 'XHR', status: 200, ts: 1_000, ...fields };
}

export function consoleEntry(message: string, fields: Partial<ConsoleEvent> = {}): ConsoleEvent {
  return { type: 'console', level: 'SEVERE', message, ts: 1_000, ...fields };
}

export function runIssue(message: string, phase = 'explore'): RunIssueEvent {
  return { type: 'run-issue', phase, message, at: '2026-03-01T08:00:00.000Z' };
}

/** A crash recorded by the explorer on `on` after tapping `text` (its locator on that screen), recovered unless overridden. */
export function appCrash(on: ScreenEvent, text: string, fields: Partial<AppCrashEvent> = {}): AppCrashEvent {
  const node = nodeByText(on, text);
  const tap: Step = { action: 'tap', label: `点击「${text}」`, text, ...(node.locator ? { locator: node.locator } : {}) };
  return {
    type: 'app-crash', screenId: on.id, steps: [...on.steps, tap], actionLabel: tap.label, during: 'action', kind: '渲染进程终止',
    message: 'unknown error: WebDriverError: tab crashed', recovered: true, recoveryMs: 2_300, at: '2026-03-01T08:00:05.000Z', ...fields,
  };
}

/** Coverage of a finished exploration unless overridden. */
export function coverage(fields: Partial<CoverageEvent> = {}): CoverageEvent {
  return {
    type: 'coverage',
    screens: 1,
    screensFullyExplored: 1,
    actions: 1,
    frontier: 0,
    unexploredDepths: [],
    durationMs: 1_000,
    complete: true,
    stoppedBy: 'exhausted',
    skippedActions: [],
    ...fields,
  };
}

/** Static facts of an Android package that ships the given strings (and nothing else of note). */
export function packageEvent(strings: string[], fields: Partial<PackageFacts> = {}): PackageEvent {
  const facts: PackageFacts = {
    platform: 'android',
    format: 'apk',
    file: { path: '/tmp/app.apk', sizeBytes: 1_024, sha256: hash('app.apk') },
    identity: { packageName: 'cn.gov.example.app', versionName: '1.0.0' },
    permissions: [],
    components: [],
    network: {},
    hosts: [],
    strings: strings.map((text) => ({ text, source: 'res/values/strings.xml' })),
    urlSchemes: [],
    entryPoints: [],
    warnings: [],
    ...fields,
  };
  return { type: 'package', facts, blob: blob('package', facts.identity.packageName) };
}

export interface BundleSpec {
  package?: PackageEvent;
  screens?: ScreenEvent[];
  network?: NetworkEvent[];
  console?: ConsoleEvent[];
  issues?: RunIssueEvent[];
  crashes?: AppCrashEvent[];
  coverage?: CoverageEvent;
  appOrigin?: string;
}

export function bundle(spec: BundleSpec = {}): EvidenceBundle {
  const result: EvidenceBundle = {
    screens: spec.screens ?? [],
    transitions: [],
    network: spec.network ?? [],
    console: spec.console ?? [],
    issues: spec.issues ?? [],
    appOrigin: spec.appOrigin ?? 'https://app.example.gov.cn',
  };
  if (spec.coverage) result.coverage = spec.coverage;
  if (spec.crashes) result.crashes = spec.crashes;
  if (spec.package) result.package = spec.package;
  return result;
}

/** One-screen bundle. */
export function oneScreen(body: NodeSpec[], fields: Omit<ScreenSpec, 'body' | 'title'> & { title?: string } = {}): EvidenceBundle {
  return bundle({ screens: [screen({ title: '首页', ...fields, body })] });
}
