/**
 * performance — 第六条, 第十七条: 性能稳定性.
 * A measured launch against the device profile's budgets (sources cited in the profile): first
 * contentful paint, interactive estimate, the longest main-thread block, the JS heap. Fails with
 * the figure and the budget it broke (taps and frames: performance-interaction.ts); passes only
 * when every budgeted figure was measured and is within budget; inconclusive when nothing was
 * measured or the profile has no budgets.
 * The JS heap sampled while idle: performance-memory.ts (a peak over budget fails even when the launch was not measured).
 * Known limits: one launch on an emulated phone in a shared lab host; noisy, so budgets are the
 * "excessive" thresholds, not targets.
 */
import type { PerformanceBudgets, PerformanceProbeEvent } from '../../evidence/probe-types.js';
import type { Detection, Finding } from '../result.js';
import type { EvidenceBundle } from '../../evidence/types.js';
import { interactionFindings } from './performance-interaction.js';
import { heapDetection } from './performance-memory.js';
import type { Detector } from './types.js';

type BudgetName = Exclude<keyof PerformanceBudgets, 'sources'>;

const FIGURES: { budget: BudgetName; what: string; unit: 'ms' | 'bytes'; read: (m: PerformanceProbeEvent) => number | undefined }[] = [
  { budget: 'firstContentMs', what: '启动到首次内容绘制', unit: 'ms', read: (m) => m.firstContentMs },
  { budget: 'interactiveMs', what: '启动到可交互（主线程空闲，估计）', unit: 'ms', read: (m) => m.interactiveMs },
  { budget: 'longTaskMs', what: '最长一次主线程阻塞', unit: 'ms', read: (m) => m.longTasks?.worstMs },
  { budget: 'jsHeapBytes', what: '启动后 JS 堆占用', unit: 'bytes', read: (m) => m.jsHeapUsedBytes },
];

const show = (value: number, unit: 'ms' | 'bytes' | '%') => (unit === 'ms' ? `${value} ms` : unit === '%' ? `${value}%` : `${(value / 1048576).toFixed(1)} MB`);

/** Launch, taps and frames (launchDetection), and the idle heap (performance-memory.ts) in one result. */
export const detectPerformance: Detector = (bundle) => {
  const launch = launchDetection(bundle);
  const memory = heapDetection(bundle);
  if (memory.figures.length === 0) return launch;
  return {
    ...launch,
    findings: [...launch.findings, ...memory.findings],
    observations: [...(launch.observations ?? []), ...(memory.observations ?? [])],
    details: { ...launch.details, heap: memory.figures },
  };
};

function launchDetection(bundle: EvidenceBundle): Detection {
  const measured = bundle.probes?.performance.at(-1);
  if (!measured) return { findings: [], inconclusiveReason: '未测得启动性能（性能探针未运行或失败），无法判定。' };
  const details = { measured };
  const budgets = measured.budgets;
  if (!budgets) return { findings: [], details, inconclusiveReason: '设备配置未给出性能预算（budgets），无法判定；测得的数值见详情。' };
  const findings: Finding[] = [];
  const unmeasured: string[] = [];
  for (const figure of FIGURES) {
    const limit = budgets[figure.budget];
    if (limit === undefined) continue;
    const value = figure.read(measured);
    if (value === undefined) {
      unmeasured.push(figure.what);
      continue;
    }
    if (value <= limit) continue;
    const source = budgets.sources?.[figure.budget];
    findings.push({
      summary: `${figure.what} ${show(value, figure.unit)}，超过预算 ${show(limit, figure.unit)}${source ? `（依据：${source}）` : ''}。`,
      source: 'probe',
      text: `${figure.budget}=${value} > ${limit}`,
      evidence: [],
      confidence: 0.8,
      severity: 'present',
    });
  }
  findings.push(...measuredFigureFindings(measured, budgets));
  const interaction = interactionFindings(measured, bundle.screens);
  findings.push(...interaction.findings);
  unmeasured.push(...interaction.unmeasured);
  if (findings.length === 0 && unmeasured.length > 0) {
    return { findings, details, inconclusiveReason: `${unmeasured.join('、')}未能测得，不能判定为通过。` };
  }
  return { findings, details };
}

/** Native figures (`figures`, with the command that measured them) over their budgets. */
function measuredFigureFindings(measured: PerformanceProbeEvent, budgets: PerformanceBudgets): Finding[] {
  return (measured.figures ?? []).flatMap((f) => {
    const limit = f.budget === undefined ? undefined : budgets[f.budget];
    if (limit === undefined || f.value <= limit) return [];
    const source = budgets.sources?.[f.budget!];
    return [{
      summary: `${f.what} ${show(f.value, f.unit)}，超过预算 ${show(limit, f.unit)}${source ? `（依据：${source}）` : ''}；测量命令：${f.command}。`,
      source: 'probe' as const,
      text: `${f.budget}=${f.value} > ${limit}`,
      evidence: f.output ? [f.output] : [],
      confidence: 0.8,
      severity: 'present' as const,
    }];
  });
}
