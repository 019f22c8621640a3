/** The closing lines of a run: outcome per check, the verdict path and the report path. */
import type { RunOutcome } from '../runner/run-outcome.js';

const OUTCOME_ZH = { pass: '通过', fail: '不通过', inconclusive: '无法判定', 'not-applicable': '不适用' } as const;

/** Human-readable summary of a finished run. */
export function formatRunSummary(outcome: RunOutcome): string {
  const v = outcome.verdict;
  const lines = [
    '',
    `审计结论：${OUTCOME_ZH[v.outcome]}（${v.outcome}）${v.complete ? '' : `　运行未完成：${v.incompleteReason ?? ''}`}`,
    ...(v.device.simulated ? [`设备：${v.device.label}（模拟设备：结果来自设备替身，不代表真机表现）`] : []),
    v.coverage.stoppedBy === 'not-run' ? '探索：未在设备上运行（仅安装包静态检查）' : `探索：${v.coverage.screens} 个界面，${v.coverage.actions} 次操作，${(v.coverage.durationMs / 1000).toFixed(1)} 秒${v.coverage.complete ? '，已完整探索' : `，未完整探索（${v.coverage.stoppedBy}）`}`,
  ];
  for (const c of v.checks) {
    lines.push(`  ${OUTCOME_ZH[c.outcome].padEnd(4, '　')} ${c.id.padEnd(30)} ${c.title}${countFindings(c.findings)}`);
  }
  lines.push(`verdict: ${outcome.verdictPath}`);
  if (outcome.reportPath) lines.push(`report:  ${outcome.reportPath}`);
  if (outcome.reportError) lines.push(`report:  not generated — ${outcome.reportError}`);
  return lines.join('\n');
}

function countFindings(findings: { source: string }[]): string {
  const clues = findings.filter((f) => f.source === 'package').length;
  const seen = findings.length - clues;
  return [seen ? `${seen} 处问题` : '', clues ? `${clues} 处安装包线索` : ''].filter(Boolean).map((s) => `（${s}）`).join('');
}
