/** Every check cites real clauses, and every clause is tested by a check or reviewed by hand. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECK_CATALOG, CHECK_IDS, isCheckId } from '../../src/checks/catalog.js';
import { CLAUSES, CLAUSES_REVIEWED_BY_HAND } from '../../src/regulation/clauses.js';

const clauseIds = new Set<string>(Object.keys(CLAUSES));
const entries = Object.entries(CHECK_CATALOG) as [string, { clauses: readonly string[]; title: string }][];

void describe('check catalog and clauses', () => {
  void it('has exactly one catalog entry per check id', () => {
    assert.deepEqual(Object.keys(CHECK_CATALOG).sort(), [...CHECK_IDS].sort());
    assert.equal(CHECK_IDS.length, 15);
  });

  void it('cites only clauses that exist, at least one per check', () => {
    for (const [id, info] of entries) {
      assert.ok(info.clauses.length > 0, `${id} cites no clause`);
      for (const clause of info.clauses) assert.ok(clauseIds.has(clause), `${id} cites unknown clause ${clause}`);
    }
  });

  void it('leaves no clause untested unless it is listed as reviewed by hand', () => {
    const cited = new Set(entries.flatMap(([, info]) => info.clauses));
    const handReviewed = new Set(Object.keys(CLAUSES_REVIEWED_BY_HAND));
    const orphans = [...clauseIds].filter((c) => !cited.has(c) && !handReviewed.has(c));
    assert.deepEqual(orphans, []);
    for (const c of handReviewed) assert.ok(clauseIds.has(c), `hand-reviewed clause ${c} does not exist`);
  });

  void it('writes every article as 第…条', () => {
    for (const [id, clause] of Object.entries(CLAUSES)) assert.match(clause.article, /^第.+条/, id);
  });

  void it('recognises check ids', () => {
    assert.equal(isCheckId('forced-check-in'), true);
    assert.equal(isCheckId('forced-checkin'), false);
  });
});
