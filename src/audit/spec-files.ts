/** The audit's spec files, in run order: exploration first, then checks grouped by article. */
import { join } from 'node:path';
import { SPECS_DIR } from '../core/paths.js';

export const AUDIT_SPEC_FILES = [
  'explore.spec.ts',
  'collect-ocr.spec.ts',
  'collect-probes.spec.ts',
  'article-05-filing.spec.ts',
  'article-06-acceptance.spec.ts',
  'article-14-prohibitions.spec.ts',
  'article-16-compatibility.spec.ts',
  'article-17-stability.spec.ts',
  'article-18-complaint.spec.ts',
  'article-19-security.spec.ts',
].map((f) => join(SPECS_DIR, f));
