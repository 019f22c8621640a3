/** The audit's spec files, in run order: exploration first, then checks grouped by article (article-suites.ts). */
import { join } from 'node:path';
import { SPECS_DIR } from '../core/paths.js';
import { ARTICLE_SUITES } from './article-suites.js';

export const AUDIT_SPEC_FILES = [
  'explore.spec.ts',
  'collect-ocr.spec.ts',
  'collect-probes.spec.ts',
  ...ARTICLE_SUITES.map((s) => `${s.spec}.spec.ts`),
].map((f) => join(SPECS_DIR, f));
