/**
 * repeated-data-reporting — 第十四条第（一）项: 随意或重复要求基层填表报数交材料.
 * Demands to fill the same report again (重复/再次/重新填报), on several platforms at once
 * (在X系统和Y平台同时填报, 分别录入), or every day under threat (每日报送…通报). One ordinary form
 * is not a violation, and neither is a promise not to ask twice (杜绝重复填报, 无需重复填报).
 * Known false positives: an explanation of past practice ("过去需要在多个系统分别录入") may match.
 */
import { lexiconFindings } from './text-rules.js';
import type { Detector } from './types.js';

export const detectRepeatedDataReporting: Detector = (bundle, settings) => ({
  findings: lexiconFindings(bundle, settings, 'repeated-data-reporting', '重复要求填表报数'),
});
