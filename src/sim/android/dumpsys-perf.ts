/**
 * Performance dumps derived from the app model's `performance` block and what the app did so far: frames
 * (`dumpsys gfxinfo`, Android 9+ layout with the HISTOGRAM line), memory (`dumpsys meminfo`, App Summary) and
 * CPU (`dumpsys cpuinfo`). Deterministic: the same model and the same taps give the same figures.
 */
import type { SimAndroid } from './sim-android.js';

const FRAMES_PER_SCREEN = 36;
const FRAMES_PER_TAP = 12;

function uptime(): string {
  const up = Math.round(process.uptime() * 1000);
  return `Uptime: ${up} Realtime: ${up + 5_000}`;
}

/** `dumpsys gfxinfo <pkg>`. */
export function gfxinfoText(sim: SimAndroid, pkgName: string): string {
  const proc = sim.device.processes.get(pkgName);
  if (!proc) return `Applications Graphics Acceleration Info:\n${uptime()}\n\nNo process found for: ${pkgName}\n`;
  const session = proc.session;
  const perf = session?.model.performance ?? {};
  const screens = session?.screensEntered ?? 1;
  const total = screens * FRAMES_PER_SCREEN + (session?.taps ?? 0) * FRAMES_PER_TAP;
  const janky = Math.round(total * (perf.jankyShare ?? 0.02));
  const frozen = (perf.frozenFramesPerScreen ?? 0) * screens;
  const smooth = total - janky;
  const slowBucket = janky - frozen;
  const histogram = [`5ms=${Math.round(smooth * 0.7)}`, `8ms=${smooth - Math.round(smooth * 0.7)}`, `16ms=0`, `34ms=${Math.max(0, Math.ceil(slowBucket / 2))}`, `65ms=${Math.max(0, Math.floor(slowBucket / 2))}`, `700ms=0`, `950ms=${frozen}`];
  const pct = (p: number): number => (p * total <= smooth ? (p < 0.7 ? 5 : 8) : frozen && p * total > total - frozen ? 950 : 65);
  return [
    'Applications Graphics Acceleration Info:',
    uptime(),
    '',
    `** Graphics info for pid ${proc.pid} [${pkgName}] **`,
    '',
    `Stats since: ${proc.startedAt * 1_000_000}ns`,
    `Total frames rendered: ${total}`,
    `Janky frames: ${janky} (${total ? ((janky / total) * 100).toFixed(2) : '0.00'}%)`,
    `50th percentile: ${pct(0.5)}ms`,
    `90th percentile: ${pct(0.9)}ms`,
    `95th percentile: ${pct(0.95)}ms`,
    `99th percentile: ${pct(0.99)}ms`,
    `Number Missed Vsync: ${Math.round(janky / 3)}`,
    `Number High input latency: 0`,
    `Number Slow UI thread: ${Math.round(janky / 2)}`,
    'Number Slow bitmap uploads: 0',
    'Number Slow issue draw commands: 0',
    `Number Frame deadline missed: ${janky}`,
    `HISTOGRAM: ${histogram.join(' ')}`,
    '',
    'Pipeline=Skia (OpenGL)',
    '',
  ].join('\n');
}

/** PSS in KB now: the model's start figure plus its growth over the process's running time. */
export function pssKb(sim: SimAndroid, pkgName: string): number {
  const proc = sim.device.processes.get(pkgName);
  const perf = proc?.session?.model.performance ?? {};
  const minutes = proc ? (sim.device.now() - proc.startedAt) / 60_000 : 0;
  return Math.round(((perf.pssMb ?? 90) + (perf.pssGrowthMbPerMinute ?? 0) * minutes) * 1024);
}

/** `dumpsys meminfo <pkg>`. */
export function meminfoText(sim: SimAndroid, pkgName: string): string {
  const proc = sim.device.processes.get(pkgName);
  if (!proc) return `No process found for: ${pkgName}\n`;
  const total = pssKb(sim, pkgName);
  const java = Math.round(total * 0.22);
  const native = Math.round(total * 0.28);
  const code = Math.round(total * 0.2);
  const graphics = Math.round(total * 0.18);
  const stack = 1_216;
  const system = total - java - native - code - graphics - stack;
  const row = (label: string, value: number): string => `${label.padStart(20)}:${String(value).padStart(9)}`;
  return [
    'Applications Memory Usage (in Kilobytes):',
    uptime(),
    '',
    `** MEMINFO in pid ${proc.pid} [${pkgName}] **`,
    '                   Pss  Private  Private  SwapPss      Rss     Heap     Heap     Heap',
    '                 Total    Dirty    Clean    Dirty    Total     Size    Alloc     Free',
    '                ------   ------   ------   ------   ------   ------   ------   ------',
    `  Native Heap ${String(native).padStart(8)} ${String(native).padStart(8)}        0        0 ${String(native + 512).padStart(8)} ${String(native + 4096).padStart(8)} ${String(native).padStart(8)}     4096`,
    `  Dalvik Heap ${String(java).padStart(8)} ${String(java).padStart(8)}        0        0 ${String(java + 256).padStart(8)} ${String(java + 2048).padStart(8)} ${String(java).padStart(8)}     2048`,
    `        TOTAL ${String(total).padStart(8)} ${String(native + java).padStart(8)} ${String(code).padStart(8)}        0 ${String(total + 30_000).padStart(8)}`,
    '',
    ' App Summary',
    '                       Pss(KB)                        Rss(KB)',
    '                        ------                         ------',
    row('Java Heap', java),
    row('Native Heap', native),
    row('Code', code),
    row('Stack', stack),
    row('Graphics', graphics),
    row('System', system),
    '',
    `           TOTAL PSS:${String(total).padStart(9)}            TOTAL RSS:${String(total + 30_000).padStart(9)}       TOTAL SWAP PSS:        0`,
    '',
  ].join('\n');
}

/** `dumpsys cpuinfo`: one row per running app; a backgrounded app uses its model's background share. */
export function cpuinfoText(sim: SimAndroid): string {
  const top = sim.device.foreground();
  const rows = [...sim.device.processes.values()].map((p) => {
    const perf = p.session?.model.performance ?? {};
    const percent = p.pkg === top ? 6.5 : perf.backgroundCpuPercent ?? 0;
    const user = +(percent * 0.7).toFixed(1);
    return `  ${percent}% ${p.pid}/${p.pkg}: ${user}% user + ${+(percent - user).toFixed(1)}% kernel / faults: 120 minor`;
  });
  return `Load: 1.2 / 0.9 / 0.7\nCPU usage from 5012ms to 12ms ago (2026-01-01 00:00:00.000 to 2026-01-01 00:00:05.000):\n${rows.join('\n')}\n12% TOTAL: 8% user + 4% kernel\n`;
}
