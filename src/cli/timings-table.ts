/** The phase table of `govapp-audit run --timings` and `npm run bench:audit`: Chinese labels, seconds, one column per run or app. */
import type { PhaseTimings } from '../runner/phase-timings.js';

const LABELS: Record<string, string> = {
  'cli-start': '命令启动（Node 与模块加载）',
  inputs: '输入检查（参数、设备、应用可达）',
  'appium-start': 'Appium 与工作进程启动（同时进行）',
  'session-start': '会话启动（浏览器或设备会话）',
  exploration: '应用探索',
  ocr: '文字识别（OCR）',
  checks: '检查项判定',
  'session-end': '会话与 Appium 关闭',
  verdict: '合并结果、写 verdict.json',
  report: '生成 Allure 报告',
  other: '其他（阶段之间）',
  total: '合计',
};

/** The Chinese label of a phase name (probes: 探针 <id>). */
export function phaseLabel(name: string): string {
  if (name.startsWith('alongside:')) return `${phaseLabel(name.slice('alongside:'.length))}（并行会话全程，不计入合计）`;
  if (name.startsWith('probe:')) return `探针 ${name.slice('probe:'.length)}`;
  return LABELS[name] ?? name;
}

/** Phase names of all columns in run order (first seen first), `total` last. */
export function phaseRows(columns: readonly PhaseTimings[]): string[] {
  const names: string[] = [];
  for (const c of columns) for (const n of Object.keys(c)) if (n !== 'total' && !names.includes(n)) names.push(n);
  return [...names, 'total'];
}

/** A plain-text table: one row per phase, one column per timing set (seconds, one decimal); `—` where a column lacks the phase. */
export function formatTimingsTable(columns: readonly { title: string; timings: PhaseTimings }[]): string {
  const rows = phaseRows(columns.map((c) => c.timings));
  const cells = [['阶段', ...columns.map((c) => c.title)], ...rows.map((n) => [phaseLabel(n), ...columns.map((c) => seconds(c.timings[n]))])];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i]!))));
  return cells.map((r) => r.map((cell, i) => (i === 0 ? padEnd(cell, widths[i]!) : padStart(cell, widths[i]!))).join('  ').trimEnd()).join('\n');
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`;
}

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
