/** --exempt <check-id>:<reason>. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseExemptions } from '../../src/config/exemptions.js';
import { assertAuditError } from '../helpers/audit-error.js';

void describe('parseExemptions', () => {
  void it('maps check ids to reasons, keeping colons inside the reason', () => {
    assert.deepEqual(parseExemptions(['forced-check-in:安保', 'online-duration-tracking: 应急值守: 夜间']), {
      'forced-check-in': '安保',
      'online-duration-tracking': '应急值守: 夜间',
    });
    assert.deepEqual(parseExemptions([]), {});
  });

  void it('rejects an unknown check id and suggests the closest one', () => {
    assertAuditError(() => parseExemptions(['forced-checkin:安保']), 'bad-exemption', /Did you mean "forced-check-in"\?/);
  });

  void it('requires a non-empty reason', () => {
    assertAuditError(() => parseExemptions(['forced-check-in']), 'bad-exemption', /reason/);
    assertAuditError(() => parseExemptions(['forced-check-in:   ']), 'bad-exemption', /reason/);
  });
});
