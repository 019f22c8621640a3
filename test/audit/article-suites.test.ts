/** The one article grouping: every check in exactly one suite, and every suite a spec file that names it. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ARTICLE_SUITES, articleSuiteOf, articleSuiteOfSpec } from '../../src/audit/article-suites.js';
import { AUDIT_SPEC_FILES } from '../../src/audit/spec-files.js';
import { CHECK_IDS } from '../../src/checks/catalog.js';
import { CODE_EXT } from '../../src/core/paths.js';

void describe('article suites', () => {
  void it('groups every check exactly once', () => {
    const grouped = ARTICLE_SUITES.flatMap((s) => [...s.checks]).sort();
    assert.deepEqual(grouped, [...CHECK_IDS].sort());
    assert.equal(articleSuiteOf('stability'), '第十七条 稳定运行');
  });

  void it('runs each suite from a spec file of its own that names it, after exploration and the probes', () => {
    for (const suite of ARTICLE_SUITES) {
      const file = join('specs', `${suite.spec}.spec.ts`);
      assert.ok(existsSync(file), file);
      assert.match(readFileSync(file, 'utf8'), new RegExp(`describeArticleSuite\\('${suite.spec}'\\)`));
    }
    assert.deepEqual(AUDIT_SPEC_FILES.slice(0, 3).map((f) => f.split('/').pop()), ['explore', 'collect-ocr', 'collect-probes'].map((name) => `${name}.spec${CODE_EXT}`));
    assert.equal(AUDIT_SPEC_FILES.length, 3 + ARTICLE_SUITES.length);
    assert.throws(() => articleSuiteOfSpec('article-99-none'), /not in ARTICLE_SUITES/);
  });
});
