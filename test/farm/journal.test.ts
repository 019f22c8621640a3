import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { batchState, Journal, JOURNAL_FILE, readJournal } from '../../src/farm/journal.js';

const at = '2026-01-01T00:00:00.000Z';

describe('batch journal', () => {
  it('appends whole lines and reads them back; a torn last line from a kill is skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const j = new Journal(dir);
    j.append({ type: 'start', at, audit: 'a@p', device: 'd1', host: 'h', attempt: 1 });
    j.append({ type: 'done', at, audit: 'a@p', device: 'd1', host: 'h', outcome: 'fail', exitCode: 1, complete: true, durationMs: 5 });
    j.close();
    appendFileSync(join(dir, JOURNAL_FILE), '{"type":"start","at":"2026-01-01T00:00:0');
    const entries = readJournal(dir);
    assert.equal(entries.length, 2);
    assert.equal(readFileSync(join(dir, JOURNAL_FILE), 'utf8').split('\n').length, 3);
  });

  it('an audit is done at its first done line; one started and not done was cut', () => {
    const s = batchState([
      { type: 'start', at, audit: 'a', device: 'd1', host: 'h', attempt: 1 },
      { type: 'done', at, audit: 'a', device: 'd1', host: 'h', outcome: 'pass', exitCode: 0, complete: true, durationMs: 1 },
      { type: 'start', at, audit: 'b', device: 'd2', host: 'h', attempt: 1 },
      { type: 'start', at, audit: 'c', device: 'd1', host: 'h', attempt: 1 },
      { type: 'attempt-failed', at, audit: 'c', device: 'd1', attempt: 1, reason: 'x' },
      { type: 'start', at, audit: 'c', device: 'd2', host: 'h', attempt: 2 },
      { type: 'done', at, audit: 'c', device: 'd2', host: 'h', outcome: 'fail', exitCode: 1, complete: true, durationMs: 1 },
    ]);
    assert.deepEqual([...s.done.keys()].sort(), ['a', 'c']);
    assert.deepEqual([...s.cut], ['b']);
    assert.equal(s.starts.get('c'), 2);
  });
});
