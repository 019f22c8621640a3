/**
 * The last line for files the run does not write itself: WebdriverIO's Allure reporter (test
 * errors, attachments) and logger write under <out>/allure-results and <out>/logs as the run goes;
 * before the report is built from them, every text file there is masked in place.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { SecretMask } from '../evidence/secret-mask.js';
import { isBinaryExtension } from '../evidence/store.js';

/** Masks every text file under `dir` (recursively); returns the files that changed. */
export function maskTextFilesUnder(dir: string, secrets: SecretMask): string[] {
  if (!secrets.active || !existsSync(dir)) return [];
  const changed: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) { changed.push(...maskTextFilesUnder(file, secrets)); continue; }
    if (!entry.isFile() || isBinaryExtension(extname(entry.name).slice(1))) continue;
    const text = readFileSync(file, 'utf8');
    const masked = secrets.text(text);
    if (masked === text) continue;
    writeFileSync(file, masked);
    changed.push(file);
  }
  return changed;
}
