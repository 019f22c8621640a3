/**
 * Appium logs every command body (at info level, which its launcher needs on stdout), and typing
 * the test account into a login form is a command body. Appium's `--log-filters` replaces given
 * strings in every log line; this writes such a rule file into the run's private scratch folder
 * (0600, removed with it) so the account never reaches a log, in any spelling the mask knows.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MASKED, type SecretMask } from '../evidence/secret-mask.js';

/** Writes the rule file and returns its path. */
export function writeLogFilters(scratchDir: string, secrets: SecretMask): string {
  const file = join(scratchDir, 'appium-log-filters.json');
  writeFileSync(file, JSON.stringify(secrets.spellings.map((text) => ({ text, replacer: MASKED }))), { mode: 0o600 });
  return file;
}
