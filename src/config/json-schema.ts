/** One Ajv instance for every schema the project publishes; messages name the failing field. */
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
export const ajv = addFormats(new Ajv({ allErrors: false, strict: false }));

/** "field /viewport/width must be >= 200" from Ajv's first error. */
export function describeSchemaError(errors: ErrorObject[] | null | undefined): string {
  const e = errors?.[0];
  if (!e) return 'is invalid';
  const where = e.instancePath || '(top level)';
  if (e.keyword === 'additionalProperties') return `${where} has an unknown field "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'required') return `${where} is missing the field "${String(e.params.missingProperty)}"`;
  return `${where} ${e.message ?? 'is invalid'}`;
}
