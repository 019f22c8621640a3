/**
 * Typed errors with a fixed code. A detected violation is never an error: it is a finding.
 * An AuditError is a problem with the input or the environment; the CLI prints its message
 * (one sentence naming the fix) and exits 2, with the stack only under --debug.
 */
export type AuditErrorCode =
  | 'usage'
  | 'bad-app'
  | 'bad-package'
  | 'bad-device'
  | 'bad-credentials'
  | 'bad-exemption'
  | 'bad-lexicon'
  | 'bad-test-data'
  | 'unreachable-app'
  | 'port-in-use'
  | 'missing-system-dependency'
  | 'unsupported-platform'
  | 'bad-run-dir'
  | 'interrupted'
  | 'bad-inventory'
  | 'bad-manifest'
  | 'farm-unavailable'
  | 'runner-failed';

/** An expected failure with a one-sentence, actionable message. */
export class AuditError extends Error {
  override readonly name = 'AuditError';
  constructor(
    readonly code: AuditErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** True when the value is an AuditError (also across module copies). */
export function isAuditError(value: unknown): value is AuditError {
  return value instanceof Error && (value as { name?: string }).name === 'AuditError' && 'code' in value;
}
