/** The findings of a check's lexicon rules (see src/checks/lexicon/default.json) over every screen. */
import type { EvidenceBundle } from '../../evidence/types.js';
import type { CheckId } from '../catalog.js';
import { lexiconRules } from '../lexicon/compile.js';
import type { Finding } from '../result.js';
import { applyTextRules } from '../rules.js';
import type { DetectorSettings } from './types.js';

/** Applies the lexicon's rules of `id`; `title` completes the summary (涉嫌{title}). */
export function lexiconFindings(bundle: EvidenceBundle, settings: DetectorSettings, id: CheckId, title: string): Finding[] {
  return applyTextRules(bundle, lexiconRules(settings.lexicon, id), title, settings.lexicon.negations);
}
