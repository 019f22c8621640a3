/** Reads a captured HarmonyOS output (sources in test/fixtures/harmonyos-outputs/SOURCES.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/core/paths.js';

export function output(name: string): string {
  return readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'harmonyos-outputs', name), 'utf8');
}
