/**
 * Log types: `hilog` (the device log since the last read: `hilog -x` reads without blocking, `-r`
 * clears) and `faultlog` (crash and freeze logs FaultLogger wrote since the session started).
 */
import type { HarmonyOsDriver } from '../driver.js';
import { parseHilog } from '../parsers/hilog.js';
import { parseFaultLog } from '../parsers/faultlog.js';
import { FAULTLOG_DIR, listFaultFiles } from './app-management.js';

export interface LogEntry { timestamp: number; level: string; message: string }

const LEVELS: Record<string, string> = { D: 'DEBUG', I: 'INFO', W: 'WARNING', E: 'SEVERE', F: 'SEVERE' };

/** New fault logs of the session (optionally only those of one bundle), read and parsed. */
export async function newFaultLogs(driver: HarmonyOsDriver, bundle?: string): Promise<{ file: string; kind: string; text: string }[]> {
  const files = (await listFaultFiles.call(driver)).filter((f) => !driver.state.faultBaseline.has(f.file) && (!bundle || f.process === bundle));
  const out: { file: string; kind: string; text: string }[] = [];
  for (const f of files) {
    out.push({ file: f.file, kind: f.kind, text: await driver.state.hdc.shell(`cat ${FAULTLOG_DIR}/${f.file}`, { check: false }) });
  }
  return out;
}

export const supportedLogTypes = {
  hilog: {
    description: 'HarmonyOS device log (hilog), entries since the previous read',
    getter: async (driver: HarmonyOsDriver): Promise<LogEntry[]> => {
      const text = await driver.state.hdc.shell('hilog -x', { check: false });
      await driver.state.hdc.shell('hilog -r', { check: false });
      return parseHilog(text).map((e) => ({ timestamp: e.timestamp, level: LEVELS[e.level] ?? 'INFO', message: `${e.pid} ${e.tid} ${e.level} ${e.domain}/${e.tag}: ${e.message}` }));
    },
  },
  faultlog: {
    description: 'Crash and freeze logs (jscrash, cppcrash, appfreeze) written by FaultLogger since the session started',
    getter: async (driver: HarmonyOsDriver): Promise<LogEntry[]> => {
      const logs = await newFaultLogs(driver);
      return logs.map((l) => {
        const parsed = parseFaultLog(l.text);
        return { timestamp: Date.now(), level: 'SEVERE', message: `${l.kind} ${l.file}: ${parsed.reason ?? parsed.errorName ?? ''} ${parsed.errorMessage ?? ''}`.trim() };
      });
    },
  },
};
