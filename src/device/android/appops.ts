/**
 * `appops get <pkg>`: each op's mode and how long ago it was last allowed or rejected. Line format as
 * documented in MuntashirAkon/AppManager#17: `[Uid mode: ]<op>: <mode>[; time=<t> ago][; rejectTime=<t> ago][ (running)][; duration=<t>]`;
 * `No operations.` is a valid empty answer.
 */
import { asText, parsed, unparsed, type Parsed } from './parsed.js';

export interface AppOp {
  op: string;
  mode: string;
  /** Milliseconds since the op was last performed (`time=+1m15s193ms ago`). */
  lastAccessMsAgo?: number;
  lastRejectMsAgo?: number;
  durationMs?: number;
  /** True for the `Uid mode:` line (the mode set for the whole uid). */
  uidMode?: boolean;
  /** The op is in progress now (`(running)`), e.g. a location or camera session. */
  running?: boolean;
}

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

/** `+7d23h29m35s438ms` → milliseconds; undefined when it is not such a duration. */
export function parseAppOpsDuration(text: string): number | undefined {
  const body = text.trim().replace(/^\+/, '');
  if (!/^(\d+(d|h|ms|m|s))+$/.test(body)) return undefined;
  return [...body.matchAll(/(\d+)(d|h|ms|m|s)/g)].reduce((sum, m) => sum + Number(m[1]) * UNIT_MS[m[2]!]!, 0);
}

/** Parses the op lines; unparsed when none is found (e.g. "Error: No UID for …" or an unknown package). */
export function parseAppOps(output: unknown): Parsed<AppOp[]> {
  const text = asText(output);
  if (/^\s*No operations\./m.test(text)) return parsed([]);
  const ops: AppOp[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(Uid mode: )?([A-Za-z_:]+): ([a-z]+)(.*)$/.exec(raw);
    if (m?.[2] === 'Default mode') continue;
    if (!m) continue;
    const op: AppOp = { op: m[2]!.replace(/^android:/, '').toUpperCase(), mode: m[3]! };
    if (m[1]) op.uidMode = true;
    if (/\(running\)/.test(m[4]!)) op.running = true;
    for (const [, key, value] of m[4]!.matchAll(/(time|rejectTime|duration)=(\+[\dhmsd]+)/g)) {
      const ms = parseAppOpsDuration(value!);
      if (ms === undefined) continue;
      if (key === 'time') op.lastAccessMsAgo = ms;
      else if (key === 'rejectTime') op.lastRejectMsAgo = ms;
      else op.durationMs = ms;
    }
    ops.push(op);
  }
  if (ops.length === 0) return unparsed(text.trim() ? `no app-op lines in the output: ${text.trim().slice(0, 120)}` : 'empty appops output');
  return parsed(ops);
}
