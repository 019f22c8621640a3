/** `am start -W` output: Status, LaunchState (COLD/WARM/HOT), TotalTime and WaitTime in ms. */
import { asText, numberAfter, parsed, unparsed, type Parsed } from './parsed.js';

export interface AmStartResult {
  status: string;
  launchState?: 'COLD' | 'WARM' | 'HOT' | 'UNKNOWN';
  activity?: string;
  totalTimeMs?: number;
  waitTimeMs?: number;
  /** `Error:` / `Warning:` lines (e.g. "Activity not started, its current task has been brought to the front"). */
  messages: string[];
}

/** Parses `am start -W`; unparsed when there is no Status line (the command failed before launching). */
export function parseAmStart(output: unknown): Parsed<AmStartResult> {
  const text = asText(output);
  const status = /^Status:\s*(\S+)/m.exec(text)?.[1];
  const messages = [...text.matchAll(/^(?:Error|Warning):\s*(.+)$/gm)].map((m) => m[1]!.trim());
  if (!status) return unparsed(messages.length ? `am start failed: ${messages.join('; ')}` : 'no "Status:" line in the am start -W output');
  const state = /^LaunchState:\s*(\S+)/m.exec(text)?.[1]?.toUpperCase();
  const result: AmStartResult = { status, messages };
  if (state) result.launchState = state === 'COLD' || state === 'WARM' || state === 'HOT' ? state : 'UNKNOWN';
  const activity = /^Activity:\s*(\S+)/m.exec(text)?.[1];
  if (activity) result.activity = activity;
  const total = numberAfter(text, /^TotalTime:\s*(\d+)/m);
  if (total !== undefined) result.totalTimeMs = total;
  const wait = numberAfter(text, /^WaitTime:\s*(\d+)/m);
  if (wait !== undefined) result.waitTimeMs = wait;
  return parsed(result);
}
