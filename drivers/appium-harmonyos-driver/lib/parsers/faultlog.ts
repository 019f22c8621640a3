/**
 * FaultLogger writes crashes and freezes to /data/log/faultlog/faultlogger/ as
 * `jscrash-<process>-<uid>-<time>.log`, `cppcrash-…`, `appfreeze-…` with `Key:Value` headers
 * (`Module name`, `Pid`, `Reason`, `Error name`, `Error message`) and a `Stacktrace:` section.
 */
export type FaultKind = 'jscrash' | 'cppcrash' | 'appfreeze' | 'sysfreeze' | 'syswarning';

export interface FaultFile {
  kind: FaultKind;
  process: string;
  file: string;
}

export interface FaultLog {
  kind?: FaultKind;
  moduleName?: string;
  pid?: number;
  reason?: string;
  errorName?: string;
  errorMessage?: string;
  stacktrace?: string;
}

/** Fault log file names in an `ls` of the faultlogger folder. */
export function parseFaultFiles(listing: string): FaultFile[] {
  const files: FaultFile[] = [];
  for (const name of listing.split(/\s+/)) {
    const m = /^(jscrash|cppcrash|appfreeze|sysfreeze|syswarning)-(.+?)-\d+-\d+(?:\.log)?$/.exec(name.trim());
    if (m) files.push({ kind: m[1] as FaultKind, process: m[2]!, file: name.trim() });
  }
  return files;
}

/** The headers and stack of one fault log. */
export function parseFaultLog(text: string): FaultLog {
  const header = (key: string): string | undefined => new RegExp(`^${key}\\s*:\\s*(.*)$`, 'mi').exec(text)?.[1]?.trim();
  const stack = /(?:^|\n)Stacktrace:[^\n]*\n([\s\S]*?)(?:\n[ \t]*\n|\n[A-Z][\w ]*:\s*\n|$)/.exec(text)?.[1]?.trimEnd();
  const type = header('Fault type');
  const kind = /js/i.test(type ?? '') ? 'jscrash' : /cpp|signal/i.test(type ?? '') ? 'cppcrash' : /freeze/i.test(type ?? '') ? 'appfreeze' : undefined;
  const pid = header('Pid');
  const result: FaultLog = {};
  if (kind) result.kind = kind;
  const moduleName = header('Module name');
  if (moduleName) result.moduleName = moduleName;
  if (pid && /^\d+$/.test(pid)) result.pid = Number(pid);
  const reason = header('Reason');
  if (reason) result.reason = reason;
  const errorName = header('Error name');
  if (errorName) result.errorName = errorName;
  const errorMessage = header('Error message');
  if (errorMessage) result.errorMessage = errorMessage;
  if (stack) result.stacktrace = stack;
  return result;
}
