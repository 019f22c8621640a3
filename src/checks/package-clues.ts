/**
 * Clues from the submitted package itself (strings it ships, components it declares, permissions
 * it wants). They are weaker evidence than a feature seen on screen: a string may be dead code.
 * They never make a check fail alone; they make it inconclusive until a device run confirms them.
 * Words come from the lexicon (the check's rules plus its `package` patterns), so a lab's
 * --lexicon extends them like the on-screen detectors.
 * Known false positives: a string in an unused layout or a library; a pinyin fragment inside an
 * unrelated class name (daka, jifen).
 */
import type { PackageFacts, StringFact } from '../package/index.js';
import { overBroadReason } from '../package/index.js';
import type { BlobRef } from '../evidence/types.js';
import type { CheckId } from './catalog.js';
import { DEFAULT_LEXICON } from './lexicon/default-lexicon.js';
import type { Lexicon } from './lexicon/types.js';
import type { Finding } from './result.js';
import type { TextRule } from './rules.js';
import { affirmativeMatch, normalizeText } from './text-match.js';

type Clue = (summary: string, text: string, confidence: number) => Finding;

/** Words of a class name: RankListActivity → rank-list-activity. */
export function classWords(name: string): string {
  const short = name.split('.').pop() ?? name;
  return short.split(/(?<=[a-z0-9])(?=[A-Z])|[_$-]+/).filter(Boolean).join('-').toLowerCase();
}

/**
 * The forms a component pattern is tried on: words (qian-dao-activity) and unsplit lowercase
 * (qiandaoactivity), so pinyin matches. Inside the app's own package the sub-packages count too
 * (cn.gov.app.qiandao.RecordActivity → qiandao-record-activity); a library's path does not.
 */
export function classForms(name: string, appPackage = ''): [string, string] {
  const inApp = appPackage !== '' && name.startsWith(`${appPackage}.`);
  const words = (inApp ? name.slice(appPackage.length + 1).split('.') : [name]).map(classWords).join('-');
  return [words, words.replace(/-/g, '')];
}

const MAX_CLUES_PER_CHECK = 5;

/** Package clues for one check, citing the file inside the package and the facts blob. */
export function packageClues(facts: PackageFacts, id: CheckId, factsBlob?: BlobRef, lexicon: Lexicon = DEFAULT_LEXICON): Finding[] {
  const evidence = factsBlob ? [factsBlob] : [];
  const clue: Clue = (summary, text, confidence) => ({ summary, source: 'package', text, evidence, confidence, severity: 'present' });
  const findings = [...stringClues(facts.strings, id, lexicon, clue)];
  const components = lexicon.package[id]?.components;
  if (components) {
    for (const c of facts.components) {
      if (classForms(c.name, facts.identity.packageName).some((form) => components.test(form))) findings.push(clue(`安装包声明了组件 ${c.name}（${c.kind}，${c.source}），名称提示相关功能（静态线索）。`, c.name, 0.3));
    }
  }
  if (id === 'forced-media-upload') findings.push(...trackingPermissionClues(facts, clue));
  if (id === 'data-security') findings.push(...dataSecurityClues(facts, clue));
  if (id === 'ipv6-readiness') {
    const literals = facts.hosts.filter((h) => h.kind === 'ipv4' && !/^(127\.|0\.|255\.)/.test(h.value));
    for (const h of literals.slice(0, MAX_CLUES_PER_CHECK)) {
      findings.push(clue(`安装包 ${h.source} 中写死了 IPv4 地址 ${h.value}，在纯 IPv6 网络下无法访问（静态线索）。`, h.value, 0.5));
    }
  }
  return findings.slice(0, MAX_CLUES_PER_CHECK);
}

/** One clue per distinct shipped string matching the check's rules or its `package.strings` pattern. */
function stringClues(strings: readonly StringFact[], id: CheckId, lexicon: Lexicon, clue: Clue): Finding[] {
  const rules = lexicon.rules[id] ?? [];
  const extra = lexicon.package[id]?.strings;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (s: StringFact, text: string): void => {
    if (seen.has(text)) return;
    seen.add(text);
    findings.push(clue(`安装包 ${s.source} 中包含字符串「${text.slice(0, 40)}」（静态线索，需在界面上确认）。`, text.slice(0, 200), 0.4));
  };
  for (const s of strings) {
    const text = normalizeText(s.text);
    const hit = rules.map((r) => ruleMatch(text, r, lexicon.negations)).find((m) => m !== undefined) ?? (extra ? affirmative(text, extra, lexicon.negations) : undefined);
    if (hit !== undefined) add(s, text);
  }
  for (const rule of rules) {
    if (rule.kind !== 'combo') continue;
    const parts = rule.patterns.map((p) => strings.find((s) => p.test(normalizeText(s.text))));
    if (parts.every(Boolean)) add(parts[0]!, parts.map((s) => normalizeText(s!.text)).join(' + '));
  }
  return findings;
}

/** The matched text when one shipped string satisfies a control, label or sentence rule outside a negation. */
function ruleMatch(text: string, rule: TextRule, negations: readonly string[]): string | undefined {
  if (rule.unless?.test(text)) return undefined;
  if (rule.kind === 'control' || rule.kind === 'label') return affirmative(text, rule.pattern, negations);
  if (rule.kind === 'sentence') {
    const first = affirmative(text, rule.patterns[0]!, negations);
    return first !== undefined && rule.patterns.slice(1).every((p) => p.test(text)) ? first : undefined;
  }
  return undefined;
}

function affirmative(text: string, pattern: RegExp, negations: readonly string[]): string | undefined {
  const at = affirmativeMatch(text, pattern, negations);
  return at < 0 ? undefined : pattern.exec(text.slice(at))?.[0];
}

/** Cleartext HTTP allowed, and over-broad permissions (declared or implied) with why each is over-broad. */
function dataSecurityClues(facts: PackageFacts, clue: Clue): Finding[] {
  const findings: Finding[] = [];
  if (facts.network.cleartextAllowed) {
    findings.push(clue(`安装包允许明文 HTTP 通信（${facts.network.source ?? facts.network.networkSecurityConfig ?? '网络配置'}），个人信息可能以明文传输。`, 'cleartextTrafficPermitted', 0.6));
  }
  const broad = facts.permissions.flatMap((p) => {
    const why = overBroadReason(facts.platform, p.name);
    return why ? [`${p.name.replace(/^android\.permission\./, '')}（${p.explanationZh}${p.implied ? '，隐含权限' : ''}：${why}）`] : [];
  });
  if (broad.length > 0) {
    findings.push(clue(`安装包申请了 ${broad.length} 项超出政务服务常见需要的权限：${broad.join('；')}。需结合界面功能核实是否必要（静态线索）。`, broad.map((b) => b.split('（')[0]).join(', '), 0.3));
  }
  return findings;
}

function trackingPermissionClues(facts: PackageFacts, clue: Clue): Finding[] {
  const camera = facts.permissions.find((p) => p.risk === 'camera');
  const background = facts.permissions.find((p) => p.risk === 'background-location');
  const locationService = facts.components.find((c) => /location/.test(c.foregroundServiceType ?? '') || c.backgroundModes?.includes('location'));
  if (!background && !locationService) return [];
  const parts = [background?.name, locationService && `${locationService.name}（持续定位）`, camera?.name].filter(Boolean);
  return [clue(`安装包申请后台/持续定位${camera ? '和摄像头' : ''}权限：${parts.join('、')}，具备采集轨迹${camera ? '和现场照片' : ''}的能力（静态线索）。`, parts.join(', '), camera ? 0.5 : 0.4)];
}
