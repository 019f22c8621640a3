/** Fails fast, with one sentence, when the app's URL cannot be reached at all. */
import { AuditError } from '../core/errors.js';

/** Resolves when the URL answers with any HTTP response within the timeout. */
export async function assertReachable(url: string, timeoutMs = 10_000): Promise<void> {
  try {
    const response = await fetch(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error instanceof Error ? error.name : 'error');
    throw new AuditError('unreachable-app', `Cannot reach ${url} (${cause}); check the URL and that the app's server is running and reachable from this machine.`);
  }
}
