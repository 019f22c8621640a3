/**
 * Logcat as labs paste it: `logcat -v threadtime` (what the device session captures), Android Studio's
 * copy (`MM-DD HH:MM:SS.mmm pid-tid/pkg E/Tag: message` with indented continuation lines) and
 * `-v brief` (`E/Tag(  pid): message`); then the crash (FATAL EXCEPTION) and ANR blocks among the entries.
 */
import { asText } from './parsed.js';

export interface LogEntry {
  /** `MM-DD HH:MM:SS.mmm` as printed (logcat omits the year). */
  time: string;
  pid: number;
  tid: number;
  level: 'V' | 'D' | 'I' | 'W' | 'E' | 'F' | 'A';
  tag: string;
  message: string;
}

export interface LogcatParse {
  entries: LogEntry[];
  /** Lines that are not threadtime entries (banners like "--------- beginning of crash", other formats). */
  unparsed: number;
}

export interface CrashBlock {
  time: string;
  process?: string;
  pid?: number;
  thread: string;
  exception: string;
  frames: string[];
}

export interface AnrBlock {
  time: string;
  process: string;
  component?: string;
  pid?: number;
  reason?: string;
}

const THREADTIME = /^(\d\d-\d\d \d\d:\d\d:\d\d\.\d+)\s+(?:\d+\s+)?(\d+)\s+(\d+)\s+([VDIWEFA])\s+(.*?)\s*: (.*)$/;
const STUDIO = /^(\d\d-\d\d \d\d:\d\d:\d\d\.\d+)\s+(\d+)-(\d+)\/\S*\s+([VDIWEFA])\/(.*?): (.*)$/;
const BRIEF = /^([VDIWEFA])\/(.*?)\(\s*(\d+)\): (.*)$/;
const MAX_FRAMES = 5;

function readLine(line: string): LogEntry | undefined {
  const level = (l: string | undefined): LogEntry['level'] => l as LogEntry['level'];
  const t = THREADTIME.exec(line) ?? STUDIO.exec(line);
  if (t) return { time: t[1]!, pid: Number(t[2]), tid: Number(t[3]), level: level(t[4]), tag: t[5]!.trim(), message: t[6]! };
  const b = BRIEF.exec(line);
  if (b) return { time: '', pid: Number(b[3]), tid: Number(b[3]), level: level(b[1]), tag: b[2]!.trim(), message: b[4]! };
  return undefined;
}

/** Parses entries; an indented line after an entry continues it (Android Studio); other lines are counted, never thrown on. */
export function parseLogcat(output: unknown): LogcatParse {
  const entries: LogEntry[] = [];
  let unparsed = 0;
  let last: LogEntry | undefined;
  for (const line of asText(output).split(/\r?\n/)) {
    if (!line.trim()) continue;
    const entry = readLine(line);
    if (entry) entries.push((last = entry));
    else if (last && /^\s/.test(line)) entries.push({ ...last, message: line.trim() });
    else unparsed++;
  }
  return { entries, unparsed };
}

/** `FATAL EXCEPTION` blocks of AndroidRuntime: process, pid, exception line and the first frames. */
export function findCrashes(entries: readonly LogEntry[]): CrashBlock[] {
  const crashes: CrashBlock[] = [];
  entries.forEach((entry, i) => {
    const head = /^FATAL EXCEPTION: (.*)$/.exec(entry.message);
    if (entry.tag !== 'AndroidRuntime' || !head) return;
    const block = entries.slice(i + 1).filter((e) => e.pid === entry.pid && e.tag === 'AndroidRuntime').slice(0, 60);
    const end = block.findIndex((e) => /^FATAL EXCEPTION/.test(e.message));
    const lines = (end < 0 ? block : block.slice(0, end)).map((e) => e.message);
    const proc = lines.map((l) => /^Process: ([^,]+), PID: (\d+)/.exec(l)).find(Boolean);
    const crash: CrashBlock = {
      time: entry.time, thread: head[1]!.trim(),
      exception: lines.find((l) => !/^Process: /.test(l) && !/^\s*at /.test(l))?.trim() ?? '',
      frames: lines.filter((l) => /^\s*at /.test(l)).slice(0, MAX_FRAMES).map((l) => l.trim().replace(/^at /, '')),
    };
    if (proc) Object.assign(crash, { process: proc[1], pid: Number(proc[2]) });
    crashes.push(crash);
  });
  return crashes;
}

/** `ANR in <process>` blocks of ActivityManager, with the PID and Reason lines that follow. */
export function findAnrs(entries: readonly LogEntry[]): AnrBlock[] {
  const anrs: AnrBlock[] = [];
  entries.forEach((entry, i) => {
    const head = /^ANR in (\S+)(?: \(([^)]+)\))?/.exec(entry.message);
    if (entry.tag !== 'ActivityManager' || !head) return;
    const next = entries.slice(i + 1, i + 12).filter((e) => e.tid === entry.tid && e.tag === 'ActivityManager').map((e) => e.message.trim());
    const anr: AnrBlock = { time: entry.time, process: head[1]! };
    if (head[2]) anr.component = head[2];
    const pid = next.map((l) => /^PID: (\d+)/.exec(l)?.[1]).find(Boolean);
    if (pid) anr.pid = Number(pid);
    const reason = next.map((l) => /^Reason: (.*)$/.exec(l)?.[1]).find(Boolean);
    if (reason) anr.reason = reason;
    anrs.push(anr);
  });
  return anrs;
}
