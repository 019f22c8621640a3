/** The bundled default lexicon (default.json beside this file), compiled once. */
import { readFileSync } from 'node:fs';
import { compileLexicon } from './compile.js';
import type { Lexicon, LexiconFile } from './types.js';

export const DEFAULT_LEXICON_FILE = new URL('./default.json', import.meta.url);

/** The default lexicon as written (validated against the schema by src/config/lexicon.ts and a unit test). */
export function readDefaultLexiconFile(): LexiconFile {
  return JSON.parse(readFileSync(DEFAULT_LEXICON_FILE, 'utf8')) as LexiconFile;
}

export const DEFAULT_LEXICON: Lexicon = compileLexicon(readDefaultLexiconFile());
