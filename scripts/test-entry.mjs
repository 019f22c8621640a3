/**
 * How `npm test` starts a test file: the compiled JavaScript in build/ (scripts/build.mjs compiles test/ and
 * scripts/ beside the product) when build/ is current for the tests too, else the TypeScript through tsx.
 *
 * Why: a test process loads WebdriverIO, Appium or the product through tsx's module hooks, which see every
 * import on a second thread; from build/ the same file costs about 1 CPU-s less (harmonyos-driver.test:
 * 5.0 -> 3.7 CPU-s), and npm test starts some 35 such processes on 2 cores. Decided once, when npm test
 * starts; GOVAPP_AUDIT_SOURCE=1 runs the TypeScript as it does for the CLI.
 */
import { join } from 'node:path';
import { testsCurrent } from './build-freshness.mjs';

export const TESTS_FROM_BUILD = process.env.GOVAPP_AUDIT_SOURCE !== '1' && testsCurrent();

/** The node options that load a test file: tsx's hooks for the TypeScript, none for build/. */
export function testLoader(fromBuild = TESTS_FROM_BUILD) {
  return fromBuild ? [] : ['--import', 'tsx'];
}

/** The file to run for `test/…/x.ts` (relative to the project): build/test/…/x.js from build/. */
export function testPath(file, fromBuild = TESTS_FROM_BUILD) {
  return fromBuild ? join('build', file.replace(/\.ts$/, '.js')) : file;
}
