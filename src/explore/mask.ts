/**
 * The explorer's masking of the test account: the evidence layer's masker (src/evidence/secret-mask.ts),
 * re-exported. The evidence store masks every event and text blob itself, so the explorer's own calls are a
 * second line, kept for what it holds in memory (skip reasons, coverage).
 */
export { masker, MASKED, type Mask } from '../evidence/secret-mask.js';
