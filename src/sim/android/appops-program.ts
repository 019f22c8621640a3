/** `appops get <pkg>` in the line format of Android's AppOpsService (`OP: allow; time=+1m5s ago`). */
import { ok, type CommandResult } from './command-result.js';
import type { SimAndroid } from './sim-android.js';

/** `+1m5s193ms` style duration, as appops prints it. */
export function formatAppOpsDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  parts.push(`${rest}ms`);
  return '+' + parts.join('');
}

/** Answers `appops get|set …`. */
export function appopsProgram(sim: SimAndroid, args: string[]): CommandResult {
  const [sub, pkgName = ''] = args;
  if (sub !== 'get') return ok();
  const ops = sim.device.appOps.get(pkgName);
  if (!sim.device.packages.has(pkgName)) return ok(`Error: No UID for ${pkgName} in user 0\n`);
  if (!ops || ops.size === 0) return ok('No operations.\n');
  const now = sim.device.now();
  const lines = [...ops.values()].map((o) => `${o.op}: allow; time=${formatAppOpsDuration(now - o.lastAccess)} ago`);
  return ok(lines.join('\n') + '\n');
}
