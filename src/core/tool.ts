/** Name and version of this tool, as recorded in verdict.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths.js';

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
export const TOOL = { name: pkg.name, version: pkg.version };
