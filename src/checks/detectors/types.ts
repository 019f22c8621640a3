import type { EvidenceBundle } from '../../evidence/types.js';
import type { Detection } from '../result.js';

/** Settings a lab may change without code. */
export interface DetectorSettings {
  /** Host unit and filing number must be visible within this many taps of launch (第五条). */
  filingMaxTaps: number;
}

export const DEFAULT_DETECTOR_SETTINGS: DetectorSettings = { filingMaxTaps: 2 };

/** A detector is a pure function over recorded evidence. */
export type Detector = (bundle: EvidenceBundle, settings: DetectorSettings) => Detection;
