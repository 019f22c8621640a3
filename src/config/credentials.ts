/**
 * The lab's test account (--credentials file.json: {"username": "…", "password": "…"}).
 * Never logged, never written to evidence or reports: only the file path travels to workers.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { AuditError } from '../core/errors.js';

export interface Credentials {
  username: string;
  password: string;
}

/** Reads and validates a credentials file. */
export function loadCredentials(file: string): Credentials {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new AuditError('bad-credentials', `Credentials file ${file} does not exist; pass a JSON file {"username": "…", "password": "…"}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AuditError('bad-credentials', `Credentials file ${file} is not valid JSON; it must be {"username": "…", "password": "…"}.`);
  }
  const record = data as Record<string, unknown> | null;
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    throw new AuditError('bad-credentials', `Credentials file ${file} must hold a JSON object {"username": "…", "password": "…"}.`);
  }
  for (const field of ['username', 'password'] as const) {
    if (typeof record[field] !== 'string' || (record[field]).length === 0) {
      throw new AuditError('bad-credentials', `Credentials file ${file} has no non-empty string "${field}"; it must be {"username": "…", "password": "…"}.`);
    }
  }
  const extra = Object.keys(record).filter((k) => k !== 'username' && k !== 'password');
  if (extra.length) throw new AuditError('bad-credentials', `Credentials file ${file} has unknown field "${extra[0]}"; only "username" and "password" are allowed.`);
  return { username: record.username as string, password: record.password as string };
}
