/**
 * Runs one probe and records how it went: exactly one `probe-run` record per run, whether the probe
 * finished, was skipped or failed. A failure's message is a sentence, whatever was thrown.
 */
import type { Probe, ProbeContext, ProbeSummary } from './probe.js';

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
export async function runAndRecord(probe: Probe, ctx: ProbeContext): Promise<ProbeSummary> {
  const started = ctx.now();
  let summary: ProbeSummary;
  try {
    summary = await probe.run(ctx);
  } catch (error) {
    const message = errorSentence(error);
    ctx.store.append({ type: 'probe-run', probe: probe.id, status: 'error', message, durationMs: ctx.now() - started });
    throw error instanceof Error ? error : new Error(message);
  }
  ctx.store.append({ type: 'probe-run', probe: probe.id, status: summary.status, message: summary.text, durationMs: ctx.now() - started });
  return summary;
}
