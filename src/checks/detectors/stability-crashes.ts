/**
 * Crash findings of the stability check (第十七条, 第六条): every `app-crash` the explorer recorded,
 * with the screen, the tapped element, the screenshot taken before the tap and the replayable
 * path; for evidence written before crashes were recorded, run issues that read like a crash.
 * Known false positive: a harness-side session loss whose message mentions "closed" (legacy path).
 */
import type { AppCrashEvent, EvidenceBundle, RunIssueEvent } from '../../evidence/types.js';
import type { Finding } from '../result.js';
import { NO_ELEMENT_TO_BOX } from './stability-cause.js';

/** Run-issue messages that mean the app (or its session) died: the only crash evidence of older runs. */
const CRASH_ISSUE = /crash|崩溃|closed|disconnected/i;

const NOT_RECOVERED: Record<NonNullable<AppCrashEvent['notRecoveredBecause']>, string> = {
  'cap-reached': '本次运行的重新启动次数已达上限',
  unsupported: '该平台不支持崩溃后重新启动',
  'relaunch-failed': '重新启动失败',
};

/** One finding per recorded crash; run issues only when no recorded crash carries the same message. */
export function crashFindings(bundle: EvidenceBundle): Finding[] {
  const crashes = bundle.crashes ?? [];
  const recorded = new Set(crashes.map((c) => c.message));
  const legacy = bundle.issues.filter((i) => CRASH_ISSUE.test(i.message) && !recorded.has(i.message));
  return [...crashes.map((c) => recordedCrash(bundle, c)), ...legacy.map(issueFinding)];
}

function recordedCrash(bundle: EvidenceBundle, crash: AppCrashEvent): Finding {
  const screen = bundle.screens.find((s) => s.id === crash.screenId);
  const where = screen ? `「${screen.title || screen.id}」界面` : '某界面';
  const what = crash.during === 'action' ? `在${where}${crash.actionLabel}后` : `在前往${where}的途中（为${crash.actionLabel}）`;
  const then = crash.recovered ? '已重新启动并继续检测' : `未能恢复（${NOT_RECOVERED[crash.notRecoveredBecause ?? 'relaunch-failed']}），其后的界面未检测`;
  const finding: Finding = {
    summary: `${what}应用崩溃（${crash.kind}），${then}。`,
    source: 'probe',
    text: crash.message,
    evidence: screen ? [...(screen.screenshot ? [screen.screenshot] : []), screen.uiTree] : [],
    steps: crash.steps,
    confidence: 0.95,
    severity: 'present',
  };
  if (screen) finding.screen = screen.id;
  const tapped = crash.during === 'action' ? crash.steps.at(-1)?.locator : undefined;
  const node = tapped === undefined ? undefined : screen?.nodes.find((n) => n.locator === tapped);
  if (node) {
    finding.nodeId = node.id;
    finding.bounds = node.bounds;
  } else if (screen) {
    finding.summary = finding.summary.replace(/。$/, `（${NO_ELEMENT_TO_BOX}）。`);
  }
  return finding;
}

function issueFinding(issue: RunIssueEvent): Finding {
  return { summary: `运行中出现崩溃或会话中断：${issue.message}`, source: 'probe', text: issue.message, evidence: [], confidence: 0.9, severity: 'present' };
}
