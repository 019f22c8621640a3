/** Assertions shared by the package tests. */
import assert from 'node:assert/strict';
import { isAuditError } from '../../../src/core/errors.js';

/** Asserts the promise rejects with AuditError('bad-package') and a one-sentence message. */
export async function expectBadPackage(promise: Promise<unknown>, pattern?: RegExp): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isAuditError(error), `expected an AuditError, got ${String(error)}`);
    assert.equal(error.code, 'bad-package');
    assertOneSentence(error.message);
    if (pattern) assert.match(error.message, pattern);
    return;
  }
  assert.fail('expected inspectPackage to reject');
}

/** One sentence: a single line, ending with a period, no sentence break inside. */
export function assertOneSentence(message: string): void {
  assert.ok(!message.includes('\n'), `message has a line break: ${message}`);
  assert.ok(message.endsWith('.'), `message does not end with a period: ${message}`);
  assert.ok(!/[.!?]\s+[A-Z]/.test(message.slice(0, -1)), `message has more than one sentence: ${message}`);
  assert.ok(!/\n\s+at /.test(message), 'message contains a stack trace');
}
