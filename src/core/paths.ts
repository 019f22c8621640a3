/** Locations inside the installed project, resolved from this file rather than the working directory. */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLES_DIR = join(PROJECT_ROOT, 'samples');
export const DEVICES_DIR = join(PROJECT_ROOT, 'devices');
export const SPECS_DIR = join(PROJECT_ROOT, 'specs');
export const WDIO_CONFIG = join(PROJECT_ROOT, 'wdio.conf.ts');
export const DEFAULT_SAMPLE = 'zhangshang-zhengwu';
export const DEFAULT_DEVICE = 'pixel-7';
