/** Asserts that a call fails with an AuditError of a given code and a one-line message. */
import assert from 'node:assert/strict';
import { isAuditError, type AuditError, type AuditErrorCode } from '../../src/core/errors.js';

export function assertAuditError(run: () => unknown, code: AuditErrorCode, message?: RegExp): AuditError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught !== undefined, `expected an AuditError ${code}, but nothing was thrown`);
  assert.ok(isAuditError(caught), `expected an AuditError ${code}, got ${caught instanceof Error ? caught.stack ?? caught.message : JSON.stringify(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.ok(caught.message.length > 0);
  assert.doesNotMatch(caught.message, /\n/, 'the message is one line');
  assert.match(caught.message, /[.?]$/, 'the message ends as a sentence');
  if (message) assert.match(caught.message, message);
  return caught;
}
