/**
 * commercial-activity — 第十四条第（五）项: 从事经营性活动.
 * Shops, purchases, points-for-goods (lexicon rules shop-control, price-label). Paying taxes, fees,
 * fines or social insurance through a government service is not commercial (the rules' `unless`).
 * Known false positives: a fee the lexicon does not list as public (add it to `unless` in a lab file).
 */
import { lexiconFindings } from './text-rules.js';
import type { Detector } from './types.js';

export const detectCommercialActivity: Detector = (bundle, settings) => ({
  findings: lexiconFindings(bundle, settings, 'commercial-activity', '从事经营性活动'),
});
