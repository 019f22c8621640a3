/**
 * Errors of the package reader. Parsers throw FormatError (a malformed structure inside one file);
 * the reader turns it into an AuditError('bad-package') naming the package and the inner file.
 */
import { AuditError, isAuditError } from '../core/errors.js';

/** A structural problem found by one of the binary parsers. */
export class FormatError extends Error {
  override readonly name = 'FormatError';
}

/** Builds the AuditError the CLI prints for unusable input. */
export function packageError(message: string, details?: Record<string, unknown>): AuditError {
  return new AuditError('bad-package', message, details);
}

/** Throws a FormatError when the condition does not hold. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new FormatError(message);
}

/**
 * Runs a parser over one inner file and turns its malformation errors into a one-sentence
 * AuditError. RangeError covers out-of-bounds buffer reads and stack exhaustion.
 */
export function parseOrReject<T>(label: string, inner: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw asPackageError(error, label, inner);
  }
}

/** Async counterpart of parseOrReject. */
export async function parseOrRejectAsync<T>(label: string, inner: string, parse: () => Promise<T>): Promise<T> {
  try {
    return await parse();
  } catch (error) {
    throw asPackageError(error, label, inner);
  }
}

function asPackageError(error: unknown, label: string, inner: string): unknown {
  if (isAuditError(error)) return error;
  if (error instanceof FormatError || error instanceof RangeError || error instanceof SyntaxError) {
    return packageError(
      `The package ${label} has a malformed ${inner} (${clean(error.message)}); submit the original package as produced by the build tools.`,
    );
  }
  return error;
}

/** Keeps an inner reason short and free of sentence breaks so the message stays one sentence. */
export function clean(reason: string): string {
  const oneLine = reason.replace(/\s+/g, ' ').replace(/[.!?]+(\s|$)/g, ',$1').replace(/,\s*$/, '').trim();
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}...` : oneLine;
}
