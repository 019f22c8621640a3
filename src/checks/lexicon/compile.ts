/**
 * Merging and compiling lexicon files. Pure: the caller reads and schema-validates the files.
 * A lab file only extends: a rule with a known id ORs its patterns (position by position) and its
 * `unless` into the default rule, a new id adds a rule (then kind, what and confidence are required),
 * terms and package patterns are ORed, negations appended. Nothing a lab writes can remove a default pattern.
 */
import type { CheckId } from '../catalog.js';
import type { TextRule } from '../rules.js';
import type { Lexicon, LexiconCheckSpec, LexiconFile, LexiconPackageSpec, LexiconRuleSpec } from './types.js';

/** Terms each detector looks up; a lexicon without them is rejected at load, not at detection time. */
export const REQUIRED_TERMS: Partial<Record<CheckId, readonly string[]>> = {
  'online-duration-tracking': ['durationKeys', 'genericDurationKeys'],
  'forced-media-upload': ['citizenDocument', 'workMedia', 'coordinateKeys'],
  'filing-disclosure': ['hostUnit', 'filingNumber', 'label'],
  'complaint-channel': ['context', 'submit', 'status', 'evaluationControl', 'evaluationContext'],
};

const or = (a: string | undefined, b: string | undefined): string | undefined => (a && b ? `(?:${a})|(?:${b})` : a ?? b);

/** `extension` laid over `base`; throws Error with a sentence naming the rule when a new rule is incomplete or mismatched. */
export function mergeLexicons(base: LexiconFile, extension: LexiconFile): LexiconFile {
  const checks: Partial<Record<CheckId, LexiconCheckSpec>> = structuredClone(base.checks ?? {});
  for (const [id, ext] of Object.entries(extension.checks ?? {}) as [CheckId, LexiconCheckSpec][]) {
    const target = (checks[id] ??= {});
    for (const rule of ext.rules ?? []) {
      const existing = target.rules?.find((r) => r.id === rule.id);
      if (!existing) {
        if (!rule.kind || !rule.what || rule.confidence === undefined) throw new Error(`checks.${id}: the new rule "${rule.id}" needs kind, what and confidence`);
        (target.rules ??= []).push(rule);
        continue;
      }
      if (rule.patterns.length > existing.patterns.length) throw new Error(`checks.${id}: rule "${rule.id}" has ${existing.patterns.length} pattern(s); the extension gives ${rule.patterns.length}`);
      existing.patterns = existing.patterns.map((p, i) => or(p, rule.patterns[i]) ?? p);
      const unless = or(existing.unless, rule.unless);
      if (unless) existing.unless = unless;
    }
    for (const [name, source] of Object.entries(ext.terms ?? {})) {
      target.terms = { ...target.terms, [name]: or(target.terms?.[name], source) ?? source };
    }
    for (const [name, source] of Object.entries(ext.package ?? {}) as [keyof LexiconPackageSpec, string][]) {
      target.package = { ...target.package, [name]: or(target.package?.[name], source) ?? source };
    }
  }
  return { version: 1, negations: [...new Set([...(base.negations ?? []), ...(extension.negations ?? [])])], checks };
}

/** Compiles a merged lexicon; throws Error naming the field of an invalid regular expression or a missing term. */
export function compileLexicon(file: LexiconFile): Lexicon {
  const rules: Partial<Record<CheckId, TextRule[]>> = {};
  const terms: Partial<Record<CheckId, Record<string, RegExp>>> = {};
  const pkg: Lexicon['package'] = {};
  for (const [id, spec] of Object.entries(file.checks ?? {}) as [CheckId, LexiconCheckSpec][]) {
    rules[id] = (spec.rules ?? []).map((r) => compileRule(id, r));
    terms[id] = Object.fromEntries(Object.entries(spec.terms ?? {}).map(([name, source]) => [name, regex(source, `checks.${id}.terms.${name}`)]));
    if (spec.package) pkg[id] = Object.fromEntries((Object.entries(spec.package) as [string, string][]).map(([name, source]) => [name, regex(source, `checks.${id}.package.${name}`)]));
  }
  for (const [id, names] of Object.entries(REQUIRED_TERMS) as [CheckId, string[]][]) {
    for (const name of names) if (!terms[id]?.[name]) throw new Error(`checks.${id}.terms.${name} is missing`);
  }
  return { negations: file.negations ?? [], rules, terms, package: pkg };
}

function compileRule(id: CheckId, r: LexiconRuleSpec): TextRule {
  const where = `checks.${id}.rules[${r.id}]`;
  if (!r.kind || !r.what || r.confidence === undefined) throw new Error(`${where} needs kind, what and confidence`);
  const patterns = r.patterns.map((p, i) => regex(p, `${where}.patterns[${i}]`));
  const base = {
    what: r.what, confidence: r.confidence,
    ...(r.unless ? { unless: regex(r.unless, `${where}.unless`) } : {}),
    ...(r.severity ? { severity: r.severity } : {}),
  };
  switch (r.kind) {
    case 'control': return { ...base, kind: 'control', pattern: single(patterns, where), ...(r.maxLength ? { maxLength: r.maxLength } : {}) };
    case 'label': return { ...base, kind: 'label', pattern: single(patterns, where) };
    case 'sentence': return { ...base, kind: 'sentence', patterns };
    case 'combo': return { ...base, kind: 'combo', patterns };
  }
}

function single(patterns: RegExp[], where: string): RegExp {
  if (patterns.length !== 1) throw new Error(`${where}: a control or label rule has exactly one pattern`);
  return patterns[0]!;
}

function regex(source: string, where: string): RegExp {
  try {
    return new RegExp(source, 'i');
  } catch (error) {
    throw new Error(`${where} is not a valid regular expression: ${(error as Error).message}`);
  }
}

/** The rules of a check (empty when the lexicon has none). */
export function lexiconRules(lexicon: Lexicon, id: CheckId): readonly TextRule[] {
  return lexicon.rules[id] ?? [];
}

/** A term of a check; compileLexicon guarantees the required ones exist. */
export function lexiconTerm(lexicon: Lexicon, id: CheckId, name: string): RegExp {
  const term = lexicon.terms[id]?.[name];
  if (!term) throw new Error(`lexicon term checks.${id}.terms.${name} is missing`);
  return term;
}
