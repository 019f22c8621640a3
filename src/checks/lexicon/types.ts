/** The detection lexicon: the file format a lab edits, and the compiled form detectors read. */
import type { CheckId } from '../catalog.js';
import type { TextRule } from '../rules.js';

/** One rule as written in a lexicon file (patterns are regular-expression sources). */
export interface LexiconRuleSpec {
  id: string;
  kind?: TextRule['kind'];
  what?: string;
  patterns: string[];
  unless?: string;
  confidence?: number;
  severity?: 'forced' | 'present';
  maxLength?: number;
}

export interface LexiconCheckSpec {
  rules?: LexiconRuleSpec[];
  terms?: Record<string, string>;
}

/** A lexicon file (schema: lexicon.schema.json). */
export interface LexiconFile {
  version: 1;
  negations?: string[];
  checks?: Partial<Record<CheckId, LexiconCheckSpec>>;
}

/** What detectors receive through DetectorSettings: compiled, merged, validated. */
export interface Lexicon {
  negations: readonly string[];
  rules: Partial<Record<CheckId, readonly TextRule[]>>;
  terms: Partial<Record<CheckId, Readonly<Record<string, RegExp>>>>;
}
