/**
 * The scripted app model a simulated device runs: screens as trees of nodes, what a tap, back or text entry does,
 * the requests the app sends, runtime permission prompts, a crash, a slow cold start. Platform-neutral: the
 * Android front renders nodes as UiAutomator2 XML, a HarmonyOS front would render them as its own layout dump.
 * The model ships inside the sample package (`assets/sim-app.json` in an APK). Schema: app-model.schema.json.
 */

export const SIM_APP_SCHEMA_VERSION = 1;

/** [left, top, right, bottom] in device pixels, as UiAutomator2's `bounds="[l,t][r,b]"`. */
export type Bounds = [number, number, number, number];

/** One request the app sends (through the device's proxy when one is set). */
export interface SimRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  /** Sent as JSON when an object, as text otherwise. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A runtime permission the app asks for; the system dialog answers it. */
export interface SimPermissionPrompt {
  permission: string;
  /** Screen shown after an allow / a deny (defaults: stay on the screen that asked). */
  onAllow?: SimTapAction;
  onDeny?: SimTapAction;
}

/** What a tap on a node does, in this order: requests, permission prompt, crash, navigation. */
export interface SimTapAction {
  goto?: string;
  back?: boolean;
  requests?: SimRequest[];
  /** Asks a runtime permission first; the navigation happens only after the answer (per onAllow/onDeny). */
  askPermission?: SimPermissionPrompt;
  /** The app dies with this exception (`java.lang.NullPointerException: …`). */
  crash?: string;
  /** A transient message shown over the screen (Android Toast). */
  toast?: string;
  /** Lines the app writes to its log (tag: message). */
  log?: string[];
  /** Set on system dialog buttons only: answers the pending permission prompt. */
  system?: 'permission-allow' | 'permission-deny';
}

/** A node of a screen's tree. Bounds are absolute; nodes under a scrollable node may extend past it. */
export interface SimNode {
  class: string;
  id?: string;
  text?: string;
  hint?: string;
  desc?: string;
  bounds: Bounds;
  clickable?: boolean;
  longClickable?: boolean;
  scrollable?: boolean;
  editable?: boolean;
  password?: boolean;
  checkable?: boolean;
  checked?: boolean;
  enabled?: boolean;
  selected?: boolean;
  /** Background colour of the node's box in screenshots (#rrggbb). */
  background?: string;
  /** Text colour in screenshots (#rrggbb). */
  color?: string;
  /** Text size in device pixels. */
  textSize?: number;
  onTap?: SimTapAction;
  /** Transition when text is entered into this (editable) node; `{text}` in request bodies is the entered text. */
  onText?: SimTapAction;
  children?: SimNode[];
}

/** One screen (an Android activity, or a fragment inside one). */
export interface SimScreen {
  /** Activity class name shown as the foreground activity (`.MainActivity` or fully qualified). */
  activity: string;
  root: SimNode;
  /** Requests sent each time the screen is entered. */
  onEnter?: SimRequest[];
  /** A permission asked as soon as the screen is entered. */
  askPermission?: SimPermissionPrompt;
  /** Log lines written when the screen is entered. */
  log?: string[];
}

/** A request the app repeats while it runs (heartbeats, online-time counters). */
export interface SimBackgroundRequest {
  everyMs: number;
  request: SimRequest;
}

/** How the app performs, for the frame / memory / CPU figures a device reports. */
export interface SimPerformance {
  /** Share of frames that miss their deadline (0..1). */
  jankyShare?: number;
  /** Frames over 700 ms per screen entered. */
  frozenFramesPerScreen?: number;
  /** Proportional set size at start, in MB. */
  pssMb?: number;
  /** PSS growth per minute of running, in MB (a leak). */
  pssGrowthMbPerMinute?: number;
  /** CPU share while in the background, in percent. */
  backgroundCpuPercent?: number;
}

/** The whole app. */
export interface SimAppModel {
  schemaVersion: typeof SIM_APP_SCHEMA_VERSION;
  /** Package / bundle name; must equal the package's manifest. */
  package: string;
  label: string;
  startScreen: string;
  /** Extra time a cold start takes before the first screen shows. */
  coldStartMs?: number;
  /** The app reads the clipboard when it starts (Android appops READ_CLIPBOARD). */
  readsClipboardAtLaunch?: boolean;
  backgroundRequests?: SimBackgroundRequest[];
  /** The app's network security config trusts user-installed CAs (a lab proxy can then read its HTTPS). */
  trustsUserCa?: boolean;
  performance?: SimPerformance;
  /** Requests sent on every launch (cold or warm). */
  onLaunch?: SimRequest[];
  screens: Record<string, SimScreen>;
}
