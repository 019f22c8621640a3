/**
 * Loads the detection lexicon: the bundled default extended by a lab's file (--lexicon). Both are
 * validated against src/checks/lexicon/lexicon.schema.json; a mistake is one sentence naming the
 * file and the field, with a did-you-mean for an unknown check id.
 */
import { existsSync, readFileSync } from 'node:fs';
import { CHECK_IDS, isCheckId } from '../checks/catalog.js';
import { compileLexicon, mergeLexicons } from '../checks/lexicon/compile.js';
import { readDefaultLexiconFile } from '../checks/lexicon/default-lexicon.js';
import type { Lexicon, LexiconFile } from '../checks/lexicon/types.js';
import { AuditError } from '../core/errors.js';
import { closest } from '../core/did-you-mean.js';
import { ajv, describeSchemaError } from './json-schema.js';

const schema = JSON.parse(readFileSync(new URL('../checks/lexicon/lexicon.schema.json', import.meta.url), 'utf8')) as object;
const validate = ajv.compile<LexiconFile>(schema);

/** The default lexicon extended by `file` (when given), compiled; throws AuditError('bad-lexicon'). */
export function loadLexicon(file?: string): Lexicon {
  const base = checked(readDefaultLexiconFile(), 'the default lexicon');
  if (file === undefined) return compile(base, 'the default lexicon');
  if (!existsSync(file)) throw new AuditError('bad-lexicon', `Lexicon file ${file} does not exist; pass a JSON file like src/checks/lexicon/default.json.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AuditError('bad-lexicon', `Lexicon file ${file} is not valid JSON.`);
  }
  const lab = checked(parsed, `Lexicon file ${file}`);
  try {
    return compile(mergeLexicons(base, lab), `Lexicon file ${file}`);
  } catch (error) {
    if (error instanceof AuditError) throw error;
    throw new AuditError('bad-lexicon', `Lexicon file ${file}: ${(error as Error).message}.`);
  }
}

function checked(value: unknown, what: string): LexiconFile {
  if (!validate(value)) throw new AuditError('bad-lexicon', `${what}: field ${describeSchemaError(validate.errors)}.`);
  for (const id of Object.keys(value.checks ?? {})) {
    if (!isCheckId(id)) {
      const hint = closest(id, CHECK_IDS);
      throw new AuditError('bad-lexicon', `${what}: unknown check "${id}" under checks${hint ? `; did you mean "${hint}"?` : '.'}`);
    }
  }
  return value;
}

function compile(file: LexiconFile, what: string): Lexicon {
  try {
    return compileLexicon(file);
  } catch (error) {
    throw new AuditError('bad-lexicon', `${what}: ${(error as Error).message}.`);
  }
}
