/**
 * Decides a check's outcome from its detection and the exploration coverage.
 * The rule that matters most: nothing passes on missing evidence. A prohibition passes only when
 * exploration finished (every action of every reachable screen tried); a requirement fails only
 * when exploration covered the screens where it had to appear; otherwise the outcome is inconclusive.
 */
import type { CoverageEvent, EvidenceBundle } from '../evidence/types.js';
import { CLAUSES } from '../regulation/clauses.js';
import { CHECK_CATALOG, type CheckId } from './catalog.js';
import { DETECTORS } from './detectors/index.js';
import { withOcrText } from './ocr-view.js';
import { packageClues } from './package-clues.js';
import { missingProbeReason } from './probe-dependencies.js';
import { unobservedReason } from './observation-dependencies.js';
import { undecryptedReason } from './undecrypted-traffic.js';
import { DEFAULT_DETECTOR_SETTINGS, type DetectorSettings } from './detectors/types.js';
import type { CheckResult, Detection, Finding } from './result.js';

export interface EvaluationOptions {
  /** check id → reason (第十四条 allows check-in for security and emergency scenarios). */
  exemptions?: Partial<Record<CheckId, string>>;
  settings?: DetectorSettings;
}

export const NOT_IMPLEMENTED_REASON = 'not implemented yet（该检查尚未实现，不能判定为通过）';

/** Runs one check's detector over the evidence and decides its outcome. */
export function evaluateCheck(id: CheckId, bundle: EvidenceBundle, options: EvaluationOptions = {}): CheckResult {
  const info = CHECK_CATALOG[id];
  const result: CheckResult = {
    id,
    title: info.title,
    articles: info.clauses.map((c) => CLAUSES[c].article),
    outcome: 'inconclusive',
    findings: [],
  };
  const detector = DETECTORS[id];
  const exemption = options.exemptions?.[id];
  const clues = bundle.package ? packageClues(bundle.package.facts, id, bundle.package.blob, options.settings?.lexicon) : [];
  if (!detector) {
    if (exemption) return { ...result, outcome: 'not-applicable', reason: `豁免：${exemption}`, ...(clues.length ? { observations: clues } : {}) };
    return { ...result, reason: clues.length ? `${NOT_IMPLEMENTED_REASON}；安装包中有 ${clues.length} 处静态线索。` : NOT_IMPLEMENTED_REASON, findings: clues };
  }
  const detected = detector(withOcrText(bundle), options.settings ?? DEFAULT_DETECTOR_SETTINGS);
  const detection: Detection = { ...detected, findings: [...detected.findings, ...clues] };
  if (exemption) {
    return { ...result, outcome: 'not-applicable', reason: `豁免：${exemption}`, observations: [...detection.findings, ...(detection.observations ?? [])] };
  }
  const decided = withProbesNeeded(id, decide(info.kind === 'requirement', detection, bundle), bundle);
  const findings = decided.outcome === 'fail' && !detection.findings.some((f) => f.source !== 'package') ? [...absenceFindings(detection, bundle), ...detection.findings] : detection.findings;
  return {
    ...result,
    ...decided,
    findings,
    ...(detection.observations?.length ? { observations: detection.observations } : {}),
    ...(detection.details ? { details: detection.details } : {}),
  };
}

/** Evaluates every check in the catalog. */
export function evaluateAll(bundle: EvidenceBundle, options: EvaluationOptions = {}): CheckResult[] {
  return (Object.keys(CHECK_CATALOG) as CheckId[]).map((id) => evaluateCheck(id, bundle, options));
}

function decide(isRequirement: boolean, detection: Detection, bundle: EvidenceBundle): Pick<CheckResult, 'outcome' | 'reason'> {
  const coverage = bundle.coverage;
  const seen = detection.findings.filter((f) => f.source !== 'package');
  if (seen.length > 0) {
    return { outcome: 'fail', reason: `发现 ${seen.length} 处问题。` };
  }
  if (detection.findings.length > 0) {
    return { outcome: 'inconclusive', reason: `安装包中有 ${detection.findings.length} 处静态线索，但未在运行的界面或网络中观察到，需在设备上确认。` };
  }
  if (!coverage || bundle.screens.length === 0) {
    return { outcome: 'inconclusive', reason: bundle.package && !coverage ? '该平台的设备端检测尚未实现，只做了安装包静态检查，无法判定。' : '没有可用的界面证据（探索未执行或失败），无法判定。' };
  }
  if (detection.inconclusiveReason) return { outcome: 'inconclusive', reason: detection.inconclusiveReason };
  // Behind an unpassed login wall nothing was seen: "complete" only covers the screens before it.
  const wall = coverage.loginWall;
  if (wall?.met && !wall.signedIn && (!isRequirement || detection.missing?.length)) {
    return { outcome: 'inconclusive', reason: `${isRequirement ? `${detection.missing!.join('；')}，但` : '未发现问题，但'}遇到登录界面且未能登录（${wall.reason ?? '没有测试账号'}），登录后的界面未探索，不能判定${isRequirement ? '缺失' : '为通过'}。` };
  }
  // A screen that showed content but offered no way on hides whatever lies behind it: neither a
  // pass (a violation may sit there) nor a missing requirement (it may sit there too) can be claimed.
  const blind = coverage.notUnderstood ?? [];
  if (blind.length > 0 && (!isRequirement || detection.missing?.length)) {
    return { outcome: 'inconclusive', reason: `${isRequirement ? `${detection.missing!.join('；')}，但` : '未发现问题，但'}${describeNotUnderstood(blind, bundle)}，其后的界面未探索，不能判定${isRequirement ? '缺失' : '为通过'}。` };
  }
  if (isRequirement && detection.missing?.length) {
    const depth = detection.requiredDepth;
    if (exploredTo(coverage, depth)) return { outcome: 'fail', reason: `${detection.missing.join('；')}。` };
    return { outcome: 'inconclusive', reason: `${detection.missing.join('；')}，但${depth === undefined ? '' : ` ${depth} 次点击以内的`}界面未探索完，无法判定缺失。` };
  }
  if (!isRequirement && !coverage.complete) {
    return { outcome: 'inconclusive', reason: `未发现问题，但探索未完成（${describeStop(coverage)}，尚有 ${coverage.frontier} 个界面未探索完），不能判定为通过。` };
  }
  return { outcome: 'pass' };
}

/**
 * A pass that rests on behaviour the session could not observe (observation-dependencies.ts) or no
 * probe watched (probe-dependencies.ts) is inconclusive.
 */
function withProbesNeeded(id: CheckId, decided: Pick<CheckResult, 'outcome' | 'reason'>, bundle: EvidenceBundle): Pick<CheckResult, 'outcome' | 'reason'> {
  if (decided.outcome !== 'pass') return decided;
  const reason = unobservedReason(id, bundle) ?? undecryptedReason(id, bundle) ?? missingProbeReason(id, bundle);
  return reason ? { outcome: 'inconclusive', reason } : decided;
}

/** True when every screen closer than `depth` taps had all its actions tried (or everything was). */
export function exploredTo(coverage: CoverageEvent, depth: number | undefined): boolean {
  if (coverage.complete) return true;
  if (depth === undefined) return false;
  return coverage.unexploredDepths.every((d) => d >= depth);
}

/** 「界面 s2「首页」、s5「办事」显示了内容但未找到可操作的控件」 */
function describeNotUnderstood(ids: string[], bundle: EvidenceBundle): string {
  const names = ids.map((id) => {
    const title = bundle.screens.find((s) => s.id === id)?.title;
    return title ? `${id}「${title}」` : id;
  });
  return `界面 ${names.join('、')} 显示了内容但未找到可操作的控件（探索器未能理解）`;
}

function describeStop(coverage: CoverageEvent): string {
  switch (coverage.stoppedBy) {
    case 'time-budget': return '时间预算用尽';
    case 'action-cap': return '操作次数上限已到';
    case 'error': return '探索出错中止';
    case 'app-crash': return '应用崩溃且未能重新启动';
    // Everything was tried, yet some screen is open: an action there failed, crashed the app or its screen could not be reached again.
    case 'exhausted': return '所有操作均已尝试，但部分操作失败、导致应用崩溃或无法回到其界面';
  }
}

/** A missing requirement is a finding too: it cites the screens that were searched. */
function absenceFindings(detection: Detection, bundle: EvidenceBundle): Finding[] {
  const depth = detection.requiredDepth;
  const searched = bundle.screens.filter((s) => depth === undefined || s.depth <= depth);
  const where = depth === undefined ? `全部 ${searched.length} 个已探索界面` : `启动后 ${depth} 次点击以内的 ${searched.length} 个界面`;
  return (detection.missing ?? []).map((missing) => ({
    summary: `${missing}：在${where}中均未找到。`,
    source: 'ui-tree' as const,
    evidence: searched.slice(0, 4).flatMap((s) => (s.screenshot ? [s.screenshot] : [])),
    confidence: bundle.coverage?.complete ? 0.9 : 0.8,
    ...(searched[0] ? { screen: searched[0].id, steps: searched[0].steps } : {}),
  }));
}
