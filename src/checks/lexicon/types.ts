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

/** What a submitted package's own content (strings, class names) must match to be a static clue of the check. */
export interface LexiconPackageSpec {
  /** Shipped strings that are clues beyond the check's rules (which apply to them too). */
  strings?: string;
  /** Component class names, tried on the words (QianDaoActivity → qian-dao-activity) and the unsplit lowercase name (qiandaoactivity), so pinyin like `qiandao` matches. */
  components?: string;
}

export interface LexiconCheckSpec {
  rules?: LexiconRuleSpec[];
  terms?: Record<string, string>;
  package?: LexiconPackageSpec;
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
  /** Patterns for package clues (src/checks/package-clues.ts), per check. */
  package: Partial<Record<CheckId, { strings?: RegExp; components?: RegExp }>>;
}
