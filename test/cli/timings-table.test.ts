/** `--timings`: the phase table a person reads at the terminal, and the option that asks for it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRunArgs } from '../../src/cli/args.js';
import { displayWidth, formatTimingsTable, phaseLabel, phaseRows } from '../../src/cli/timings-table.js';

void describe('the phase table', () => {
  void it('has one row per phase in run order, total last, in Chinese, with seconds', () => {
    const table = formatTimingsTable([{ title: '耗时', timings: { inputs: 700, exploration: 15_040, 'probe:network-idle': 8000, other: 300, total: 24_040 } }]);
    const lines = table.split('\n');
    assert.equal(lines.length, 6);
    assert.match(lines[1]!, /^输入检查.*0\.7 s$/);
    assert.match(lines[2]!, /^应用探索.*15\.0 s$/);
    assert.match(lines[3]!, /^探针 network-idle.*8\.0 s$/);
    assert.match(lines[5]!, /^合计.*24\.0 s$/);
    // Columns line up although the labels mix CJK and ASCII.
    assert.equal(new Set(lines.map(displayWidth)).size, 1);
  });

  void it('gives every app its column and a dash where an app lacks a phase', () => {
    const rows = phaseRows([{ exploration: 1, total: 1 }, { exploration: 1, ocr: 2, total: 3 }]);
    assert.deepEqual(rows, ['exploration', 'ocr', 'total']);
    const table = formatTimingsTable([{ title: 'a', timings: { exploration: 1000, total: 1000 } }, { title: 'b', timings: { exploration: 1000, ocr: 2000, total: 3000 } }]);
    assert.match(table.split('\n')[2]!, /^文字识别（OCR）\s+—\s+2\.0 s$/);
  });

  void it('labels every phase the runner records', () => {
    for (const name of ['cli-start', 'inputs', 'appium-start', 'session-start', 'exploration', 'ocr', 'checks', 'session-end', 'verdict', 'report', 'other', 'total']) {
      assert.match(phaseLabel(name), /[\u4e00-\u9fff]/, name);
    }
  });

  void it('is asked for with --timings', () => {
    assert.equal(parseRunArgs(['--timings']).timings, true);
    assert.equal(parseRunArgs([]).timings, undefined);
  });
});
