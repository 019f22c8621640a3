/** Check results written by the worker (one file per check) and merged once by the CLI. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckId } from '../checks/catalog.js';
import type { CheckResult } from '../checks/result.js';
import type { SecretMask } from '../evidence/secret-mask.js';

export const RESULTS_DIR = 'results';

/** Writes one check's result (worker side), masked: findings quote request bodies and URLs. */
export function writeCheckResult(outDir: string, result: CheckResult, secrets: SecretMask): void {
  const dir = join(outDir, RESULTS_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${result.id}.json`), JSON.stringify(secrets.value(result), null, 2));
}

/** Reads one check's result, or undefined when the worker never wrote it. */
export function readCheckResult(outDir: string, id: CheckId): CheckResult | undefined {
  const file = join(outDir, RESULTS_DIR, `${id}.json`);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CheckResult;
  } catch {
    return undefined;
  }
}
