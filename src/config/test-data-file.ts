/**
 * The lab's test data (--test-data file.json): values the explorer types into forms instead of the
 * defaults, e.g. {"name": "李四", "phone": "13912345678", "idNumber": "…"} when the app validates
 * them against a test registry. The account is not test data: it goes in --credentials, which is
 * masked everywhere; these values are not secret and travel in run-config.json so replays type them again.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { closest } from '../core/did-you-mean.js';
import { AuditError } from '../core/errors.js';
import { TEST_DATA_KEYS, type TestData } from '../explore/test-data.js';

/** Keys a test-data file may set (the account's two keys belong to --credentials). */
export const LAB_TEST_DATA_KEYS = TEST_DATA_KEYS.filter((k) => k !== 'username' && k !== 'password');

const MAX_VALUE_CHARS = 200;

/** Reads and validates a test-data file; throws AuditError('bad-test-data') naming the field. */
export function loadTestData(file: string): Partial<TestData> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new AuditError('bad-test-data', `Test data file ${file} does not exist; pass a JSON object such as {"name": "李四", "phone": "13912345678"}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AuditError('bad-test-data', `Test data file ${file} is not valid JSON.`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new AuditError('bad-test-data', `Test data file ${file} must hold a JSON object with any of ${LAB_TEST_DATA_KEYS.join(', ')}.`);
  }
  const result: Partial<TestData> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'username' || key === 'password') {
      throw new AuditError('bad-test-data', `Test data file ${file} sets "${key}"; the test account goes in --credentials, which is masked in every record.`);
    }
    const known = (LAB_TEST_DATA_KEYS as readonly string[]).includes(key);
    if (!known) {
      const hint = closest(key, LAB_TEST_DATA_KEYS);
      throw new AuditError('bad-test-data', `Test data file ${file} has unknown field "${key}"${hint ? `; did you mean "${hint}"?` : `; known fields: ${LAB_TEST_DATA_KEYS.join(', ')}.`}`);
    }
    if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_VALUE_CHARS) {
      throw new AuditError('bad-test-data', `Test data file ${file}: field "${key}" must be a non-empty string of at most ${MAX_VALUE_CHARS} characters.`);
    }
    result[key as keyof TestData] = value;
  }
  return result;
}
