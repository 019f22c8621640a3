/** Locations inside the installed project, resolved from this file rather than the working directory. */
import { fileURLToPath } from 'node:url';
import { basename, dirname, join } from 'node:path';

/** Where the running code lives: the project itself (TypeScript through tsx) or its build/ (scripts/build.mjs). */
const CODE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Whether this process runs the compiled JavaScript in build/ rather than the TypeScript. */
export const RUNS_BUILD = basename(CODE_ROOT) === 'build' && import.meta.url.endsWith('.js');
export const PROJECT_ROOT = RUNS_BUILD ? dirname(CODE_ROOT) : CODE_ROOT;
/** The extension of the code files this process loads (the spec files and the testrunner's configuration). */
export const CODE_EXT = RUNS_BUILD ? '.js' : '.ts';
export const SAMPLES_DIR = join(PROJECT_ROOT, 'samples');
export const DEVICES_DIR = join(PROJECT_ROOT, 'devices');
export const SPECS_DIR = join(CODE_ROOT, 'specs');
export const WDIO_CONFIG = join(CODE_ROOT, `wdio.conf${CODE_EXT}`);
export const DEFAULT_SAMPLE = 'zhangshang-zhengwu';
export const DEFAULT_DEVICE = 'pixel-7';
