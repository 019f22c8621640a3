/**
 * hilog lines: `MM-DD hh:mm:ss.mmm  PID  TID <level> <A|C|I><domain>/<tag>: message` (the tag part
 * reads `<process>/<tag>` on newer releases). Lines that do not match (buffer headers) are skipped.
 */
export interface HilogEntry {
  /** Milliseconds since the epoch, in the host's year (hilog prints no year). */
  timestamp: number;
  pid: number;
  tid: number;
  level: 'D' | 'I' | 'W' | 'E' | 'F';
  domain: string;
  tag: string;
  message: string;
}

const LINE = /^(\d{2})-(\d{2})\s+(\d{2}):(\d{2}):(\d{2})\.(\d{3})\s+(\d+)\s+(\d+)\s+([DIWEF])\s+([ACIKT][0-9A-Fa-f]{5})\/(.*?):\s?(.*)$/;

/** Parses hilog output into entries. */
export function parseHilog(output: string, year = new Date().getFullYear()): HilogEntry[] {
  const entries: HilogEntry[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [, mo, d, h, mi, s, ms, pid, tid, level, domain, tag, message] = m;
    entries.push({
      timestamp: new Date(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms)).getTime(),
      pid: Number(pid), tid: Number(tid), level: level as HilogEntry['level'], domain: domain!, tag: tag!, message: message!,
    });
  }
  return entries;
}
