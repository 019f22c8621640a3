/**
 * Runs one probe and records how it went: exactly one `probe-run` record per run, whether the probe
 * finished, was skipped or failed. A probe gets only the tools it declared (`needs`, `uses`); one
 * whose needed tool the platform does not offer is recorded skipped, naming the tool. A failure's
 * message is a sentence, whatever was thrown.
 */
import { skipped, type AnyProbe, type ProbeContext, type ProbeSummary } from './probe.js';
import { PROBE_TOOL_TITLES, type ProbeToolName, type ProbeTools } from './probe-tools.js';

/** Everything a probe's context has but its tools: the same for every probe of a run. */
export type ProbeBase = Omit<ProbeContext, 'tools'>;

/** One line a reviewer can read for anything thrown (an Error, a string, a driver's error object). */
export function errorSentence(error: unknown): string {
  if (error instanceof Error) return firstLine(error.message) || `${error.name}（无错误信息）`;
  if (typeof error === 'string' && error.trim()) return firstLine(error);
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && message.trim()) return firstLine(message);
  let shown: string;
  try { shown = JSON.stringify(error) ?? String(error); } catch { shown = String(error); }
  return `探针异常终止，抛出的不是错误对象：${shown.slice(0, 200)}`;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]!.trim();
}

/**
 * Runs the probe and appends its one `probe-run` record; resolves to the summary, or rejects with an
 * Error carrying the same sentence as the record. Callers end their test (skip, fail) after this returns,
 * never inside it: mocha's skip throws, and a throw here would be a second record.
 */
export async function runAndRecord(probe: AnyProbe, base: ProbeBase, offered: ProbeTools): Promise<ProbeSummary> {
  const started = base.now();
  const missing = missingTools(probe, offered);
  if (missing.length > 0) {
    const summary = skipped(`该平台不提供${missing.map((t) => PROBE_TOOL_TITLES[t]).join('、')}，探针 ${probe.id} 未运行。`);
    base.store.append({ type: 'probe-run', probe: probe.id, status: 'skipped', message: summary.text, durationMs: 0 });
    return summary;
  }
  let summary: ProbeSummary;
  try {
    // Every needed tool is there (checked above); the probe's type asks for exactly those.
    summary = await probe.run({ ...base, tools: toolsFor(probe, offered) as Required<ProbeTools> });
  } catch (error) {
    const message = errorSentence(error);
    base.store.append({ type: 'probe-run', probe: probe.id, status: 'error', message, durationMs: base.now() - started });
    throw error instanceof Error ? error : new Error(message);
  }
  base.store.append({ type: 'probe-run', probe: probe.id, status: summary.status, message: summary.text, durationMs: base.now() - started });
  return summary;
}

/** The tools `probe` needs that the platform does not offer. */
export function missingTools(probe: Pick<AnyProbe, 'needs'>, offered: ProbeTools): ProbeToolName[] {
  return probe.needs.filter((name) => offered[name] === undefined);
}

/** Only the tools the probe declared (needed or used), of those offered. */
export function toolsFor(probe: Pick<AnyProbe, 'needs' | 'uses'>, offered: ProbeTools): ProbeTools {
  const given: ProbeTools = {};
  for (const name of [...probe.needs, ...(probe.uses ?? [])]) {
    if (offered[name] !== undefined) Object.assign(given, { [name]: offered[name] });
  }
  return given;
}
