/** `dumpsys meminfo <pkg>`: TOTAL PSS / RSS and the Java / Native heaps, in KB. */
import { asText, numberAfter, parsed, unparsed, type Parsed } from './parsed.js';

export interface MemInfo {
  pid?: number;
  totalPssKb: number;
  totalRssKb?: number;
  javaHeapKb?: number;
  nativeHeapKb?: number;
}

/** Reads App Summary (Android 6+) or the TOTAL row of older tables; unparsed when no total is found. */
export function parseMeminfo(output: unknown): Parsed<MemInfo> {
  const text = asText(output);
  if (/No process found for/i.test(text)) return unparsed('the app process is not running');
  const pss = numberAfter(text, /TOTAL PSS:\s*([\d,]+)/) ?? numberAfter(text, /^\s*TOTAL:\s*([\d,]+)/m) ?? numberAfter(text, /^\s*TOTAL\s+([\d,]+)/m);
  if (pss === undefined) return unparsed('no TOTAL PSS line in the meminfo output');
  const info: MemInfo = { totalPssKb: pss };
  const set = (key: 'pid' | 'totalRssKb' | 'javaHeapKb' | 'nativeHeapKb', value: number | undefined): void => {
    if (value !== undefined) info[key] = value;
  };
  set('pid', numberAfter(text, /MEMINFO in pid (\d+)/));
  set('totalRssKb', numberAfter(text, /TOTAL RSS:\s*([\d,]+)/));
  set('javaHeapKb', numberAfter(text, /^\s*Java Heap:\s*([\d,]+)/m) ?? numberAfter(text, /^\s*Dalvik Heap\s+([\d,]+)/m));
  set('nativeHeapKb', numberAfter(text, /^\s*Native Heap:\s*([\d,]+)/m) ?? numberAfter(text, /^\s*Native Heap\s+([\d,]+)/m));
  return parsed(info);
}
