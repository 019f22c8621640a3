/** The lexicon: default file valid, a lab file extends it without code, mistakes named at load. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_DETECTOR_SETTINGS } from '../../src/checks/detectors/types.js';
import { lexiconRules } from '../../src/checks/lexicon/compile.js';
import { parseRunArgs } from '../../src/cli/args.js';
import { loadLexicon } from '../../src/config/lexicon.js';
import { isAuditError } from '../../src/core/errors.js';
import { caseBundle, type CorpusCase } from '../helpers/corpus.js';
import { fires } from '../helpers/corpus-metrics.js';

const LAB = 'test/fixtures/lexicon/lab-extension.json';

function oneScreen(id: string, nodes: CorpusCase['screen']['nodes']): CorpusCase {
  return { id, source: 'test', labels: [], screen: { title: '测试', nodes } };
}

function writeLab(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lexicon-')), 'lab.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function badLexicon(file: string, message: RegExp): void {
  assert.throws(() => loadLexicon(file), (e: unknown) => isAuditError(e) && e.code === 'bad-lexicon' && message.test(e.message));
}

describe('lexicon', () => {
  it('loads the bundled default (schema-valid) and gives every rule-based check its rules', () => {
    const lexicon = loadLexicon();
    for (const id of ['forced-check-in', 'points-ranking', 'repeated-data-reporting', 'commercial-activity'] as const) {
      assert.ok(lexiconRules(lexicon, id).length > 0, id);
    }
  });

  it('a lab file ORs patterns into a known rule, adds new rules and terms, and keeps the defaults', () => {
    const settings = { ...DEFAULT_DETECTOR_SETTINGS, lexicon: loadLexicon(LAB) };
    const roll = oneScreen('roll', [{ role: 'button', text: '每日报到', click: true }]);
    const board = oneScreen('board', [{ role: 'div', text: '本月星级榜' }]);
    const classic = oneScreen('classic', [{ role: 'button', text: '每日签到', click: true }]);
    assert.equal(fires('forced-check-in', roll), false, 'the default lexicon does not know 报到');
    assert.equal(fires('forced-check-in', roll, settings), true);
    assert.equal(fires('points-ranking', board, settings), true);
    assert.equal(fires('forced-check-in', classic, settings), true, 'default patterns survive the extension');
    assert.ok(caseBundle(roll).screens[0]!.nodes.length > 1);
  });

  it('is passed on the command line with --lexicon', () => {
    assert.equal(parseRunArgs(['--lexicon', LAB]).lexicon, LAB);
    assert.equal(parseRunArgs([]).lexicon, undefined);
  });

  it('rejects an unknown check id with a did-you-mean', () => {
    badLexicon(writeLab({ version: 1, checks: { 'forced-checkin': { rules: [] } } }), /unknown check "forced-checkin".*did you mean "forced-check-in"/);
  });

  it('names the field of a schema error, an invalid regular expression and an incomplete new rule', () => {
    badLexicon(writeLab({ version: 2 }), /field \/version/);
    badLexicon(writeLab({ version: 1, checks: { 'points-ranking': { rules: [{ id: 'ranking-entry', patterns: ['(排行'] }] } } }), /not a valid regular expression/);
    badLexicon(writeLab({ version: 1, checks: { 'points-ranking': { rules: [{ id: 'brand-new', patterns: ['榜单'] }] } } }), /"brand-new" needs kind, what and confidence/);
    badLexicon(writeLab('{ not json'), /not valid JSON/);
    badLexicon('/nonexistent/lab.json', /does not exist/);
  });
});
