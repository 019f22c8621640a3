/**
 * The performance meter on Android: cold starts with `am start -W` (TotalTime, the median of several:
 * prepareLaunch makes the extra ones, the probe's own launch is the last), frames while the current
 * screen is scrolled (`dumpsys gfxinfo`, reset first), memory (`dumpsys meminfo` TOTAL PSS). Every
 * figure keeps its command and raw output (a text blob) and is judged against the profile's budget,
 * else Android vitals' (probe-figures/budgets.ts).
 */
import type { EvidenceStore } from '../../../evidence/store.js';
import type { MeasuredFigure, PerformanceBudgets } from '../../../evidence/probe-types.js';
import type { PerformanceMeter } from '../../../probes/probe-tools.js';
import type { AndroidSession } from '../android-session.js';
import { androidBudgets } from '../probe-figures/budgets.js';
import { frameFigures, launchFigures, memorySamples } from '../probe-figures/figures.js';

/** Cold starts measured per probe run: prepareLaunch makes COLD_STARTS − 1, the probe's launch the last. */
export const COLD_STARTS = 3;

/** The meter of one session; raw outputs go to `store` as text blobs. */
export function androidPerformanceMeter(session: AndroidSession, store: EvidenceStore, profileBudgets: PerformanceBudgets | undefined): PerformanceMeter {
  const pkg = session.app.packageName;
  let figures: MeasuredFigure[] = [];
  let firstLaunch = 0;
  let peakPssKb = 0;
  const run = async (command: string) => {
    const output = await session.shell(command);
    return { output, command: `adb shell ${command}`, blob: store.putBlob('text', `$ adb shell ${command}\n${output}`, 'txt') };
  };
  return {
    memoryLabel: '应用内存（TOTAL PSS）',
    async prepareLaunch() {
      figures = [];
      peakPssKb = 0;
      firstLaunch = session.launches.length;
      for (let i = 1; i < COLD_STARTS; i++) await session.launch();
    },
    launchFigures() {
      const launches = session.launches.slice(firstLaunch);
      const cold = launchFigures(launches.map((l) => l.output));
      const last = launches.at(-1);
      if (cold.medianMs !== undefined && last) {
        figures.push({
          budget: 'firstContentMs', what: `冷启动耗时（TotalTime，${cold.totalTimesMs.length} 次冷启动 ${cold.totalTimesMs.join('、')} ms 的中位数）`, value: cold.medianMs, unit: 'ms',
          command: `adb shell am force-stop ${pkg}; adb shell ${last.command}`, output: store.putBlob('text', launches.map((l) => `$ adb shell ${l.command}\n${l.output}`).join('\n'), 'txt'),
        });
      }
      return Promise.resolve({ longTasks: null, url: `${pkg}/${session.app.activity ?? ''}`, ...(cold.medianMs !== undefined ? { firstContentMs: cold.medianMs } : {}), figures, budgets: androidBudgets(profileBudgets) });
    },
    async memory() {
      const sample = await run(`dumpsys meminfo ${pkg}`);
      const pss = memorySamples([{ atMs: 0, output: sample.output }]).samples[0]?.pssKb;
      if (pss === undefined) return {};
      if (pss > peakPssKb) {
        peakPssKb = pss;
        const known = figures.findIndex((f) => f.budget === 'appMemoryBytes');
        const figure: MeasuredFigure = { budget: 'appMemoryBytes', what: '应用内存（TOTAL PSS，峰值）', value: pss * 1024, unit: 'bytes', command: sample.command, output: sample.blob };
        if (known >= 0) figures[known] = figure;
        else figures.push(figure);
      }
      return { usedBytes: pss * 1024 };
    },
    async scrollFrames() {
      await session.shell(`dumpsys gfxinfo ${pkg} reset`);
      let scrolled = true;
      await session.scroll().catch(() => { scrolled = false; });
      await new Promise((r) => setTimeout(r, 400));
      const sample = await run(`dumpsys gfxinfo ${pkg}`);
      const f = frameFigures(sample.output, scrolled);
      const base = { command: sample.command, output: sample.blob };
      if (f.slowPercent !== undefined) figures.push({ ...base, budget: 'slowFramePercent', what: '滚动时慢帧占比（Janky frames）', value: f.slowPercent, unit: '%' });
      if (f.frozenPercent !== undefined) figures.push({ ...base, budget: 'frozenFramePercent', what: '滚动时冻结帧（>700 ms）占比', value: f.frozenPercent, unit: '%' });
      return f.pacing;
    },
  };
}
