/**
 * forced-promotion — 第十四条第（三）项: 强制推广下载使用、考核通报用户安装使用率.
 * Install-rate assessments and download quotas in notices, and invite-to-download controls.
 */
import { applyTextRules, type TextRule } from '../rules.js';
import type { Detector } from './types.js';

const RULES: readonly TextRule[] = [
  { kind: 'sentence', what: '安装使用率考核', patterns: [/(安装|下载|注册|激活|使用)(使用)?率|下载量|安装量|注册量/, /考核|通报|排名|纳入|评比/], confidence: 0.9, severity: 'forced' },
  { kind: 'sentence', what: '强制下载安装要求', patterns: [/(完成|组织|督促|确保).{0,16}(下载|安装|注册)/, /(各单位|全体|务必|必须|前|100%)/], confidence: 0.8, severity: 'forced' },
  { kind: 'control', what: '邀请下载按钮', pattern: /邀请.{0,4}(下载|安装|注册)|推广下载/, confidence: 0.6 },
];

export const detectForcedPromotion: Detector = (bundle) => ({ findings: applyTextRules(bundle, RULES, '强制推广下载使用') });
