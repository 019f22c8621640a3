/** `dumpsys gfxinfo <pkg>`: frames rendered, janky share, frame-time percentiles, frozen frames when reported. */
import { asText, numberAfter, parsed, unparsed, type Parsed } from './parsed.js';

export interface GfxInfo {
  pid?: number;
  totalFrames: number;
  jankyFrames: number;
  jankyPercent: number;
  /** Android 12+ also prints the pre-12 definition (any frame over its deadline): `Janky frames (legacy)`. */
  jankyLegacyPercent?: number;
  p50Ms?: number;
  p90Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  /** Frames over 700 ms (Android vitals' frozen frames), counted from the HISTOGRAM when it is present. */
  frozenFrames?: number;
}

/** Parses the first (process-wide) stats block; unparsed without "Total frames rendered". */
export function parseGfxinfo(output: unknown): Parsed<GfxInfo> {
  const text = asText(output);
  const total = numberAfter(text, /Total frames rendered:\s*(\d+)/);
  if (total === undefined) return unparsed(/No process found|Failure while dumping/i.test(text) ? 'the app process is not running' : 'no "Total frames rendered" line in the gfxinfo output');
  const janky = /Janky frames:\s*(\d+)\s*\(([\d.]+)%\)/.exec(text);
  const info: GfxInfo = { totalFrames: total, jankyFrames: Number(janky?.[1] ?? 0), jankyPercent: Number(janky?.[2] ?? 0) };
  const legacy = numberAfter(text, /Janky frames \(legacy\):\s*\d+\s*\(([\d.]+)%\)/);
  if (legacy !== undefined) info.jankyLegacyPercent = legacy;
  const pid = numberAfter(text, /Graphics info for pid (\d+)/);
  if (pid !== undefined) info.pid = pid;
  for (const [key, p] of [['p50Ms', 50], ['p90Ms', 90], ['p95Ms', 95], ['p99Ms', 99]] as const) {
    const v = numberAfter(text, new RegExp(`^\\s*${p}th percentile:\\s*(\\d+)ms`, 'm'));
    if (v !== undefined) info[key] = v;
  }
  const histogram = /^\s*HISTOGRAM:(.*)$/m.exec(text)?.[1];
  if (histogram) {
    info.frozenFrames = [...histogram.matchAll(/(\d+)ms=(\d+)/g)].filter((m) => Number(m[1]) > 700).reduce((sum, m) => sum + Number(m[2]), 0);
  }
  return parsed(info);
}
