/** Times every DeviceSession call of a benchmark run (where the wall time goes), for bench-explore --profile. */
import type { DeviceSession } from '../src/device/device-session.js';

export interface CallProfile { calls: number; ms: number }

/** Wraps a session so each async method's calls and time are counted in `profile`. */
export function profiled<T extends DeviceSession>(session: T, profile: Map<string, CallProfile>): T {
  return new Proxy(session, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.finally(() => {
          const entry = profile.get(key) ?? { calls: 0, ms: 0 };
          entry.calls++;
          entry.ms += performance.now() - started;
          profile.set(key, entry);
        });
      };
    },
  });
}

/** One line per method, slowest first. */
export function formatProfile(profile: Map<string, CallProfile>): string {
  return [...profile].sort((a, b) => b[1].ms - a[1].ms).map(([k, v]) => `  ${k.padEnd(14)} ${String(v.calls).padStart(4)} calls ${(v.ms / 1000).toFixed(1).padStart(6)} s  ${(v.ms / v.calls).toFixed(0).padStart(5)} ms/call`).join('\n');
}
