#!/usr/bin/env node
/**
 * Compiles the product's TypeScript (src/, specs/, wdio.conf.ts), and what `npm test` runs from build/
 * (test/, scripts/ and the HarmonyOS driver's lib/: TEST_SOURCES, scripts/test-entry.mjs), to plain JavaScript in build/,
 * with esbuild (the transformer tsx itself uses): one file per source file, same layout, no
 * bundling, so every `import './x.js'` and every `new URL('./asset', import.meta.url)` still
 * resolves. The files that are not TypeScript (JSON schemas, the lexicon, the page scripts, the
 * simulated devices' adb/hdc) are linked, not copied, so build/ never holds a stale copy of them.
 *
 * Why: on Node 20, a TypeScript entry point needs tsx's module hooks, which see every import of
 * every package on a second thread. That doubled the CPU a process spends loading WebdriverIO
 * (measured: @wdio/cli 2.2 CPU-s through tsx, 1.1 without), and an audit starts three such
 * processes. bin/govapp-audit.js runs build/ when it is current (scripts/build-freshness.mjs) and
 * the TypeScript through tsx otherwise, so an edit is never run stale. `npm run setup` (before
 * `npm start` and `npm test`) builds.
 *
 *   node scripts/build.mjs            build when a source is newer than build/
 *   node scripts/build.mjs --force    build anyway
 *
 * Type checking is `npm run typecheck`'s job; esbuild only strips the types.
 */
import { transform } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_DIR, SOURCES, STAMP, TEST_SOURCES, filesUnder, isCurrent, testsCurrent } from './build-freshness.mjs';

/** Compiles the sources under `root` to `root`/build (written beside it, then moved into place). */
export async function build(root = PROJECT_DIR) {
  const started = new Date();
  // The compiler options esbuild reads: class fields follow the target, as they do through tsx.
  const tsconfigRaw = { compilerOptions: { target: JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions.target } };
  const buildDir = join(root, 'build');
  const staging = `${buildDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  let compiled = 0;
  let linked = 0;
  for (const source of [...SOURCES, ...TEST_SOURCES]) {
    for (const file of filesUnder(join(root, source))) {
      const rel = relative(root, file);
      const target = join(staging, rel);
      mkdirSync(dirname(target), { recursive: true });
      if (file.endsWith('.d.ts')) continue;
      if (file.endsWith('.ts')) {
        const { code } = await transform(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'node20', sourcefile: rel, tsconfigRaw });
        writeFileSync(target.replace(/\.ts$/, '.js'), code);
        compiled++;
      } else {
        symlinkSync(relative(dirname(target), file), target);
        linked++;
      }
    }
  }
  // Stamped with the build's start: a source saved while it ran is newer than the build.
  const stamp = join(staging, STAMP);
  writeFileSync(stamp, `${started.toISOString()}\n`);
  utimesSync(stamp, started, started);
  rmSync(buildDir, { recursive: true, force: true });
  renameSync(staging, buildDir);
  return { compiled, linked, ms: Date.now() - started.getTime() };
}

export { isCurrent, testsCurrent };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--force') && testsCurrent()) process.exit(0);
  const { compiled, linked, ms } = await build();
  console.error(`govapp-audit build: ${compiled} files compiled to build/, ${linked} linked, in ${ms} ms`);
}
