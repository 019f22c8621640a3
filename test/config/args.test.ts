/** `govapp-audit run` options. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRunArgs } from '../../src/cli/args.js';
import { assertAuditError } from '../helpers/audit-error.js';

void describe('parseRunArgs', () => {
  void it('parses every option, collecting repeated --exempt', () => {
    assert.deepEqual(
      parseRunArgs(['--app', 'x.apk', '--device', 'pixel-7', '--out', 'reports/r1', '--budget', '90.5', '--credentials', 'c.json',
        '--exempt', 'forced-check-in:安保', '--exempt', 'points-ranking:演练', '--appium-port', '4723', '--max-actions', '50', '--no-report']),
      {
        app: 'x.apk', device: 'pixel-7', out: 'reports/r1', budget: 90.5, credentials: 'c.json',
        exempt: ['forced-check-in:安保', 'points-ranking:演练'], appiumPort: 4723, maxActions: 50, noReport: true,
      },
    );
  });

  void it('defaults to no exemptions and nothing else', () => {
    assert.deepEqual(parseRunArgs([]), { exempt: [] });
  });

  void it('rejects a budget that is not a positive number', () => {
    for (const budget of ['abc', '0', '-5', '-0.5', 'Infinity']) {
      assertAuditError(() => parseRunArgs(['--budget', budget]), 'usage', new RegExp(`--budget must be a positive number of seconds, got "${budget}"`));
    }
  });

  void it('reads a negative number after an option as its value, not as another option', () => {
    assertAuditError(() => parseRunArgs(['--max-actions', '-3']), 'usage', /--max-actions must be a positive integer, got "-3"/);
    assertAuditError(() => parseRunArgs(['--budget', '--app']), 'usage', /ambiguous/);
  });

  void it('rejects a non-integer --max-actions', () => {
    assertAuditError(() => parseRunArgs(['--max-actions', '2.5']), 'usage', /--max-actions/);
  });

  void it('rejects an unknown option and a stray positional as usage errors', () => {
    assertAuditError(() => parseRunArgs(['--frobnicate']), 'usage', /frobnicate.*--help/);
    assertAuditError(() => parseRunArgs(['app.apk']), 'usage');
  });

  void it('rejects an Appium port outside 1..65535', () => {
    assertAuditError(() => parseRunArgs(['--appium-port', '70000']), 'usage', /65535/);
    assertAuditError(() => parseRunArgs(['--appium-port', '0']), 'usage');
  });
});
