/** `appops get <pkg>` in the line format of Android's AppOpsService (`OP: allow; time=+1m5s ago`). */
import { ok, type CommandResult } from './command-result.js';
import type { SimAndroid } from './sim-android.js';

/** Android app-op names of the engine's neutral use keys. */
const OP_NAMES: Record<string, string> = {
  clipboard: 'READ_CLIPBOARD',
  'android.permission.CAMERA': 'CAMERA',
  'android.permission.ACCESS_FINE_LOCATION': 'FINE_LOCATION',
  'android.permission.ACCESS_COARSE_LOCATION': 'COARSE_LOCATION',
  'android.permission.RECORD_AUDIO': 'RECORD_AUDIO',
  'android.permission.READ_CONTACTS': 'READ_CONTACTS',
  'android.permission.READ_PHONE_STATE': 'READ_PHONE_STATE',
  'android.permission.READ_EXTERNAL_STORAGE': 'READ_EXTERNAL_STORAGE',
  'android.permission.WRITE_EXTERNAL_STORAGE': 'WRITE_EXTERNAL_STORAGE',
};

/** The appops name of a use key (unknown permissions by their last segment). */
export function opName(use: string): string {
  return OP_NAMES[use] ?? use.split('.').pop()!.toUpperCase();
}

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
  const lines = [...ops.values()].map((o) => `${opName(o.op)}: allow; time=${formatAppOpsDuration(now - o.lastAccess)} ago`);
  return ok(lines.join('\n') + '\n');
}
