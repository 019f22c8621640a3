/**
 * Clues from the submitted package itself (strings it ships, components it declares, permissions
 * it wants). They are weaker evidence than a feature seen on screen: a string may be dead code.
 * They never make a check fail alone; they make it inconclusive until a device run confirms them.
 */
import type { PackageFacts } from '../package/index.js';
import type { BlobRef } from '../evidence/types.js';
import type { CheckId } from './catalog.js';
import type { Finding } from './result.js';
import { normalizeText } from './text-match.js';

const STRING_CLUES: Partial<Record<CheckId, RegExp>> = {
  'forced-check-in': /每日签到|签到日历|连续签到|打卡签到|考勤打卡|上班打卡|外勤打卡|立即签到/,
  'points-ranking': /积分排行|积分排名|积分榜|学分排名|支部排名|排行榜/,
  'online-duration-tracking': /在线时长|学习时长|今日已学习/,
  'mandatory-login': /每日登录|连续登录|定期登录|未登录.{0,8}通报/,
  'forced-promotion': /安装使用率|下载安装率|安装率|推广考核/,
  'engagement-metrics-assessment': /(点赞|转发|投票|评论)(量|数).{0,6}(考核|考评|计入|评比)/,
  'forced-media-upload': /现场照片|巡查轨迹|轨迹上报|上报轨迹|工作留痕|拍照上传/,
  'commercial-activity': /积分商城|立即购买|购物车|兑换商品/,
};

/** Matched against a component's class name split into words (RankListActivity → rank-list-activity). */
const COMPONENT_CLUES: Partial<Record<CheckId, RegExp>> = {
  'forced-check-in': /(^|-)(check-?in|sign-?in|punch|attendance|qiandao|daka)(-|$)/,
  'points-ranking': /(^|-)(rank|ranking|rank-list|leaderboard|paihang)(-|$)/,
  'forced-media-upload': /(^|-)(trajectory|track-upload|patrol|xuncha)(-|$)/,
  'commercial-activity': /(^|-)(mall|shop|shopping|cart)(-|$)/,
};

/** Words of a class name: RankListActivity → rank-list-activity. */
export function classWords(name: string): string {
  const short = name.split('.').pop() ?? name;
  return short.split(/(?<=[a-z0-9])(?=[A-Z])|[_$-]+/).filter(Boolean).join('-').toLowerCase();
}

const MAX_CLUES_PER_CHECK = 5;

/** Package clues for one check, citing the file inside the package and the facts blob. */
export function packageClues(facts: PackageFacts, id: CheckId, factsBlob?: BlobRef): Finding[] {
  const evidence = factsBlob ? [factsBlob] : [];
  const clue = (summary: string, text: string, confidence: number): Finding => ({ summary, source: 'package', text, evidence, confidence, severity: 'present' });
  const findings: Finding[] = [];
  const strings = STRING_CLUES[id];
  if (strings) {
    const seen = new Set<string>();
    for (const s of facts.strings) {
      const text = normalizeText(s.text);
      const match = strings.exec(text);
      if (!match || seen.has(match[0])) continue;
      seen.add(match[0]);
      findings.push(clue(`安装包 ${s.source} 中包含字符串「${text.slice(0, 40)}」（静态线索，需在界面上确认）。`, text.slice(0, 200), 0.4));
    }
  }
  const components = COMPONENT_CLUES[id];
  if (components) {
    for (const c of facts.components) {
      if (components.test(classWords(c.name))) findings.push(clue(`安装包声明了组件 ${c.name}（${c.kind}，${c.source}），名称提示相关功能（静态线索）。`, c.name, 0.3));
    }
  }
  if (id === 'forced-media-upload') findings.push(...trackingPermissionClues(facts, clue));
  if (id === 'data-security' && facts.network.cleartextAllowed) {
    findings.push(clue(`安装包允许明文 HTTP 通信（${facts.network.source ?? facts.network.networkSecurityConfig ?? '网络配置'}），个人信息可能以明文传输。`, 'cleartextTrafficPermitted', 0.6));
  }
  if (id === 'ipv6-readiness') {
    const literals = facts.hosts.filter((h) => h.kind === 'ipv4' && !/^(127\.|0\.|255\.)/.test(h.value));
    for (const h of literals.slice(0, MAX_CLUES_PER_CHECK)) {
      findings.push(clue(`安装包 ${h.source} 中写死了 IPv4 地址 ${h.value}，在纯 IPv6 网络下无法访问（静态线索）。`, h.value, 0.5));
    }
  }
  return findings.slice(0, MAX_CLUES_PER_CHECK);
}

function trackingPermissionClues(facts: PackageFacts, clue: (s: string, t: string, c: number) => Finding): Finding[] {
  const camera = facts.permissions.find((p) => p.risk === 'camera');
  const background = facts.permissions.find((p) => p.risk === 'background-location');
  const locationService = facts.components.find((c) => /location/.test(c.foregroundServiceType ?? '') || c.backgroundModes?.includes('location'));
  if (!background && !locationService) return [];
  const parts = [background?.name, locationService && `${locationService.name}（持续定位）`, camera?.name].filter(Boolean);
  return [clue(`安装包申请后台/持续定位${camera ? '和摄像头' : ''}权限：${parts.join('、')}，具备采集轨迹${camera ? '和现场照片' : ''}的能力（静态线索）。`, parts.join(', '), camera ? 0.5 : 0.4)];
}
