/** What one session knows about its device and app, kept on the driver between commands. */
import type { Hdc } from './hdc/hdc.js';
import type { Rect } from './layout/dump-layout.js';
import type { Node as XmlNode } from '@xmldom/xmldom';

/** An element handle: the node as it was in the dump it was found in. */
export interface FoundElement {
  tag: string;
  attributes: Record<string, string>;
  rect?: Rect | undefined;
  /** The DOM node (for searches from this element) and the dump it came from. */
  node: XmlNode;
  dumpId: number;
}

export interface SessionState {
  hdc: Hdc;
  udid: string;
  apiLevel?: number | undefined;
  bundleName?: string | undefined;
  abilityName?: string | undefined;
  moduleName?: string | undefined;
  /** Fault log files present when the session started: later ones are the app's crashes. */
  faultBaseline: Set<string>;
  elements: Map<string, FoundElement>;
  dumpCount: number;
  /** The latest dumpLayout JSON text (the raw evidence behind the last page source). */
  lastLayoutJson?: string | undefined;
  /** The device file of the last layout dump: removed by the next dump's command, or when the session ends. */
  leftDump?: string | undefined;
  /** A host folder for pulled files. */
  tmpDir: string;
}
