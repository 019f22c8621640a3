/**
 * Appium logs every command body (at info level, which its launcher needs on stdout), and typing
 * the test account into a login form is a command body. Appium's `--log-filters` replaces given
 * strings in every log line; this writes such a rule file into the run's private scratch folder
 * (0600, removed with it) so the account never reaches <out>/logs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Credentials } from '../config/credentials.js';
import { MASKED } from '../explore/mask.js';

/** Writes the rule file and returns its path. */
export function writeLogFilters(scratchDir: string, credentials: Credentials): string {
  const secrets = [credentials.password, credentials.username].filter((s) => s.length >= 3);
  // Command bodies are JSON: the escaped spelling of a secret is what appears in the log line.
  const variants = [...new Set(secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)]))];
  const file = join(scratchDir, 'appium-log-filters.json');
  writeFileSync(file, JSON.stringify(variants.map((text) => ({ text, replacer: MASKED }))), { mode: 0o600 });
  return file;
}
