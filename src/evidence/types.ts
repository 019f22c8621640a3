/**
 * Recorded evidence: the typed events of the append-only evidence log (evidence/events.jsonl)
 * and references to blobs stored under their sha256. Schema version 1.
 * Detectors read only these types.
 */
import type { PlatformId } from '../platforms/platform-id.js';
import type { PackageFacts } from '../package/index.js';
import type { BlobRef, Step } from './refs.js';

/** The blob reference and the path step live in refs.ts (shared with probe-types.ts without a cycle). */
export type { BlobRef, Step } from './refs.js';

export const EVIDENCE_SCHEMA_VERSION = 1;

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One node of the platform-neutral UI model. */
export interface UiNode {
  id: number;
  parent: number | null;
  /** Element kind: an HTML tag for H5 (button, a, th, p…), a class name for native platforms. */
  role: string;
  /** The node's own text (direct text children), whitespace-normalised. */
  text: string;
  /** Full visible text of the subtree, capped; for leaves equal to text. */
  fullText: string;
  label?: string;
  resourceId?: string;
  bounds: Bounds;
  /**
   * The node itself responds to a tap, by platform semantics or by a handler of its own
   * (`tapSource` says which). A node that only a delegating ancestor may handle is not clickable:
   * it carries `delegated` and the explorer decides whether it looks like a control.
   */
  clickable: boolean;
  /** Why the node is clickable (set with `clickable`; absent in evidence written before it was recorded). */
  tapSource?: TapSource;
  /**
   * Not clickable itself, but an ancestor (document, body, the app root) listens to taps and
   * dispatches by target (hand-written routers, `$(document).on('click', …)` without a readable
   * selector): a control-like node here is a candidate to try.
   */
  delegated?: boolean;
  /** Clickable (or delegated) but covered by another element (a modal): a user cannot tap it now. */
  obscured?: boolean;
  /**
   * Part of a transient overlay (a toast such as 登录成功, a loading mask, a splash) still shown
   * when the screen was captured: screen identity must not hinge on it.
   */
  transient?: boolean;
  editable: boolean;
  scrollable: boolean;
  checked?: boolean;
  required?: boolean;
  inputType?: string;
  /** A locator the device adapter can use to act on the node again. */
  locator?: string;
  platform: PlatformId;
}

/**
 * Why a node counts as tappable:
 * - `native`: the platform says so (a link, button or form control; a native `clickable` flag);
 * - `listener`: the page registered a tap-like listener (click, touch*, pointer*, mouse*, tap) or an `on…` handler on the node;
 * - `framework`: a framework's own handler table names the node (Vue invokers, React props, jQuery delegated selectors);
 * - `role`: an ARIA role of a control;
 * - `cursor`: `cursor: pointer` where the parent has none (supporting signal only).
 */
export type TapSource = 'native' | 'listener' | 'framework' | 'role' | 'cursor';

/**
 * How the explorer found a candidate action: a node's own `TapSource`, `delegated` (a control-like
 * node under a delegating ancestor) or `probed` (control-like content no known handler explains,
 * tried and kept only when it changes something), or `scroll`.
 */
export type CandidateSource = TapSource | 'delegated' | 'probed' | 'scroll';

export interface ScreenEvent {
  type: 'screen';
  id: string;
  signature: string;
  /** The platform's screen key (H5: the route; Android: package/activity); absent in evidence written before it. */
  screenKey?: string;
  /** The platform that showed the screen; absent in evidence written before it (all H5). */
  platform?: PlatformId;
  url: string;
  title: string;
  depth: number;
  steps: Step[];
  nodes: UiNode[];
  visibleText: string;
  screenshot?: BlobRef;
  uiTree: BlobRef;
  viewport: { width: number; height: number; devicePixelRatio: number };
  at: string;
}

/** A shorter path to an already recorded screen was found; it supersedes the screen's depth and steps. */
export interface ScreenPathEvent {
  type: 'screen-path';
  id: string;
  depth: number;
  steps: Step[];
}

export interface TransitionEvent {
  type: 'transition';
  from: string;
  to: string;
  step: Step;
  at: string;
}

export interface NetworkEvent {
  type: 'network';
  requestId: string;
  method: string;
  url: string;
  resourceType?: string;
  status?: number;
  failed?: boolean;
  errorText?: string;
  postData?: string;
  /** The screen shown when the request was observed. */
  screenId?: string;
  ts: number;
  /** Set on requests recorded by a probe (e.g. 'network-idle'); absent for exploration. */
  probe?: string;
  /** HAR-style details, when the recorder saw them. */
  requestContentType?: string;
  mimeType?: string;
  responseBytes?: number;
  remoteIp?: string;
  durationMs?: number;
}

export interface ConsoleEvent {
  type: 'console';
  level: string;
  message: string;
  source?: string;
  screenId?: string;
  ts: number;
}

export interface CoverageEvent {
  type: 'coverage';
  screens: number;
  screensFullyExplored: number;
  actions: number;
  frontier: number;
  /** Depth (taps from launch) of every screen that still has untried actions. */
  unexploredDepths: number[];
  durationMs: number;
  /** True when every action of every reachable screen was tried (nothing left to explore). */
  complete: boolean;
  /** `app-crash`: the app died and could not be brought back (recovery failed or its cap was reached). */
  stoppedBy: 'exhausted' | 'time-budget' | 'action-cap' | 'error' | 'app-crash';
  skippedActions: { screenId: string; label: string; reason: string; byPolicy: boolean }[];
  /**
   * Screens that show text or images but yielded no candidate action: the explorer could not
   * understand them, so nothing behind them was seen and `complete` is false.
   */
  notUnderstood?: string[];
  /** Per screen: candidates found and tried, by how they were found (absent in older evidence). */
  perScreen?: ScreenCoverage[];
  /**
   * A login screen was met. Without `signedIn`, whatever sits behind it was not explored,
   * so prohibitions cannot pass (src/checks/evaluate.ts).
   */
  loginWall?: { met: boolean; signedIn: boolean; screenId?: string; reason?: string };
  /**
   * What the device session could not observe during exploration (its `can` said so): no request
   * or log seen there means "not observed", not "none happened" (src/checks/observation-dependencies.ts).
   */
  unobserved?: Unobserved[];
}

/** Kinds of behaviour a device session may be unable to observe. */
export type Unobserved = 'network' | 'logs' | 'dialogs';

/** What the explorer found and tried on one screen. */
export interface ScreenCoverage {
  screenId: string;
  /** Candidate actions found on the screen, by how they were found. */
  found: Partial<Record<CandidateSource, number>>;
  /** Of those, how many were performed (skipped by policy, sampled list rows and learned global navigation are not). */
  tried: Partial<Record<CandidateSource, number>>;
  /** Tried probes/delegated candidates that changed nothing (no new screen, dialog, request or in-place view). */
  noEffect?: number;
  /** False when the screen shows content but yielded no candidate. */
  understood: boolean;
  /** The screen is a modal covering the app with one way forward, this control (立即打卡, 同意…), which was acted on. */
  gate?: string;
}

export interface RunIssueEvent {
  type: 'run-issue';
  phase: string;
  message: string;
  at: string;
}

/**
 * The app died while exploring (H5: the page's renderer crashed). Written once recovery was tried,
 * so it says whether exploration went on. Strings are masked like every recorded text.
 */
export interface AppCrashEvent {
  type: 'app-crash';
  /** The screen whose action was being performed (or travelled to, for `during: 'navigation'`) when the app died. */
  screenId?: string;
  /** Replayable path: launch, the steps to that screen, then the action that crashed the app (when `during: 'action'`). */
  steps: Step[];
  /** The action being performed, or travelled towards (`during: 'navigation'`): 点击「数据报表」. */
  actionLabel: string;
  /** Performing the action on its screen, or reaching that screen (Back, replay of a path) before it. */
  during: 'action' | 'navigation';
  /** What died, for people: 渲染进程终止 (H5). */
  kind: string;
  /** The device error's first line. */
  message: string;
  /** The app was relaunched and exploration went on. */
  recovered: boolean;
  /** How long the relaunch took (a new session on H5), when it was tried. */
  recoveryMs?: number;
  /** Why there was no recovery: the run's cap reached, the platform cannot relaunch, or the relaunch failed. */
  notRecoveredBecause?: 'cap-reached' | 'unsupported' | 'relaunch-failed';
  at: string;
}

/** Facts read statically from the submitted package (full facts also stored as a blob). */
export interface PackageEvent {
  type: 'package';
  facts: PackageFacts;
  blob: BlobRef;
}

/** One word read from a screenshot, in CSS pixels of the page (like UiNode bounds). */
export interface OcrWord {
  text: string;
  bounds: Bounds;
  /** 0..100, as tesseract reports it. */
  confidence: number;
}

/** Text read from a screen's screenshot where the UI model does not carry it (images, canvas, icons). */
export interface OcrEvent {
  type: 'ocr';
  screenId: string;
  /** sha256 of the screenshot that was read (also the cache key). */
  imageSha256: string;
  /** The regions that were read, CSS pixels; the whole screen is one region. */
  regions: Bounds[];
  words: OcrWord[];
  /** Recognition time; 0 when the result came from the cache. */
  ms: number;
}

export type EvidenceEvent = PackageEvent | ScreenEvent | ScreenPathEvent | TransitionEvent | NetworkEvent | ConsoleEvent | CoverageEvent | RunIssueEvent | AppCrashEvent | OcrEvent | ProbeEvent;

/** Events of the dynamic probes live in their own file (src/evidence/probe-types.ts). */
export type { ProbeEvent, ProbeEvidence } from './probe-types.js';
import type { ProbeEvent, ProbeEvidence } from './probe-types.js';

/** Everything recorded for one run, as detectors see it. */
export interface EvidenceBundle {
  screens: ScreenEvent[];
  transitions: TransitionEvent[];
  network: NetworkEvent[];
  console: ConsoleEvent[];
  coverage?: CoverageEvent;
  issues: RunIssueEvent[];
  /** App crashes met while exploring, with their paths (absent in evidence written before they were recorded). */
  crashes?: AppCrashEvent[];
  /** The submitted package's static facts, when the app came as a package. */
  package?: PackageEvent;
  /** Words read by OCR, per screen (absent when no OCR pass ran). */
  ocr?: OcrEvent[];
  /** Origin of the app under test (H5), used to tell own assets from third parties. */
  appOrigin?: string;
  /** What the dynamic probes measured after exploration (absent when no probe ran). */
  probes?: ProbeEvidence;
}
