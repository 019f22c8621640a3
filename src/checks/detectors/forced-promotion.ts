/**
 * forced-promotion — 第十四条第（三）项: 强制推广下载使用、考核通报用户安装使用率.
 * Install-rate assessments and download quotas in notices, and invite-to-download controls.
 * Known false positives: none seen; "下载附件" is not an install demand.
 */
import { lexiconFindings } from './text-rules.js';
import type { Detector } from './types.js';

export const detectForcedPromotion: Detector = (bundle, settings) => ({
  findings: lexiconFindings(bundle, settings, 'forced-promotion', '强制推广下载使用'),
});
