/**
 * The budgets an Android run is judged against: the device profile's own where it sets them, else
 * these defaults with their published sources. Only budgets the Android probes measure are kept, so
 * an H5-only budget (JS heap, long tasks) never leaves the performance check waiting for a figure
 * that cannot exist on a native app.
 */
import type { PerformanceBudgets } from '../../../evidence/probe-types.js';

const MEASURED_ON_ANDROID = ['firstContentMs', 'worstFrameMs', 'slowFramePercent', 'frozenFramePercent', 'appMemoryBytes'] as const;

export const ANDROID_DEFAULT_BUDGETS: PerformanceBudgets = {
  firstContentMs: 5000,
  worstFrameMs: 700,
  slowFramePercent: 50,
  frozenFramePercent: 0.1,
  appMemoryBytes: 1500 * 1024 * 1024,
  sources: {
    firstContentMs: 'Android vitals：冷启动 ≥5 秒即为过长（此处为 am start -W 的 TotalTime，即首帧显示），https://developer.android.com/topic/performance/vitals/launch-time',
    worstFrameMs: 'Android：渲染超过 700 ms 的帧为冻结帧（frozen frame），https://developer.android.com/topic/performance/vitals/frozen',
    slowFramePercent: 'Android vitals：超过 50% 的帧渲染慢于 16 ms 即为“渲染缓慢”过多，https://developer.android.com/topic/performance/vitals/render',
    frozenFramePercent: 'Android vitals：超过 0.1% 的帧为冻结帧（>700 ms）即为过多，https://developer.android.com/topic/performance/vitals/frozen',
    appMemoryBytes: 'HarmonyOS《应用性能体验建议》：前台内存峰值 ≤1500 MB（建议），作为应用 PSS 峰值的上限',
  },
};

/** The profile's budgets over the Android defaults, limited to what the Android probes measure. */
export function androidBudgets(profile: PerformanceBudgets | undefined): PerformanceBudgets {
  const budgets: PerformanceBudgets = { sources: {} };
  for (const key of MEASURED_ON_ANDROID) {
    const own = profile?.[key];
    const value = own ?? ANDROID_DEFAULT_BUDGETS[key];
    if (value === undefined) continue;
    budgets[key] = value;
    const source = own !== undefined ? profile?.sources?.[key] : ANDROID_DEFAULT_BUDGETS.sources?.[key];
    if (source) budgets.sources![key] = source;
  }
  return budgets;
}
