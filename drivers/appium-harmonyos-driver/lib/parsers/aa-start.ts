/**
 * `aa start` prints `start ability successfully.`; with `-W` (API 20+) it adds `StartMode: Cold|Hot`,
 * `TotalTime` (request received → first frame for a cold start, ms) and `WaitTime` (the command's own time, ms).
 */
export interface StartTiming {
  startMode: 'Cold' | 'Hot';
  totalTimeMs: number;
  waitTimeMs?: number;
}

/** True when `aa start` reported success. */
export function isStartSuccess(output: string): boolean {
  return /start ability successfully/i.test(output) && !/error:/i.test(output);
}

/** The `-W` figures, or undefined when the output has none (older API levels, failures). */
export function parseStartTiming(output: string): StartTiming | undefined {
  const mode = /StartMode:\s*(Cold|Hot)/i.exec(output)?.[1];
  const total = /TotalTime:\s*(\d+)/.exec(output)?.[1];
  if (!mode || total === undefined) return undefined;
  const wait = /WaitTime:\s*(\d+)/.exec(output)?.[1];
  const startMode = mode.toLowerCase() === 'cold' ? 'Cold' : 'Hot';
  return { startMode, totalTimeMs: Number(total), ...(wait !== undefined ? { waitTimeMs: Number(wait) } : {}) };
}
