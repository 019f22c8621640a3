/** The audit's spec files, in run order: exploration first, then checks grouped by article (article-suites.ts). */
import { join } from 'node:path';
import { CODE_EXT, SPECS_DIR } from '../core/paths.js';
import { ARTICLE_SUITES } from './article-suites.js';

export const AUDIT_SPEC_FILES = [
  'explore',
  'collect-ocr',
  'collect-probes',
  ...ARTICLE_SUITES.map((s) => s.spec),
].map((name) => join(SPECS_DIR, `${name}.spec${CODE_EXT}`));
