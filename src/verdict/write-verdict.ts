/** Validates a verdict against the published schema and writes it atomically. */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ajv, describeSchemaError } from '../config/json-schema.js';
import { VERDICT_SCHEMA, type Verdict } from './verdict.js';

const validate = ajv.compile(VERDICT_SCHEMA);

/** Errors of a verdict against the schema, or an empty list. */
export function verdictSchemaErrors(verdict: unknown): string[] {
  return validate(verdict) ? [] : [describeSchemaError(validate.errors)];
}

/** Writes <out>/verdict.json via a temporary file, so a reader never sees half a verdict. */
export function writeVerdict(outDir: string, verdict: Verdict): string {
  const errors = verdictSchemaErrors(verdict);
  if (errors.length) throw new Error(`internal error: verdict does not match its schema: ${errors.join('; ')}`);
  const file = join(outDir, 'verdict.json');
  writeFileSync(`${file}.tmp`, JSON.stringify(verdict, null, 2));
  renameSync(`${file}.tmp`, file);
  return file;
}
