/** The e2e audit cache (test/e2e/shared-audit.ts) is keyed by the source tree: any change re-audits. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sourceTreeKey } from '../e2e/shared-audit.js';

void describe('sourceTreeKey', () => {
  void it('changes with a commit, an edit of a tracked file and a new untracked file, and only then', () => {
    const repo = mkdtempSync(join(tmpdir(), 'tree-key-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo });
    git('init', '-q');
    writeFileSync(join(repo, 'a.ts'), 'one');
    git('add', '.');
    git('commit', '-qm', 'one');
    const committed = sourceTreeKey(repo);
    assert.equal(sourceTreeKey(repo), committed);
    writeFileSync(join(repo, 'a.ts'), 'two');
    const edited = sourceTreeKey(repo);
    assert.notEqual(edited, committed);
    writeFileSync(join(repo, 'b.ts'), 'new');
    const untracked = sourceTreeKey(repo);
    assert.notEqual(untracked, edited);
    writeFileSync(join(repo, 'b.ts'), 'newer');
    assert.notEqual(sourceTreeKey(repo), untracked);
    writeFileSync(join(repo, 'b.ts'), 'new');
    assert.equal(sourceTreeKey(repo), untracked);
    git('add', '.');
    git('commit', '-qm', 'two');
    assert.notEqual(sourceTreeKey(repo), untracked);
  });
});
