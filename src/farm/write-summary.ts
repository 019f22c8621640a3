/** Writes summary.json (validated against summary.schema.json, atomically) and summary.html beside it. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ajv, describeSchemaError } from '../config/json-schema.js';
import { AuditError } from '../core/errors.js';
import type { BatchSummary } from './summary.js';
import { summaryHtml } from './summary-html.js';

const validate = ajv.compile<BatchSummary>(JSON.parse(readFileSync(new URL('./summary.schema.json', import.meta.url), 'utf8')) as object);

/** Asserts the summary matches its schema. */
export function assertValidSummary(summary: unknown): asserts summary is BatchSummary {
  if (!validate(summary)) throw new AuditError('runner-failed', `summary.json does not match its schema: ${describeSchemaError(validate.errors)}.`);
}

/** Writes both files; resolves to their paths. */
export function writeSummary(out: string, summary: BatchSummary): { json: string; html: string } {
  assertValidSummary(summary);
  const json = join(out, 'summary.json');
  const html = join(out, 'summary.html');
  writeFileSync(`${json}.tmp`, JSON.stringify(summary, null, 2) + '\n');
  renameSync(`${json}.tmp`, json);
  writeFileSync(`${html}.tmp`, summaryHtml(summary));
  renameSync(`${html}.tmp`, html);
  return { json, html };
}
