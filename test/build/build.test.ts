/**
 * scripts/build.mjs and the freshness rule bin/govapp-audit.js runs by: build/ is run only when no
 * source is newer than it, and code run from build/ finds the project, its specs and its assets.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { build } from '../../scripts/build.mjs';
import { isCurrent, testsCurrent } from '../../scripts/build-freshness.mjs';
import type * as Paths from '../../src/core/paths.js';
import type * as SpecFiles from '../../src/audit/spec-files.js';

/** The checkout (npm test runs from its root), found without the module under test. */
const REPO = process.cwd();
const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function tinyProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'build-test-'));
  roots.push(root);
  mkdirSync(join(root, 'src', 'a'), { recursive: true });
  mkdirSync(join(root, 'specs'));
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022' } }));
  writeFileSync(join(root, 'src', 'a', 'value.ts'), "import type { Hidden } from './types.js';\nexport const value: number = 41 + 1;\nexport type Shown = Hidden;\n");
  writeFileSync(join(root, 'src', 'a', 'types.ts'), 'export interface Hidden { x: number }\n');
  writeFileSync(join(root, 'src', 'a', 'data.json'), '{"k":1}');
  writeFileSync(join(root, 'specs', 'x.spec.ts'), "import { value } from '../src/a/value.js';\nexport const doubled = value * 2;\n");
  writeFileSync(join(root, 'wdio.conf.ts'), 'export const config = {};\n');
  // Saved two minutes ago: a build started now is strictly newer (a tie would count as stale).
  const old = new Date(Date.now() - 120_000);
  for (const f of ['src/a/value.ts', 'src/a/types.ts', 'src/a/data.json', 'specs/x.spec.ts', 'wdio.conf.ts']) utimesSync(join(root, f), old, old);
  return root;
}

describe('scripts/build.mjs', () => {
  it('compiles every TypeScript file in place of its name, links the other files, and the result runs', async () => {
    const root = tinyProject();
    assert.equal(isCurrent(root), false, 'no build yet');
    const { compiled, linked } = await build(root);
    assert.equal(compiled, 4);
    assert.equal(linked, 1);
    const spec = (await import(pathToFileURL(join(root, 'build', 'specs', 'x.spec.js')).href)) as { doubled: number };
    assert.equal(spec.doubled, 84);
    const asset = join(root, 'build', 'src', 'a', 'data.json');
    assert.ok(lstatSync(asset).isSymbolicLink());
    assert.equal(readFileSync(asset, 'utf8'), '{"k":1}');
    assert.ok(existsSync(join(root, 'build', 'wdio.conf.js')));
    assert.equal(isCurrent(root), true);
  });

  it('counts build/ stale once any source is newer than the moment it was built', async () => {
    const root = tinyProject();
    await build(root);
    assert.equal(isCurrent(root), true);
    // As if built a minute ago, from sources two minutes old; then one source saved ten seconds ago.
    const ago = (s: number) => new Date(Date.now() - s * 1000);
    utimesSync(join(root, 'build', '.built'), ago(60), ago(60));
    for (const f of ['src/a/value.ts', 'src/a/types.ts', 'src/a/data.json', 'specs/x.spec.ts', 'wdio.conf.ts']) utimesSync(join(root, f), ago(120), ago(120));
    assert.equal(isCurrent(root), true);
    utimesSync(join(root, 'specs', 'x.spec.ts'), ago(10), ago(10));
    assert.equal(isCurrent(root), false, 'an edited spec');
    await build(root);
    assert.equal(isCurrent(root), true, 'built again');
    utimesSync(join(root, 'build', '.built'), ago(60), ago(60));
    writeFileSync(join(root, 'src', 'a', 'new-file.ts'), 'export {};\n');
    assert.equal(isCurrent(root), false, 'an added file');
    utimesSync(join(root, 'src', 'a', 'new-file.ts'), ago(120), ago(120));
    utimesSync(join(root, 'src', 'a', 'data.json'), ago(30), ago(30));
    assert.equal(isCurrent(root), false, 'an edited asset: linked, but it says the sources moved on');
  });

  it('compiles the tests and the scripts they import beside the product; an edited test leaves the CLI on build/', async () => {
    const root = tinyProject();
    mkdirSync(join(root, 'test', 'fixtures'), { recursive: true });
    mkdirSync(join(root, 'scripts'));
    writeFileSync(join(root, 'scripts', 'helper.ts'), 'export const three: number = 3;\n');
    writeFileSync(join(root, 'test', 'fixtures', 'page.html'), '<p>x</p>');
    writeFileSync(join(root, 'test', 'value.test.ts'), "import { value } from '../src/a/value.js';\nimport { three } from '../scripts/helper.js';\nexport const sum: number = value + three;\n");
    const ago = (s: number) => new Date(Date.now() - s * 1000);
    for (const f of ['scripts/helper.ts', 'test/fixtures/page.html', 'test/value.test.ts']) utimesSync(join(root, f), ago(120), ago(120));
    assert.equal(testsCurrent(root), false);
    await build(root);
    assert.equal(testsCurrent(root), true);
    const compiledTest = (await import(pathToFileURL(join(root, 'build', 'test', 'value.test.js')).href)) as { sum: number };
    assert.equal(compiledTest.sum, 45, 'the compiled test imports the compiled product and scripts');
    assert.ok(lstatSync(join(root, 'build', 'test', 'fixtures', 'page.html')).isSymbolicLink());
    utimesSync(join(root, 'test', 'value.test.ts'), new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    assert.equal(testsCurrent(root), false, 'an edited test: npm test runs the TypeScript until built again');
    assert.equal(isCurrent(root), true, 'the CLI still runs build/');
  });

  it('run from build/, the product finds the project root, the compiled specs and testrunner configuration, and its assets', async () => {
    const root = mkdtempSync(join(tmpdir(), 'build-real-'));
    roots.push(root);
    for (const entry of ['src', 'specs', 'wdio.conf.ts', 'tsconfig.json']) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
    await build(root);
    const paths = (await import(pathToFileURL(join(root, 'build', 'src', 'core', 'paths.js')).href)) as typeof Paths;
    assert.equal(paths.RUNS_BUILD, true);
    assert.equal(paths.PROJECT_ROOT, root);
    assert.equal(paths.WDIO_CONFIG, join(root, 'build', 'wdio.conf.js'));
    const { AUDIT_SPEC_FILES } = (await import(pathToFileURL(join(root, 'build', 'src', 'audit', 'spec-files.js')).href)) as typeof SpecFiles;
    assert.ok(AUDIT_SPEC_FILES.length > 3);
    for (const file of AUDIT_SPEC_FILES) assert.ok(file.startsWith(join(root, 'build', 'specs')) && file.endsWith('.spec.js') && existsSync(file), file);
    // Modules that read a sibling asset at load time (the verdict's JSON schema, the lexicon's).
    const verdict = (await import(pathToFileURL(join(root, 'build', 'src', 'verdict', 'verdict.js')).href)) as { VERDICT_SCHEMA: { $schema?: string } };
    assert.equal(typeof verdict.VERDICT_SCHEMA, 'object');
    // This test itself runs either way (npm test runs it from build/ when build/ is current).
    const fromBuild = import.meta.url.endsWith('.js');
    const own = await import('../../src/core/paths.js');
    assert.equal(own.RUNS_BUILD, fromBuild, fromBuild ? 'this test from build/' : 'the TypeScript through tsx');
    assert.ok(own.WDIO_CONFIG.endsWith(fromBuild ? 'wdio.conf.js' : 'wdio.conf.ts'));
    assert.equal(own.PROJECT_ROOT, REPO, 'the project root either way');
  });
});
