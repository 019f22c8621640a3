import type { EvidenceBundle } from '../../evidence/types.js';
import { DEFAULT_LEXICON } from '../lexicon/default-lexicon.js';
import type { Lexicon } from '../lexicon/types.js';
import type { Detection } from '../result.js';

/** Settings a lab may change without code, as written to run-config.json (plain JSON). */
export interface TunableSettings {
  /** Host unit and filing number must be visible within this many taps of launch (第五条). */
  filingMaxTaps: number;
}

/** What every detector receives: the tunable settings and the compiled lexicon (default + lab file). */
export interface DetectorSettings extends TunableSettings {
  lexicon: Lexicon;
}

export const DEFAULT_TUNABLE_SETTINGS: TunableSettings = { filingMaxTaps: 2 };

export const DEFAULT_DETECTOR_SETTINGS: DetectorSettings = { ...DEFAULT_TUNABLE_SETTINGS, lexicon: DEFAULT_LEXICON };

/** A detector is a pure function over recorded evidence. */
export type Detector = (bundle: EvidenceBundle, settings: DetectorSettings) => Detection;
