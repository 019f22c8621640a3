/**
 * commercial-activity — 第十四条第（五）项: 从事经营性活动.
 * Shops, purchases, points-for-goods. Paying taxes, fees or social insurance through a
 * government service is not commercial (缴费/缴税/社保 excluded).
 */
import { applyTextRules, type TextRule } from '../rules.js';
import type { Detector } from './types.js';

const PUBLIC_PAYMENT = /缴费|缴税|纳税|社保|医保|公积金|罚款|缴纳|非税|学费|水费|电费|燃气费/;
const RULES: readonly TextRule[] = [
  { kind: 'control', what: '商品购买/兑换入口', pattern: /商城|购买|下单|购物车|兑换|抢购|秒杀|优惠券|团购/, unless: PUBLIC_PAYMENT, confidence: 0.9 },
  { kind: 'label', what: '商品标价', pattern: /积分商城|[¥￥]\s*\d+(\.\d+)?|\d+\s*积分兑换/, unless: PUBLIC_PAYMENT, confidence: 0.8 },
];

export const detectCommercialActivity: Detector = (bundle) => ({ findings: applyTextRules(bundle, RULES, '从事经营性活动') });
