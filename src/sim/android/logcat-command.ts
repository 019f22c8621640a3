/**
 * `logcat`: `-c` clears, `-d` dumps and exits, otherwise the buffer then new lines as they come, in the
 * `threadtime` format (`MM-DD HH:MM:SS.mmm  PID  TID L TAG     : message`). A stream prints its header at
 * once: a logcat that stays silent stalls the driver's session start.
 */
import { ok, type CommandResult } from './command-result.js';
import type { LogEntry } from '../engine/device-log.js';
import type { SimAndroid } from './sim-android.js';

/** The device's time zone offset (Asia/Shanghai, no daylight saving). */
const TZ_OFFSET_MS = 8 * 3_600_000;

/** One entry in the threadtime format. */
export function formatThreadtime(e: LogEntry): string {
  const d = new Date(e.time + TZ_OFFSET_MS);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const stamp = `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
  return `${stamp} ${String(e.pid).padStart(5)} ${String(e.tid).padStart(5)} ${e.level} ${e.tag.padEnd(8)}: ${e.message}\n`;
}

/** Answers `logcat` with its arguments. */
export function logcatCommand(sim: SimAndroid, args: string[]): CommandResult {
  const log = sim.device.log;
  if (args.includes('-c')) {
    log.clear();
    return ok();
  }
  if (args.includes('-d')) return ok('--------- beginning of main\n' + log.all().map(formatThreadtime).join(''));
  return {
    kind: 'streaming',
    start(sink) {
      sink.write('--------- beginning of main\n' + log.all().map(formatThreadtime).join(''));
      return log.follow((entry) => sink.write(formatThreadtime(entry)));
    },
  };
}
