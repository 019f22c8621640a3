/**
 * The performance meter on HarmonyOS: cold starts with `aa start -W` through the driver's `mobile:
 * coldStart` (TotalTime, the median of several: prepareLaunch makes the extra ones, the probe's own
 * launch is the last; below API 20 the driver times start → window on the host clock and says so), and
 * memory (`hidumper --mem <pid>`, Pss Total). Frames are not measured on the command-line path
 * (SP_daemon is not on every device): scrollFrames says so. Figures are judged against the profile's budgets.
 */
import type { EvidenceStore } from '../../../evidence/store.js';
import type { MeasuredFigure, PerformanceBudgets } from '../../../evidence/probe-types.js';
import type { PerformanceMeter } from '../../../probes/probe-tools.js';
import type { HarmonySession } from '../harmony-session.js';

export const COLD_STARTS = 3;

const MEASURED = ['firstContentMs', 'appMemoryBytes'] as const;

/** The profile's budgets, limited to what the HarmonyOS meter measures (an H5-only budget never waits for a figure). */
export function harmonyBudgets(profile: PerformanceBudgets | undefined): PerformanceBudgets {
  const out: PerformanceBudgets = { sources: {} };
  for (const key of MEASURED) {
    const value = profile?.[key];
    if (value === undefined) continue;
    out[key] = value;
    const source = profile?.sources?.[key];
    if (source) out.sources![key] = source;
  }
  return out;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

/** The meter of one session; the measuring outputs go to `store` as text blobs. */
export function harmonyPerformanceMeter(session: HarmonySession, store: EvidenceStore, budgets: PerformanceBudgets | undefined, memory: () => Promise<{ pssTotalKb: number; pid: number } | undefined>): PerformanceMeter {
  const bundle = session.app.bundleName;
  let figures: MeasuredFigure[] = [];
  let firstLaunch = 0;
  let peakKb = 0;
  return {
    async prepareLaunch() {
      figures = [];
      peakKb = 0;
      firstLaunch = session.launches.length;
      for (let i = 1; i < COLD_STARTS; i++) await session.launch();
    },
    launchFigures() {
      const launches = session.launches.slice(firstLaunch);
      const times = launches.map((l) => l.totalTimeMs);
      const value = median(times);
      const method = launches.at(-1)?.method ?? 'aa start -W';
      if (value !== undefined) {
        const command = method === 'aa start -W' ? `hdc shell aa force-stop ${bundle}; hdc shell aa start -W -a ${session.app.abilityName ?? '<main>'} -b ${bundle}` : `hdc shell aa start -a ${session.app.abilityName ?? '<main>'} -b ${bundle}（主机计时至应用窗口出现）`;
        figures.push({
          budget: 'firstContentMs', what: `冷启动耗时（${method === 'aa start -W' ? 'aa start -W TotalTime' : '主机计时'}，${times.length} 次冷启动 ${times.join('、')} ms 的中位数）`, value, unit: 'ms',
          command, output: store.putBlob('text', launches.map((l) => JSON.stringify(l)).join('\n'), 'txt'),
        });
      }
      return Promise.resolve({ longTasks: null, url: bundle, ...(value !== undefined ? { firstContentMs: value } : {}), figures, budgets: harmonyBudgets(budgets) });
    },
    async memory() {
      const m = await memory().catch(() => undefined);
      if (!m) return {};
      if (m.pssTotalKb > peakKb) {
        peakKb = m.pssTotalKb;
        const figure: MeasuredFigure = { budget: 'appMemoryBytes', what: '应用内存（hidumper --mem Pss Total，峰值）', value: m.pssTotalKb * 1024, unit: 'bytes', command: `hdc shell hidumper --mem ${m.pid}`, output: store.putBlob('text', JSON.stringify(m), 'txt') };
        const known = figures.findIndex((f) => f.budget === 'appMemoryBytes');
        if (known >= 0) figures[known] = figure;
        else figures.push(figure);
      }
      return { usedBytes: m.pssTotalKb * 1024 };
    },
    scrollFrames() {
      return Promise.resolve({ measurable: false, reason: 'HarmonyOS 命令行路径不测帧率（SP_daemon 并非所有设备都有，hidumper 的 RenderService fps 需按窗口名查询）' });
    },
  };
}
